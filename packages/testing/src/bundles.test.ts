import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundleStaleness, writeBundleStamp } from "./bundles.js";

/** A repository of one service, bundled: its source, a migrations folder, and the shared inputs. */
let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "steward-bundles-"));
  for (const shared of ["pnpm-lock.yaml", "scripts/build/bundle.ts", "scripts/build/assets.ts"]) write(shared, shared);
  write("services/svc/src/main.ts", "main");
  write("packages/platform/src/db.ts", "db");
  write("services/svc/src/db/migrations/0001_a.sql", "a");
  write("services/svc/catalogue.json", "{}");
  write("services/svc/dist/main.js", "bundle");
  writeBundleStamp(join(root, "services/svc/dist"), ["services/svc/src/main.ts", "packages/platform/src/db.ts"], ["services/svc/src/db/migrations", "services/svc/catalogue.json"], root);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("bundleStaleness", () => {
  it("finds a bundle fresh while nothing it was made from changed, even when a file is rewritten unchanged", () => {
    write("services/svc/src/main.ts", "main");
    write("services/other/src/main.ts", "another service's change");
    expect(bundleStaleness("svc", root)).toBeUndefined();
  });

  it("names what makes a bundle stale: a changed source, asset or dependency set, a new or removed file, no bundle", () => {
    write("packages/platform/src/db.ts", "db, edited");
    expect(bundleStaleness("svc", root)).toBe("packages/platform/src/db.ts changed");
    write("packages/platform/src/db.ts", "db");
    write("pnpm-lock.yaml", "a dependency upgraded");
    expect(bundleStaleness("svc", root)).toBe("pnpm-lock.yaml changed");
    write("pnpm-lock.yaml", "pnpm-lock.yaml");
    write("services/svc/src/db/migrations/0002_b.sql", "b");
    expect(bundleStaleness("svc", root)).toBe("services/svc/src/db/migrations/0002_b.sql is new");
    unlinkSync(join(root, "services/svc/src/db/migrations/0002_b.sql"));
    unlinkSync(join(root, "services/svc/catalogue.json"));
    expect(bundleStaleness("svc", root)).toBe("services/svc/catalogue.json is gone");
    write("services/svc/catalogue.json", "{}");
    expect(bundleStaleness("svc", root)).toBeUndefined();
    unlinkSync(join(root, "services/svc/dist/build-inputs.json"));
    expect(bundleStaleness("svc", root)).toBe("no build-inputs.json");
    unlinkSync(join(root, "services/svc/dist/main.js"));
    expect(bundleStaleness("svc", root)).toBe("not built");
  });
});
