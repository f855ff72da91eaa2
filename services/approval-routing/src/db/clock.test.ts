import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays, workingDaysBetween } from "@steward/calendar";
import { elapsedWorkingDays } from "../domain/clock.js";
import { runClockRound } from "../jobs/clock-scheduler.js";
import { publishCalendarYear } from "./calendar-publication.js";
import { createHarness, value, type Harness, type Routing } from "./test-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("routing_clock");
});
afterAll(async () => {
  await harness?.close();
});

async function routedItem(routing: Routing, code: string) {
  const kase = value(await routing.submit([code]));
  return routing.item(kase.id, code);
}

const noRound = { warned: 0, overdue: 0, suspended: 0, returned: 0, deemed: 0, recomputed: 0 };

describe("容缺 (accepted with non-core materials missing)", () => {
  it("suspends the item after the supplement deadline and returns it after the configured working days", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "ZRZY-YDYS");
    const missing = "标注拟选址位置的国土空间规划图";

    // A core material cannot be missing; the refusal writes nothing.
    const before = await routing.writes();
    const core = await routing.act(item, { kind: "accept", mode: "tolerant", missingMaterials: ["建设项目用地预审与选址申请表"] });
    expect(!core.ok && core.error.code).toBe("invalid_argument");
    expect(await routing.writes()).toEqual(before);

    const accepted = value(await routing.act(item, { kind: "accept", mode: "tolerant", missingMaterials: [missing] }));
    expect(accepted).toMatchObject({ state: "in_review", mode: "tolerant", outstandingMaterials: [missing], supplementDue: { date: "2026-03-09", provisional: false } });
    const approve = await routing.act(item, { kind: "decide", decision: "approve" });
    expect(!approve.ok && approve.error.code).toBe("failed_precondition");

    routing.setDay("2026-03-09"); // the deadline's own day: still in time
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    routing.setDay("2026-03-10");
    expect((await runClockRound(routing.deps)).suspended).toBe(1);
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    const suspended = await routing.reload(item);
    expect(suspended).toMatchObject({ state: "suspended", returnOn: { date: "2026-03-31", provisional: false } });

    // 15 working days later (the default) it is still suspended on the return day, returned after it.
    expect(routing.settings.returnAfterWorkingDays).toBe(15);
    expect(workingDaysBetween("2026-03-10", "2026-03-31", (await routing.deps.schedule.get()))).toBe(15);
    routing.setDay("2026-03-31");
    expect((await runClockRound(routing.deps)).returned).toBe(0);
    routing.setDay("2026-04-01");
    expect((await runClockRound(routing.deps)).returned).toBe(1);
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    expect((await routing.reload(item)).state).toBe("returned");

    const rows = await routing.itemLedger(item);
    expect(rows.map((row) => `${row.action}:${row.from}->${row.to}`)).toEqual([
      "item.planned:->planned",
      "item.route:planned->routed",
      "item.accept:routed->accepted",
      "item.start_review:accepted->in_review",
      "item.suspend:in_review->suspended",
      "item.return_late:suspended->returned",
    ]);
    expect(rows.map((row) => row.actor).slice(-2)).toEqual(["system:clock", "system:clock"]);
    expect((await routing.itemEvents("routing.item.transitioned", item.id)).map((event) => (event.payload?.value as { action: string }).action)).toEqual(["suspend", "return_late"]);
  });

  it("does not count the time a returned application spends with the applicant", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "ZRZY-YDYS");
    const missing = "标注拟选址位置的国土空间规划图";
    value(await routing.act(item, { kind: "accept", mode: "tolerant", missingMaterials: [missing] }));
    routing.setDay("2026-03-10");
    await runClockRound(routing.deps); // suspended from 03-10: 03-03..03-09 (5 working days) counted
    routing.setDay("2026-04-01");
    await runClockRound(routing.deps); // returned

    routing.setDay("2026-04-15");
    const back = value(await routing.act(item, { kind: "record_supplement", materials: [missing] }));
    expect(back.state).toBe("resubmitted");
    const schedule = await routing.deps.schedule.get();
    // Five of the ten committed working days are left, counted from the resubmission.
    expect(elapsedWorkingDays(back, schedule, "2026-04-15")).toBe(5);
    expect(back.committedDue).toEqual({ date: "2026-04-22", provisional: false });
    expect(await runClockRound(routing.deps)).toEqual(noRound);
  });
});

