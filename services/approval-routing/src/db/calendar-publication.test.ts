import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCalendarYear } from "./calendar-publication.js";
import { createHarness, type Harness } from "./test-harness.js";

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness("routing_calendar_publication");
});

afterAll(async () => {
  await harness?.close();
});

describe("publishing a year's calendar", () => {
  // Issue 8 (finding 8): the publication of 2100 took 2099-12-31, changing a day of a year already
  // published without recomputing the deadlines it had made final.
  it("refuses a date outside the year it publishes, naming it, and publishes nothing", async () => {
    const routing = harness.routing({ day: "2099-06-01" });
    const before = await routing.sql<{ years: number; days: number }[]>`select (select count(*)::int from calendar_years) as years, (select count(*)::int from calendar_overrides) as days`;
    const published = await publishCalendarYear(routing.deps, 2100, [{ date: "2100-01-01", kind: "holiday", note: "元旦" }, { date: "2099-12-31", kind: "holiday", note: "" }], "国办发明电〔2099〕1号", "admin:calendar");
    expect(published.ok ? "published" : { code: published.error.code, fields: published.error.violations?.map((violation) => violation.field) }).toEqual({ code: "invalid_argument", fields: ["days[1].date"] });
    const after = await routing.sql<{ years: number; days: number }[]>`select (select count(*)::int from calendar_years) as years, (select count(*)::int from calendar_overrides) as days`;
    expect(after).toEqual(before);
  });
});
