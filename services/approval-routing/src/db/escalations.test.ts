import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClockRound } from "../jobs/clock-scheduler.js";
import { readAssignmentFeed } from "./assignment-changes.js";
import { answerConsultation, requestConsultation } from "./consultation-commands.js";
import { flagBlocked, resolveEscalation } from "./escalation-commands.js";
import { createHarness, value, type Harness, type Routing } from "./test-harness.js";

/** A fresh request id; its digest stands for the request's. */
const newRequest = () => ({ id: randomUUID(), digest: randomBytes(32) });

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness("routing_escalations");
});
afterAll(async () => {
  await harness?.close();
});

async function inReview(routing: Routing, code: string) {
  const kase = value(await routing.submit([code]));
  const item = await routing.item(kase.id, code);
  value(await routing.act(item, { kind: "accept", mode: "normal" }));
  return routing.reload(item);
}

describe("the joint meeting (联席会议)", () => {
  it("opens one escalation for a blocked item, however often it is flagged", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await inReview(routing, "ZRZY-YDYS");
    const escalation = value(await flagBlocked(routing.deps, item.id, "等待不动产权属核查", "steward:wang"));
    expect(escalation).toMatchObject({ cause: "blocked", status: "open", itemId: item.id, caseId: item.caseId, raisedBy: "steward:wang" });
    const again = value(await flagBlocked(routing.deps, item.id, "再次提醒", "steward:wang"));
    expect(again.id).toBe(escalation.id);
    expect(await routing.itemLedger(item, "item.escalated")).toHaveLength(1);
    expect(await routing.itemEvents("routing.item.escalated", item.id)).toHaveLength(1);
  });

  it("reassigns the item to another department with its clock started again", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await inReview(routing, "ZRZY-YDYS");
    routing.setDay("2026-03-05");
    const extension = value(await flagBlocked(routing.deps, item.id, "部门间职责不清", "steward:wang"));
    value(await resolveEscalation(routing.deps, extension.id, { kind: "extend", workingDays: 3 }, "先延期", "admin:li"));

    routing.setDay("2026-03-10");
    const escalation = value(await flagBlocked(routing.deps, item.id, "应由审批局办理", "steward:wang"));
    const unknown = await resolveEscalation(routing.deps, escalation.id, { kind: "reassign", department: "nosuch" }, "改由不存在的部门办理", "admin:li");
    expect(!unknown.ok && unknown.error.code).toBe("invalid_argument");
    const resolved = value(await resolveEscalation(routing.deps, escalation.id, { kind: "reassign", department: "xzsp" }, "改由行政审批服务局办理", "admin:li"));
    expect(resolved).toMatchObject({ status: "resolved", resolution: "reassign to xzsp", resolvedBy: "admin:li" });

    const moved = await routing.reload(item);
    expect(moved).toMatchObject({ state: "routed", departmentCode: "xzsp", extensionWorkingDays: 0 });
    expect(moved.acceptedOn).toBeUndefined();
    expect(moved.committedDue).toBeUndefined();
    // The old department no longer has it; the new one starts its own clock on acceptance.
    const old = await routing.act(item, { kind: "decide", decision: "approve" }, { department: "zrzy" });
    expect(!old.ok && old.error.code).toBe("not_found");
    routing.setDay("2026-03-11");
    const accepted = value(await routing.act(moved, { kind: "accept", mode: "normal" }));
    expect(accepted).toMatchObject({ acceptedOn: "2026-03-11", committedDue: { date: "2026-03-25" }, statutoryDue: { date: "2026-04-09" } });
    expect(accepted.warnedAt).toBeUndefined();

    // The old department's feed ends with the item as the new department's (its last message for
    // it); the new department's feed starts with it routed.
    const feedOf = async (department: string) =>
      (await readAssignmentFeed(routing.sql, routing.region, department, undefined, 100)).changes.filter(({ change }) => change.item.id === item.id).map(({ change }) => change.item);
    expect((await feedOf("zrzy")).map((change) => [change.departmentCode, change.state])).toEqual([
      ["zrzy", "routed"],
      ["zrzy", "in_review"],
      ["zrzy", "in_review"], // the extension
      ["xzsp", "routed"],
    ]);
    expect((await feedOf("xzsp")).map((change) => [change.departmentCode, change.state])).toEqual([
      ["xzsp", "routed"],
      ["xzsp", "in_review"],
    ]);
    const again = await resolveEscalation(routing.deps, escalation.id, { kind: "extend", workingDays: 1 }, "重复", "admin:li");
    expect(!again.ok && again.error.code).toBe("failed_precondition");
    expect((await routing.ledger(item.caseId)).filter((row) => row.action === "escalation.resolved")).toHaveLength(2);
  });

  it("extends the committed deadline by N working days and takes an overdue item off the red light", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await inReview(routing, "ZRZY-YDYS");
    expect(item.committedDue?.date).toBe("2026-03-16");
    routing.setDay("2026-03-17");
    expect((await runClockRound(routing.deps)).overdue).toBe(1);
    const [overdue] = await routing.sql<{ id: string }[]>`select id from escalations where item_id = ${item.id} and cause = 'overdue' and status = 'open'`;

    value(await resolveEscalation(routing.deps, overdue!.id, { kind: "extend", workingDays: 5 }, "联席会议同意延期 5 个工作日", "admin:li"));
    const extended = await routing.reload(item);
    // 03-16 + 5 working days.
    expect(extended).toMatchObject({ committedDue: { date: "2026-03-23", provisional: false }, statutoryDue: { date: "2026-03-30" }, extensionWorkingDays: 5, warnOn: "2026-03-20" });
    expect(extended.overdueAt).toBeUndefined();
    expect(extended.warnedAt).toBeUndefined();
    expect((await routing.itemLedger(item, "item.extend")).map((row) => row.details)).toMatchObject([{ workingDays: 5, committedDueOn: "2026-03-23" }]);

    expect(await runClockRound(routing.deps)).toMatchObject({ warned: 0, overdue: 0 });
    routing.setDay("2026-03-20");
    expect((await runClockRound(routing.deps)).warned).toBe(1);
    routing.setDay("2026-03-24");
    expect((await runClockRound(routing.deps)).overdue).toBe(1);
    const escalations = await routing.sql`select status from escalations where item_id = ${item.id} order by raised_at`;
    expect(escalations).toEqual([{ status: "resolved" }, { status: "open" }]);
  });

  it("deems consent of an open consultation so the item can be approved", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await inReview(routing, "ZRZY-YDYS");
    const consultation = value(await requestConsultation(routing.deps, "zrzy", item.id, "sthj", "选址是否涉及生态保护红线？", "dept:zrzy", newRequest()));
    expect(consultation.due).toEqual({ date: "2026-03-11", provisional: false });
    const waiting = await routing.act(item, { kind: "decide", decision: "approve" });
    expect(!waiting.ok && waiting.error.message).toMatch(/consultation/);

    const escalation = value(await flagBlocked(routing.deps, item.id, "生态环境部门未答复", "steward:wang"));
    value(await resolveEscalation(routing.deps, escalation.id, { kind: "deem_consent" }, "视为同意", "admin:li"));
    const [row] = await routing.sql`select outcome from consultations where id = ${consultation.id}`;
    expect(row).toEqual({ outcome: "deemed_agreed" });
    expect(value(await routing.act(item, { kind: "decide", decision: "approve" })).state).toBe("approved");

    // Nothing left to deem: a second deem_consent is refused and leaves the escalation open.
    const second = harness.routing({ day: "2026-03-02" });
    const other = await inReview(second, "ZRZY-YDYS");
    const open = value(await flagBlocked(second.deps, other.id, "无征求意见", "steward:wang"));
    const refused = await resolveEscalation(second.deps, open.id, { kind: "deem_consent" }, "视为同意", "admin:li");
    expect(!refused.ok && refused.error.code).toBe("failed_precondition");
    const [still] = await second.sql`select status from escalations where id = ${open.id}`;
    expect(still).toEqual({ status: "open" });
  });

  it("deems a consultation agreed when it is not answered within 7 working days", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const item = await inReview(routing, "ZRZY-YDYS");
    const silent = value(await requestConsultation(routing.deps, "zrzy", item.id, "sthj", "是否需要环评？", "dept:zrzy", newRequest()));
    const answered = value(await requestConsultation(routing.deps, "zrzy", item.id, "sl", "是否需要水保？", "dept:zrzy", newRequest()));
    value(await answerConsultation(routing.deps, "sl", answered.id, false, "需编制水土保持方案", "dept:sl", newRequest()));

    routing.setDay("2026-03-11"); // the seventh working day: still time to answer
    expect((await runClockRound(routing.deps)).deemed).toBe(0);
    routing.setDay("2026-03-12");
    expect((await runClockRound(routing.deps)).deemed).toBe(1);
    expect((await runClockRound(routing.deps)).deemed).toBe(0);

    const outcomes = await routing.sql`select consulted_department, outcome from consultations where item_id = ${item.id} order by consulted_department`;
    expect(outcomes).toEqual([
      { consulted_department: "sl", outcome: "disagreed" },
      { consulted_department: "sthj", outcome: "deemed_agreed" },
    ]);
    const rows = (await routing.ledger(item.caseId)).filter((row) => row.action === "consultation.deemed_agreed");
    expect(rows.map((row) => [row.actor, row.details.consultationId])).toEqual([["system:clock", silent.id]]);
    expect(value(await routing.act(item, { kind: "decide", decision: "approve" })).state).toBe("approved");
  });
});