describe("容缺 with 补正 and excluded periods", () => {
  const missing = "项目代码及备案证明";

  it("does not waive the missing material when the department asks for a correction or returns the application", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "STHJ-HPB");
    value(await routing.act(item, { kind: "accept", mode: "tolerant", missingMaterials: [missing] }));
    const returned = value(await routing.act(item, { kind: "decide", decision: "return", reason: "报告表结论不明确" }));
    expect(returned.outstandingMaterials).toEqual([missing]);

    const partial = await routing.act(item, { kind: "record_supplement", materials: ["环境影响报告表"] });
    expect(!partial.ok && partial.error.violations?.[0]?.description).toMatch(missing);
    const back = value(await routing.act(item, { kind: "record_supplement", materials: ["环境影响报告表", missing] }));
    expect(back).toMatchObject({ state: "resubmitted", outstandingMaterials: [] });
    expect(back.supplementDue).toBeUndefined();
    expect(value(await routing.act(item, { kind: "decide", decision: "approve" })).state).toBe("approved");
  });

  it("suspends a late item only once the expert review it waits on is over", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "STHJ-HPB");
    value(await routing.act(item, { kind: "accept", mode: "tolerant", missingMaterials: [missing] }));
    value(await routing.act(item, { kind: "pause", periodKind: "expert_review" }));
    routing.setDay("2026-03-10"); // the supplement was due 03-09
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    expect((await routing.reload(item)).state).toBe("in_review");

    routing.setDay("2026-03-12");
    value(await routing.act(item, { kind: "resume" }));
    routing.setDay("2026-03-13");
    expect((await runClockRound(routing.deps)).suspended).toBe(1);
    const suspended = await routing.reload(item);
    expect(suspended.pauses.filter((pause) => pause.to === undefined)).toEqual([{ kind: "suspension", from: "2026-03-13" }]);
    expect(suspended.returnOn?.date).toBe("2026-04-03");
  });
});

describe("告知承诺 (approval on a signed commitment)", () => {
  it("approves on acceptance, opens the verification, and revokes on a false commitment", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "STHJ-HPB");

    const unsigned = await routing.act(item, { kind: "accept", mode: "commitment" });
    expect(!unsigned.ok && unsigned.error.violations?.[0]?.field).toBe("commitment_ref");

    const approved = value(await routing.act(item, { kind: "accept", mode: "commitment", commitmentRef: "CN-2026-018" }));
    expect(approved).toMatchObject({
      state: "approved",
      mode: "commitment",
      commitmentRef: "CN-2026-018",
      verificationOpen: true,
      verificationDue: { date: "2026-03-30", provisional: false },
    });
    const [kase] = await routing.sql<{ status: string }[]>`select status from cases where id = ${item.caseId}`;
    expect(kase!.status).toBe("completed");
    expect((await routing.itemEvents("routing.item.decided", item.id)).map((event) => event.payload?.value)).toMatchObject([{ outcome: "approved" }]);

    routing.setDay("2026-03-20");
    const revoked = value(await routing.act(item, { kind: "verify", commitmentTrue: false, reason: "承诺内容与现场不符" }));
    expect(revoked).toMatchObject({ state: "revoked", verificationOpen: false });
    // The case had completed on that approval; without it, it is open again until re-planned.
    const [reopened] = await routing.sql<{ status: string }[]>`select status from cases where id = ${item.caseId}`;
    expect(reopened!.status).toBe("open");
    const again = await routing.act(item, { kind: "verify", commitmentTrue: true });
    expect(!again.ok && again.error.code).toBe("failed_precondition");

    expect((await routing.itemLedger(item)).slice(2).map((row) => `${row.action}:${row.to}:${row.reason}`)).toEqual([
      "item.accept:accepted:",
      "item.approve_on_commitment:approved:",
      "item.revoke:revoked:承诺内容与现场不符",
    ]);
  });

  it("closes the verification when the commitment is true", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "SCJG-YYZZ");
    value(await routing.act(item, { kind: "accept", mode: "commitment", commitmentRef: "CN-2026-019" }));
    const verified = value(await routing.act(item, { kind: "verify", commitmentTrue: true }));
    expect(verified).toMatchObject({ state: "approved", verificationOpen: false });
    expect((await routing.itemLedger(item, "item.verification_passed")).length).toBe(1);
  });
});

