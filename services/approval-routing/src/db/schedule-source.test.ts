import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, type Sql } from "@steward/platform/db";
import { acceptItem } from "../domain/item-commands.js";
import { runClockRound } from "../jobs/clock-scheduler.js";
import { publishCalendarYear } from "./calendar-publication.js";
import { publishYear } from "./calendar/schedule-store.js";
import { ScheduleSource } from "./schedule-source.js";
import { createHarness, value, type Harness } from "./test-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("routing_schedule_source");
});
afterAll(async () => {
  await harness?.close();
});

/**
 * The pool, except that `between` runs (to completion) right after the first query the schedule
 * source makes returns: another replica publishing a year while this one is loading.
 */
function interleaved(sql: Sql, between: () => Promise<void>): Sql {
  let fired = false;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      apply(fn, self, args) {
        const query = Reflect.apply(fn as (...a: unknown[]) => PromiseLike<unknown>, self, args);
        return Promise.resolve(query).then(async (rows) => {
          if (!fired) {
            fired = true;
            await between();
          }
          return rows;
        });
      },
      get(object, property) {
        if (property === "begin") {
          return (...args: unknown[]) => {
            const work = args.pop() as (tx: unknown) => unknown;
            return (object as unknown as Sql).begin(...(args as [string]), (tx) => work(wrap(tx)));
          };
        }
        const member = Reflect.get(object, property) as unknown;
        return typeof member === "function" ? (member as (...a: unknown[]) => unknown).bind(object) : member;
      },
    });
  return wrap(sql);
}

describe("the schedule cache", () => {
  it("never serves a half-published year, nor keeps a load that overlapped a publication", async () => {
    const publish = async () => {
      await transaction(harness.sql, (tx) => publishYear(tx, 2027, [{ date: "2027-01-01", kind: "holiday", note: "元旦" }], "国办发明电〔2026〕N号", "admin:calendar"));
      source.invalidate(); // as publishCalendarYear does once its transaction committed
    };
    const source = new ScheduleSource(interleaved(harness.sql, publish));

    const during = await source.get();
    // Whatever the load saw, it saw one state: 2027 published together with its holiday, or neither.
    expect(during.publishedYears.has(2027)).toBe(during.holidays.has("2027-01-01"));

    // The publication happened during that load: the next read must not be the older schedule.
    const after = await source.get();
    expect(after.publishedYears.has(2027)).toBe(true);
    expect(after.holidays.has("2027-01-01")).toBe(true);
  });

  it("lets no replica's stale cache leave a deadline provisional once the year is published", async () => {
    const routing = harness.routing({ day: "2028-12-31" });
    const stale = routing.replica();
    await stale.schedule.get(); // this replica read the schedule before the publication
    const kase = value(await routing.submit(["ZRZY-YDYS"]));
    const item = await routing.item(kase.id, "ZRZY-YDYS");

    const holidays = [{ date: "2029-01-01", kind: "holiday" as const, note: "元旦" }];
    // The routed item's acceptance window ran into 2029: the publication makes it final.
    expect(value(await publishCalendarYear(routing.deps, 2029, holidays, "国办发明电〔2028〕N号", "admin:calendar"))).toEqual({ year: 2029, recomputed: 1 });
    expect((await routing.reload(item)).acceptanceDue).toEqual({ date: "2029-01-08", provisional: false });

    // Within its cache's TTL the other replica accepts the item on the old schedule.
    const accept = { itemId: item.id, department: "zrzy", request: { id: randomUUID(), digest: Buffer.alloc(32) }, actor: "dept:zrzy", action: "accept" };
    const accepted = value(await routing.command({ ...accept, run: (current, context) => acceptItem(current, { mode: "normal", missingMaterials: [], commitmentRef: "" }, context) }, stale));
    expect(accepted.committedDue).toEqual({ date: "2029-01-12", provisional: true });

    // Once its cache is renewed, a clock round on either replica makes the deadline final, once.
    stale.schedule.invalidate();
    expect((await runClockRound(stale)).recomputed).toBe(1);
    expect((await runClockRound(routing.deps)).recomputed).toBe(0);
    expect(await routing.reload(item)).toMatchObject({ committedDue: { date: "2029-01-15", provisional: false }, statutoryDue: { provisional: false }, warnOn: "2029-01-12" });
    // The publication's recomputation of the acceptance window, then the clock's of the deadlines.
    expect((await routing.itemLedger(item, "item.deadline_recomputed")).map((row) => row.actor)).toEqual(["admin:calendar", "system:clock"]);
  });
});
