import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { regionsFileSchema } from "./regions.js";

const ankang = JSON.parse(readFileSync(new URL("../../../../deploy/regions/ankang.json", import.meta.url), "utf8"));

describe("regions data", () => {
  it("holds Ankang's city level and its 12 counties and districts", () => {
    const parsed = regionsFileSchema.parse(ankang);
    expect(parsed.regions).toHaveLength(13);
    expect(parsed.regions.filter((region) => region.kind !== "city").map((region) => region.slug)).toContain("hanbin");
  });

  it("refuses a file with a repeated slug", () => {
    const broken = structuredClone(ankang);
    broken.regions.push(broken.regions[1]);
    expect(regionsFileSchema.safeParse(broken).success).toBe(false);
  });
});