describe("补正 pauses the clock", () => {
  it("moves the deadlines by exactly the paused working days and leaves the pause out of the elapsed days", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "ZRZY-YDYS");
    const accepted = value(await routing.act(item, { kind: "accept", mode: "normal" }));
    expect(accepted.committedDue).toEqual({ date: "2026-03-16", provisional: false });
    expect(accepted.statutoryDue).toEqual({ date: "2026-03-30", provisional: false });

    routing.setDay("2026-03-04");
    const waiting = value(await routing.act(item, { kind: "request_supplement", materials: ["建设项目用地预审与选址申请报告"], reason: "坐标有误" }));
    expect(waiting.state).toBe("returned_for_correction");

    // While the applicant corrects, the original deadline passes without a yellow or red light.
    routing.setDay("2026-03-17");
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    const schedule = await routing.deps.schedule.get();
    expect(elapsedWorkingDays(await routing.reload(item), schedule, "2026-03-17")).toBe(2);

    routing.setDay("2026-03-18");
    const back = value(await routing.act(item, { kind: "record_supplement", materials: ["建设项目用地预审与选址申请报告"] }));
    expect(back.state).toBe("resubmitted");
    // Paused 03-05..03-18: ten working days, so each deadline moves by ten working days.
    const paused = workingDaysBetween("2026-03-04", "2026-03-18", schedule);
    expect(paused).toBe(10);
    expect(back.committedDue).toEqual({ date: "2026-03-30", provisional: false });
    expect(back.committedDue).toEqual(addWorkingDays("2026-03-16", paused, schedule));
    expect(back.statutoryDue).toEqual({ date: "2026-04-14", provisional: false }); // over 清明 (04-04..04-06)
    expect(back.warnOn).toBe("2026-03-27");
    expect(elapsedWorkingDays(back, schedule, "2026-03-19")).toBe(3); // 03-03, 03-04 and 03-19

    routing.setDay("2026-03-27");
    expect((await runClockRound(routing.deps)).warned).toBe(1);
  });

  it("gives the moved deadline its own yellow light when the item was warned before the pause", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "ZRZY-YDYS");
    value(await routing.act(item, { kind: "accept", mode: "normal" }));
    routing.setDay("2026-03-13");
    expect((await runClockRound(routing.deps)).warned).toBe(1); // due 03-16
    value(await routing.act(item, { kind: "request_supplement", materials: ["建设项目用地预审与选址申请报告"] }));
    routing.setDay("2026-03-19");
    const back = value(await routing.act(item, { kind: "record_supplement", materials: ["建设项目用地预审与选址申请报告"] }));
    // Paused 03-14..03-19: four working days, so due 03-20 and the yellow light due 03-19 again.
    expect(back).toMatchObject({ committedDue: { date: "2026-03-20" }, warnOn: "2026-03-19" });
    expect((await runClockRound(routing.deps)).warned).toBe(1);
    expect((await routing.itemLedger(item, "item.warned")).map((row) => row.details.committedDueOn)).toEqual(["2026-03-16", "2026-03-20"]);
    expect(await runClockRound(routing.deps)).toEqual(noRound);
  });
});

describe("deadlines on the official 2026 calendar", () => {
  // [accepted on, item, committed due, statutory due]
  const cases: [string, string, string, string][] = [
    // 春节: off 02-15..02-23; Saturdays 02-14 and 02-28 are working days.
    ["2026-02-12", "ZRZY-YDYS", "2026-03-04", "2026-03-18"],
    ["2026-02-12", "SL-STBC", "2026-02-25", "2026-03-04"],
    ["2026-02-12", "SCJG-YYZZ", "2026-02-13", "2026-02-24"],
    ["2026-02-12", "STHJ-HPB", "2026-02-28", "2026-03-16"], // 7 WD end on the make-up Saturday; 30 days end Saturday 03-14
    ["2026-02-13", "SCJG-YYZZ", "2026-02-14", "2026-02-25"], // one working day later is the make-up Saturday
    ["2026-01-21", "STHJ-HPB", "2026-01-30", "2026-02-24"], // 30 days end 02-20, in the festival
    // 中秋 09-25 and 国庆 10-01..10-07; Sunday 09-20 and Saturday 10-10 are working days.
    ["2026-09-18", "ZRZY-YDYS", "2026-10-09", "2026-10-22"],
    ["2026-09-18", "SL-STBC", "2026-09-23", "2026-10-09"],
    ["2026-09-18", "SCJG-YYZZ", "2026-09-20", "2026-09-22"],
    ["2026-09-30", "ZRZY-YDYS", "2026-10-20", "2026-11-03"],
    ["2026-09-03", "STHJ-HPB", "2026-09-14", "2026-10-08"], // 30 days end 10-03, in the holiday
  ];

  it.each(cases)("accepted %s, %s is due %s (committed) and %s (statutory)", async (day, code, committed, statutory) => {
    const routing = harness.routing({ day });
    const item = await routedItem(routing, code);
    const accepted = value(await routing.act(item, { kind: "accept", mode: "normal" }));
    expect(accepted.acceptedOn).toBe(day);
    expect(accepted.committedDue).toEqual({ date: committed, provisional: false });
    expect(accepted.statutoryDue).toEqual({ date: statutory, provisional: false });
    expect(await routing.reload(item)).toMatchObject({ committedDue: { date: committed }, statutoryDue: { date: statutory } });
    const [event] = await routing.itemEvents("routing.item.accepted", item.id);
    expect(event?.payload?.value).toMatchObject({ committedDueOn: committed, deadlineProvisional: false });
  });
});

