import { describe, expect, it } from "vitest";
import { namespaces, natsValues, regionValues, type RegionsFile } from "./regions.js";

const file: RegionsFile = {
  city: { name: "安康市", divisionCode: "610900" },
  regions: [
    { slug: "city", name: "安康市（市级）", divisionCode: "610900", kind: "city" },
    { slug: "hanbin", name: "汉滨区", divisionCode: "610902", kind: "county" },
    { slug: "gaoxin", name: "安康高新区", divisionCode: null, kind: "development-zone" },
  ],
};

describe("region values", () => {
  it("links a county (or development zone) with the city alone", () => {
    const values = regionValues(file, file.regions[2]!, "deploy/regions/test.json");
    expect(values).toContain("  slug: gaoxin\n  kind: development-zone\n");
    expect(values).toContain('  divisionCode: ""\n');
    expect(values.match(/- \{region: /g)).toHaveLength(1);
    expect(values).toContain("    - {region: city, namespace: steward-city}\n");
  });

  it("links the city with every other region", () => {
    const values = regionValues(file, file.regions[0]!, "deploy/regions/test.json");
    expect(values).toContain("    - {region: hanbin, namespace: steward-hanbin}\n    - {region: gaoxin, namespace: steward-gaoxin}\n");
    expect(values).not.toContain("{region: city,");
  });
});

describe("namespaces and NATS accounts", () => {
  it("makes one restricted namespace per region", () => {
    const yaml = namespaces(file, "deploy/regions/test.json");
    expect(yaml.match(/^kind: Namespace$/gm)).toHaveLength(3);
    expect(yaml.match(/pod-security\.kubernetes\.io\/enforce: restricted/g)).toHaveLength(3);
  });

  it("gives every region its own NATS account and user, with JetStream syncing every write", () => {
    const yaml = natsValues(file, "deploy/regions/test.json");
    expect(yaml).toContain("sync_interval: always");
    expect(yaml).toContain("      STEWARD_GAOXIN:\n        jetstream: enabled\n        users:\n          - {user: steward-gaoxin, password: << $STEWARD_GAOXIN_NATS_PASSWORD >>}\n");
    expect(yaml).toContain("secretKeyRef: {name: nats-steward-accounts, key: hanbin}");
  });
});
