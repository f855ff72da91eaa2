import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import { parseCatalogue, type Catalogue, type CatalogueItem } from "../domain/catalogue.js";
import { CatalogueRefusedError, loadCatalogue, readCatalogue, upsertCatalogueItem } from "./catalogue.js";
import { catalogueTerms } from "./catalogue-terms.js";

const migrations = fileURLToPath(new URL("./migrations", import.meta.url));

function seed(): Catalogue {
  const parsed = parseCatalogue(JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return structuredClone(parsed.catalogue);
}

function item(catalogue: Catalogue, code: string): CatalogueItem {
  const found = catalogue.items.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return structuredClone(found);
}

describe("catalogue storage", () => {
  let db: TestDatabase;
  let sql: Sql;

  beforeAll(async () => {
    db = await createTestDatabase("catalogue");
    await migrate({ databaseUrl: db.url, dir: migrations });
    sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "catalogue-test" });
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  beforeEach(async () => {
    await sql`truncate catalogue_versions, selections, catalogue_items, departments`;
  });

  async function counts() {
    const [row] = await sql<{ departments: number; items: number; selections: number; versions: number }[]>`
      select (select count(*)::int from departments) as departments, (select count(*)::int from catalogue_items) as items,
             (select count(*)::int from selections) as selections, (select count(*)::int from catalogue_versions) as versions`;
    return row!;
  }

  it("loads the seed and reads it back equal", async () => {
    const catalogue = seed();
    expect(await loadCatalogue(sql, catalogue, "admin-1")).toEqual({ loaded: true, version: catalogue.version });
    expect(await readCatalogue(sql)).toEqual(catalogue);
    expect(await counts()).toEqual({ departments: catalogue.departments.length, items: catalogue.items.length, selections: catalogue.selections.length, versions: 1 });
    const [version] = await sql`select version, loaded_by from catalogue_versions`;
    expect(version).toEqual({ version: catalogue.version, loaded_by: "admin-1" });
    const [stamp] = await sql`select updated_by from catalogue_items where code = 'ZJ-SGXK'`;
    expect(stamp).toEqual({ updated_by: "admin-1" });
  });

  it("reads an empty catalogue before the first load", async () => {
    expect(await readCatalogue(sql)).toEqual({ version: "", source: "", departments: [], items: [], selections: [] });
  });

  it("applies a version once, so edits survive the load at the next start", async () => {
    const catalogue = seed();
    await loadCatalogue(sql, catalogue);
    const edited = { ...item(catalogue, "ZRZY-YDGH"), committedLimit: { value: 8, unit: "working_days" as const } };
    expect(await upsertCatalogueItem(sql, edited, "city-admin")).toEqual({ ok: true, item: edited });

    expect(await loadCatalogue(sql, catalogue)).toEqual({ loaded: false, version: catalogue.version });
    expect(item(await readCatalogue(sql), "ZRZY-YDGH").committedLimit).toEqual({ value: 8, unit: "working_days" });

    await loadCatalogue(sql, catalogue, "seed", { force: true });
    expect(await readCatalogue(sql)).toEqual(catalogue);
  });

  it("refuses a version already loaded with different content", async () => {
    const catalogue = seed();
    await loadCatalogue(sql, catalogue);
    catalogue.items[0]!.name = "企业投资项目备案（改）";
    await expect(loadCatalogue(sql, catalogue)).rejects.toThrow(new RegExp(`version ${catalogue.version.replace(".", "\\.")} was loaded before with different content`));
  });

  it("replaces the catalogue whole with a new version: dropped items, departments and selections go", async () => {
    await loadCatalogue(sql, seed());
    const next = seed();
    next.version = "2025.2";
    next.items = next.items.filter((entry) => !["RS-SBDJ", "SW-FPSL"].includes(entry.code));
    next.departments = next.departments.filter((department) => !["rs", "sw"].includes(department.code));
    next.selections = next.selections.filter((selection) => selection.code !== "BUNDLE-QYKB");
    next.items.find((entry) => entry.code === "SL-STBC")!.committedLimit = { value: 3, unit: "working_days" };

    expect(await loadCatalogue(sql, next, "admin-2")).toEqual({ loaded: true, version: "2025.2" });
    expect(await readCatalogue(sql)).toEqual(next);
    const stamps = await sql<{ code: string; updated_by: string }[]>`
      select code, updated_by from catalogue_items where code in ('SL-STBC', 'ZJ-SGXK') order by code`;
    // Only the changed item is stamped with the new loader.
    expect(stamps).toEqual([
      { code: "SL-STBC", updated_by: "admin-2" },
      { code: "ZJ-SGXK", updated_by: "seed" },
    ]);
  });

  it("loads nothing of a catalogue with a cycle, naming the item", async () => {
    await loadCatalogue(sql, seed());
    const before = await counts();
    const broken = seed();
    broken.version = "2025.3";
    broken.items.find((entry) => entry.code === "FGW-BA")!.prerequisites = ["ZRZY-YDYS"];
    broken.items.push({ ...item(broken, "ZJ-JGBA"), code: "ZJ-NEW", prerequisites: [] });

    const error = await loadCatalogue(sql, broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogueRefusedError);
    expect((error as CatalogueRefusedError).problems).toEqual(["item FGW-BA: prerequisites form a cycle FGW-BA -> ZRZY-YDYS -> FGW-BA"]);
    expect(await counts()).toEqual(before);
    expect(await readCatalogue(sql)).toEqual(seed());
  });

  it("loads nothing when the database refuses part of the write", async () => {
    await loadCatalogue(sql, seed());
    const before = await counts();
    const next = seed();
    next.version = "2025.4";
    next.items.push({ ...item(next, "ZJ-JGBA"), code: "ZJ-NEW", prerequisites: [] });
    // Fail the last statement of the load: everything before it must roll back.
    await sql`create function refuse_version() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`;
    await sql`create trigger refuse_version before insert on catalogue_versions for each row execute function refuse_version()`;
    try {
      await expect(loadCatalogue(sql, next)).rejects.toThrow(/refused/);
    } finally {
      await sql`drop trigger refuse_version on catalogue_versions`;
      await sql`drop function refuse_version()`;
    }
    expect(await counts()).toEqual(before);
    expect(await readCatalogue(sql)).toEqual(seed());
  });

  it("refuses an upsert with an unknown prerequisite, naming the item, and writes nothing", async () => {
    await loadCatalogue(sql, seed());
    const changed = { ...item(seed(), "ZJ-SGXK"), prerequisites: ["ZRZY-GCGH", "ZJ-NOPE"] };
    expect(await upsertCatalogueItem(sql, changed, "city-admin")).toEqual({ ok: false, problems: ["item ZJ-SGXK: unknown prerequisite ZJ-NOPE"] });
    const added = { ...item(seed(), "ZJ-SGXK"), code: "ZJ-NEW", prerequisites: ["ZJ-NOPE"] };
    expect(await upsertCatalogueItem(sql, added, "city-admin")).toEqual({ ok: false, problems: ["item ZJ-NEW: unknown prerequisite ZJ-NOPE"] });
    expect(await readCatalogue(sql)).toEqual(seed());
  });

  it("adds a new item last and replaces an existing one in place, stamping the editor", async () => {
    await loadCatalogue(sql, seed());
    const added: CatalogueItem = {
      ...item(seed(), "ZRZY-GCGH"),
      code: "ZRZY-LSYD",
      name: "临时用地审批",
      prerequisites: ["ZRZY-YDGH"],
    };
    expect(await upsertCatalogueItem(sql, added, "city-admin")).toMatchObject({ ok: true });
    const replaced = { ...item(seed(), "FGW-BA"), name: "企业投资项目备案（在线）" };
    expect(await upsertCatalogueItem(sql, replaced, "city-admin")).toMatchObject({ ok: true });

    const expected = seed();
    expected.items[0] = replaced;
    expected.items.push(added);
    expect(await readCatalogue(sql)).toEqual(expected);
    const stamps = await sql`select code, updated_by from catalogue_items where updated_by = 'city-admin' order by code`;
    expect(stamps).toEqual([
      { code: "FGW-BA", updated_by: "city-admin" },
      { code: "ZRZY-LSYD", updated_by: "city-admin" },
    ]);
  });

  it("serialises concurrent edits, so two together cannot close a cycle", async () => {
    await loadCatalogue(sql, seed());
    const base = seed();
    // Each edit alone is fine; both together would make A and B require each other.
    const a = { ...item(base, "SL-STBC"), prerequisites: ["STHJ-HPB"] };
    const b = { ...item(base, "STHJ-HPB"), prerequisites: ["SL-STBC"] };
    const results = await Promise.all([upsertCatalogueItem(sql, a, "admin-a"), upsertCatalogueItem(sql, b, "admin-b")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused && !refused.ok && refused.problems).toEqual(["item SL-STBC: prerequisites form a cycle SL-STBC -> STHJ-HPB -> SL-STBC"]);
    expect(parseCatalogue(await readCatalogue(sql)).ok).toBe(true);
  });

  it("gives a case the terms of known item codes, and nothing for unknown ones", async () => {
    await loadCatalogue(sql, seed());
    const terms = await transaction(sql, (tx) => catalogueTerms(tx, ["ZJ-SGXK", "SCJG-YYZZ", "NOPE"]));
    expect([...terms.keys()].sort()).toEqual(["SCJG-YYZZ", "ZJ-SGXK"]);
    expect(terms.get("ZJ-SGXK")).toMatchObject({ departmentCode: "zj", stage: "施工许可", committedLimit: { value: 3, unit: "working_days" } });
    expect(terms.get("ZJ-SGXK")).toMatchObject({ prerequisites: ["ZRZY-GCGH"], conditionalPrerequisites: ["ZJ-XFSJ", "RF-BJSP", "QX-FLSJ"] });
  });
});