describe("a deadline in an unpublished year", () => {
  it("is provisional until the year is published, then recomputed with a ledger row per item and one event", async () => {
    const routing = harness.routing({ day: "2026-12-15" });
    const kase = value(await routing.submit(["STHJ-HPB", "ZRZY-YDYS", "SL-STBC", "SCJG-YYZZ"]));
    const item = (code: string) => routing.item(kase.id, code);

    // 告知承诺 on 12-15: verification due 20 working days later, in January 2027.
    const committed = value(await routing.act(await item("STHJ-HPB"), { kind: "accept", mode: "commitment", commitmentRef: "CN-2026-120" }));
    expect(committed.verificationDue).toEqual({ date: "2027-01-12", provisional: true });

    routing.setDay("2026-12-24");
    const normal = value(await routing.act(await item("ZRZY-YDYS"), { kind: "accept", mode: "normal" }));
    expect(normal.committedDue).toEqual({ date: "2027-01-07", provisional: true });
    expect(normal.statutoryDue).toEqual({ date: "2027-01-21", provisional: true });
    // Within 2026: final.
    const final = value(await routing.act(await item("SCJG-YYZZ"), { kind: "accept", mode: "normal" }));
    expect(final.committedDue).toEqual({ date: "2026-12-25", provisional: false });
    expect(final.statutoryDue).toEqual({ date: "2026-12-29", provisional: false });

    routing.setDay("2026-12-28");
    const tolerant = value(await routing.act(await item("SL-STBC"), { kind: "accept", mode: "tolerant", missingMaterials: ["项目代码及备案证明"] }));
    expect(tolerant.supplementDue).toEqual({ date: "2027-01-04", provisional: true });
    expect(tolerant.committedDue).toEqual({ date: "2027-01-01", provisional: true });

    routing.setDay("2026-12-30");
    const holidays = ["2027-01-01", "2027-01-02", "2027-01-03"].map((date) => ({ date, kind: "holiday" as const, note: "元旦" }));
    const published = value(await publishCalendarYear(routing.deps, 2027, holidays, "国办发明电〔2026〕N号", "admin:calendar"));
    expect(published).toEqual({ year: 2027, recomputed: 3 });

    expect((await item("STHJ-HPB")).verificationDue).toEqual({ date: "2027-01-13", provisional: false });
    expect(await item("ZRZY-YDYS")).toMatchObject({ committedDue: { date: "2027-01-08", provisional: false }, statutoryDue: { date: "2027-01-22", provisional: false }, warnOn: "2027-01-07" });
    expect(await item("SL-STBC")).toMatchObject({ supplementDue: { date: "2027-01-05", provisional: false }, committedDue: { date: "2027-01-04", provisional: false } });

    const recomputedRows = (await routing.ledger(kase.id)).filter((row) => row.action === "item.deadline_recomputed");
    const ids = Object.fromEntries((await routing.items(kase.id)).map((row) => [row.id, row.itemCode]));
    expect(recomputedRows.map((row) => ids[row.subject]).sort()).toEqual(["SL-STBC", "STHJ-HPB", "ZRZY-YDYS"]);
    const events = await routing.events("routing.calendar.recomputed");
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ $case: "deadlinesRecomputed", value: { year: 2027 } });
    expect((events[0]!.payload?.value as { itemIds: string[] }).itemIds.map((id) => ids[id]).sort()).toEqual(["SL-STBC", "STHJ-HPB", "ZRZY-YDYS"]);

    // A deadline computed afterwards is final at once.
    const later = harness.routing({ day: "2026-12-24" });
    const fresh = value(await later.act(await routedItem(later, "ZRZY-YDYS"), { kind: "accept", mode: "normal" }));
    expect(fresh.committedDue).toEqual({ date: "2027-01-08", provisional: false });
  });
});

