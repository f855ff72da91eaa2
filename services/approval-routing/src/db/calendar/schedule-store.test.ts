import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, migrate, transaction, transactionResult, type Sql } from "@steward/platform/db";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import { buildHolidaySchedule, deadlineFor, isWorkingDay, officialCalendar, recomputeProvisional } from "@steward/calendar";
import { loadPublications, loadSchedule, publishYear } from "./schedule-store.js";

const migrations = fileURLToPath(new URL("../migrations", import.meta.url));

/** A hypothetical 2027 notice: New Year's Day Friday 1 to Sunday 3 January. */
const newYear2027 = [
  { date: "2027-01-01", kind: "holiday" as const, note: "元旦" },
  { date: "2027-01-02", kind: "holiday" as const, note: "元旦" },
  { date: "2027-01-03", kind: "holiday" as const, note: "元旦" },
];

describe("calendar store", () => {
  let db: TestDatabase;
  let sql: Sql;

  beforeAll(async () => {
    db = await createTestDatabase("calendar");
    await migrate({ databaseUrl: db.url, dir: migrations });
    sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "calendar-test" });
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it("starts from the package's official schedule, 2027 unpublished", async () => {
    const schedule = await loadSchedule(sql);
    expect(schedule.publishedYears.has(2026)).toBe(true);
    expect(schedule.publishedYears.has(2027)).toBe(false);
    expect(isWorkingDay("2026-02-14", schedule)).toBe(true);
    expect(isWorkingDay("2026-10-01", schedule)).toBe(false);
  });

  it("refuses a malformed schedule and writes nothing", async () => {
    const result = await transactionResult(sql, (tx) =>
      publishYear(tx, 2027, [...newYear2027, { date: "2028-01-01", kind: "holiday" }], "国办发明电〔2026〕X号", "admin-1"),
    );
    expect(result).toEqual({ ok: false, problems: ["2028-01-01: outside 2027"] });
    expect(await sql`select 1 from calendar_overrides`).toHaveLength(0);
    expect(await sql`select 1 from calendar_years`).toHaveLength(0);
  });

  it("keeps overrides of an unpublished year staged", async () => {
    await sql`insert into calendar_overrides (date, kind, source, created_by) values ('2027-01-01', 'holiday', 'draft', 'admin-1')`;
    const schedule = await loadSchedule(sql);
    expect(schedule.publishedYears.has(2027)).toBe(false);
    expect(isWorkingDay("2027-01-01", schedule)).toBe(true);
    await sql`delete from calendar_overrides`;
  });

  it("recomputes a provisional deadline once the year is published", async () => {
    const limit = { value: 20, unit: "working_days" as const };
    const before = await loadSchedule(sql);
    const current = deadlineFor(limit, "2026-12-20", before);
    expect(current).toEqual({ date: "2027-01-15", provisional: true });

    const result = await transaction(sql, (tx) => publishYear(tx, 2027, newYear2027, "国办发明电〔2026〕X号", "admin-1"));
    expect(result).toEqual({ ok: true, year: 2027 });

    const after = await loadSchedule(sql);
    expect(after.publishedYears.has(2027)).toBe(true);
    expect(isWorkingDay("2027-01-01", after)).toBe(false);
    expect(recomputeProvisional([{ key: "item-1", limit, startedOn: "2026-12-20", current }], after)).toEqual([
      { key: "item-1", before: current, after: { date: "2027-01-18", provisional: false } },
    ]);

    const [year] = await sql<{ source: string; published_by: string }[]>`select source, published_by from calendar_years where year = 2027`;
    expect(year).toEqual({ source: "国办发明电〔2026〕X号", published_by: "admin-1" });
    const rows = await sql`select date::text as date, kind, note, created_by from calendar_overrides order by date`;
    expect(rows).toEqual(newYear2027.map((entry) => ({ ...entry, created_by: "admin-1" })));
  });

  it("hands other services the publications that rebuild the same schedule (GetHolidaySchedule)", async () => {
    const { overrides, publications } = await loadPublications(sql);
    expect(publications.map((publication) => [publication.year, publication.source])).toEqual([[2027, "国办发明电〔2026〕X号"]]);
    const rebuilt = buildHolidaySchedule({ official: officialCalendar, overrides, publications });
    const local = await loadSchedule(sql);
    expect([...rebuilt.holidays].sort()).toEqual([...local.holidays].sort());
    expect([...rebuilt.publishedYears].sort()).toEqual([...local.publishedYears].sort());
    expect(deadlineFor({ value: 3, unit: "working_days" }, "2026-12-30", rebuilt)).toEqual({ date: "2027-01-05", provisional: false });
  });

  it("replaces a year's schedule when it is published again", async () => {
    const amended = [
      { date: "2026-12-26", kind: "workday" as const, note: "元旦调休" },
      { date: "2027-01-01", kind: "holiday" as const, note: "元旦" },
    ];
    const result = await transaction(sql, (tx) => publishYear(tx, 2027, amended, "amended notice", "admin-2"));
    expect(result).toEqual({ ok: true, year: 2027 });
    const rows = await sql`select date::text as date, kind from calendar_overrides order by date`;
    expect(rows).toEqual([
      { date: "2026-12-26", kind: "workday" },
      { date: "2027-01-01", kind: "holiday" },
    ]);
    const schedule = await loadSchedule(sql);
    expect(isWorkingDay("2026-12-26", schedule)).toBe(true); // a Saturday, now a make-up working day
    expect(isWorkingDay("2027-01-02", schedule)).toBe(false); // an ordinary Saturday again
  });

  it("rejects an unknown kind in the table itself", async () => {
    await expect(sql`insert into calendar_overrides (date, kind, source, created_by) values ('2027-05-01', 'off', 'x', 'y')`).rejects.toThrow(/check constraint/);
  });
});