describe("yellow and red lights", () => {
  it("warns and marks overdue exactly once however often the round runs", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await routedItem(routing, "ZRZY-YDYS");
    const accepted = value(await routing.act(item, { kind: "accept", mode: "normal" }));
    expect(accepted).toMatchObject({ warnOn: "2026-03-13", committedDue: { date: "2026-03-16" } });

    routing.setDay("2026-03-12");
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    routing.setDay("2026-03-13");
    expect((await runClockRound(routing.deps)).warned).toBe(1);
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    routing.setDay("2026-03-16"); // the due day itself is not overdue
    expect(await runClockRound(routing.deps)).toEqual(noRound);
    routing.setDay("2026-03-17");
    expect((await runClockRound(routing.deps)).overdue).toBe(1);
    expect(await runClockRound(routing.deps)).toEqual(noRound);

    expect(await routing.itemLedger(item, "item.warned")).toHaveLength(1);
    expect(await routing.itemLedger(item, "item.overdue")).toHaveLength(1);
    expect(await routing.itemLedger(item, "item.escalated")).toHaveLength(1);
    expect(await routing.itemEvents("routing.item.warned", item.id)).toHaveLength(1);
    expect(await routing.itemEvents("routing.item.overdue", item.id)).toHaveLength(1);
    expect(await routing.itemEvents("routing.item.escalated", item.id)).toHaveLength(1);
    const escalations = await routing.sql`select cause, status from escalations where item_id = ${item.id}`;
    expect(escalations).toEqual([{ cause: "overdue", status: "open" }]);
    expect((await routing.reload(item)).overdueAt).toEqual(new Date("2026-03-17T02:00:00.000Z"));
  });

  it("stays exactly once when two replicas run their rounds at the same time", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    // Eight items over four cases, all due together.
    const items = [];
    for (let n = 0; n < 4; n++) {
      const kase = value(await routing.submit(["ZRZY-YDYS", "SL-STBC"]));
      items.push(await routing.item(kase.id, "ZRZY-YDYS"));
      items.push(await routing.item(kase.id, "SL-STBC"));
    }
    for (const item of items) {
      value(await routing.act(item, { kind: "accept", mode: "normal" }));
      if (item.itemCode === "SL-STBC") value(await routing.act(item, { kind: "pause", periodKind: "technical_review" }));
    }
    // SL-STBC waits on its technical review (03-03..03-10), so both items fall due on 03-16.
    routing.setDay("2026-03-10");
    for (const item of items.filter((candidate) => candidate.itemCode === "SL-STBC")) value(await routing.act(item, { kind: "resume" }));

    const [a, b] = [routing.replica(), routing.replica()];
    const totals = { warned: 0, overdue: 0 };
    for (const day of ["2026-03-13", "2026-03-13", "2026-03-17", "2026-03-17", "2026-03-18"]) {
      routing.setDay(day);
      const reports = await Promise.all([runClockRound(a), runClockRound(b), runClockRound(a), runClockRound(b)]);
      for (const report of reports) {
        totals.warned += report.warned;
        totals.overdue += report.overdue;
      }
    }
    expect(totals).toEqual({ warned: 8, overdue: 8 });
    for (const item of items) {
      expect(await routing.itemLedger(item, "item.warned"), item.itemCode).toHaveLength(1);
      expect(await routing.itemLedger(item, "item.overdue"), item.itemCode).toHaveLength(1);
      expect(await routing.itemLedger(item, "item.escalated"), item.itemCode).toHaveLength(1);
      expect(await routing.itemEvents("routing.item.warned", item.id)).toHaveLength(1);
      expect(await routing.itemEvents("routing.item.overdue", item.id)).toHaveLength(1);
    }
    const [open] = await routing.sql<{ n: number }[]>`select count(*)::int as n from escalations where region = ${routing.region} and cause = 'overdue'`;
    expect(open!.n).toBe(8);
  });
});
