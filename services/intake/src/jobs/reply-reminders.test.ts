import { payloadOf } from "@steward/platform/events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerComplaintCommand, fileComplaintCommand } from "../commands/complaints.js";
import { receiveHotlineMessage } from "../commands/hotline.js";
import { submitRequestCommand } from "../commands/requests.js";
import { findComplaint } from "../db/complaints.js";
import { findTicket } from "../db/hotline.js";
import { findRequest } from "../db/requests.js";
import { startIntakeFixture, steward, type IntakeFixture } from "../testing/intake-fixture.js";
import { reminderRound } from "./reply-reminders.js";

/** The reply clocks' job against real Postgres: each reminder once, the run-out complaint to the bureau. */
let fixture: IntakeFixture & { db: { drop(): Promise<void> } };

beforeAll(async () => {
  fixture = await startIntakeFixture("intake_reminders");
});
afterAll(async () => fixture?.close());
beforeEach(async () => fixture.reset());

const enterpriseOf = (creditCode: string) => ({ subject: `ent:${creditCode}`, role: "enterprise" as const, creditCode });
const liaison = { subject: "zrzy-liaison", role: "liaison" as const, department: "zrzy" };
const round = () => reminderRound(fixture.deps, fixture.logger);
const at = (iso: string) => (fixture.now = new Date(iso));

async function reminders() {
  return (await fixture.events("intake.reply.due")).map((event) => {
    const due = payloadOf(event, "replyDue")!;
    return { kind: due.kind, id: due.id, stage: due.stage, dueOn: due.dueOn };
  });
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe("reply reminders", () => {
  it("a service request is reminded once when three quarters of its clock have run and once when it runs out", async () => {
    const project = await fixture.registerProject();
    // Monday 10:00; 3 working days: due at the end of Thursday 2026-03-05.
    const request = value(await submitRequestCommand(fixture.deps, project.id, { category: "policy", title: "惠企政策咨询", content: "能否享受技改补贴" }, enterpriseOf(project.creditCode)));
    expect(request.clock).toMatchObject({ dueOn: "2026-03-05", provisional: false });
    expect(request.clock.dueAt).toEqual(new Date("2026-03-05T16:00:00Z"));

    fixture.now = new Date(request.clock.remindAt.getTime() - 1);
    expect(await round()).toBe(0);
    fixture.now = request.clock.remindAt;
    expect(await round()).toBe(1);
    expect(await round()).toBe(0);
    expect(await reminders()).toEqual([{ kind: "request", id: request.id, stage: "due_soon", dueOn: "2026-03-05" }]);

    fixture.now = request.clock.dueAt;
    expect(await round()).toBe(1);
    expect(await round()).toBe(0);
    at("2026-03-20T02:00:00Z");
    expect(await round()).toBe(0);
    expect((await reminders()).map((reminder) => reminder.stage)).toEqual(["due_soon", "overdue"]);
    expect((await findRequest(fixture.sql, fixture.deps.region, request.id))!.reminded).toBe("overdue");
  });

  it("a clock already run out when first looked at gets the overdue reminder alone", async () => {
    const project = await fixture.registerProject();
    await submitRequestCommand(fixture.deps, project.id, { category: "other", title: "问题", content: "内容" }, steward);
    at("2026-03-10T02:00:00Z");
    expect(await round()).toBe(1);
    expect((await reminders()).map((reminder) => reminder.stage)).toEqual(["overdue"]);
  });

  it("a complaint its department let run out goes to the approval bureau on a fresh clock, announced and on the ledger", async () => {
    const project = await fixture.registerProject();
    const complaint = value(await fileComplaintCommand(fixture.deps, { channel: "window", projectId: project.id, departments: ["zrzy"], title: "补正反复", content: "补正材料未一次性告知" }, steward));
    expect(complaint).toMatchObject({ responsibleDepartment: "zrzy", status: "received" });
    fixture.now = complaint.clock.dueAt;
    expect(await round()).toBe(1);

    const escalated = (await findComplaint(fixture.sql, fixture.deps.region, complaint.id))!;
    expect(escalated).toMatchObject({ status: "escalated", responsibleDepartment: "xzsp", escalationCause: "overdue", reminded: "none" });
    // The department's clock ran out at midnight into Friday 2026-03-06; the bureau's 3 working days from then end Wednesday 2026-03-11.
    expect(escalated.clock.dueOn).toBe("2026-03-11");
    expect(await reminders()).toEqual([{ kind: "complaint", id: complaint.id, stage: "overdue", dueOn: "2026-03-05" }]);
    const [event] = await fixture.events("intake.complaint.escalated");
    expect(payloadOf(event!, "complaintEscalated")).toMatchObject({ complaintId: complaint.id, fromDepartment: "zrzy", toDepartment: "xzsp", cause: "overdue", dueOn: "2026-03-11", projectId: project.id });
    const [entry] = await fixture.sql<{ action: string; from_state: string; to_state: string }[]>`
      select action, from_state, to_state from ledger where chain_id = ${`project:${project.id}`} and action = 'complaint.escalated'`;
    expect(entry).toMatchObject({ from_state: "zrzy", to_state: "xzsp" });

    // The bureau's clock reminds anew; once it has run out too there is nowhere further to send it.
    fixture.now = escalated.clock.remindAt;
    expect(await round()).toBe(1);
    fixture.now = escalated.clock.dueAt;
    expect(await round()).toBe(1);
    expect(await round()).toBe(0);
    expect((await reminders()).map((reminder) => reminder.stage)).toEqual(["overdue", "due_soon", "overdue"]);
    expect((await findComplaint(fixture.sql, fixture.deps.region, complaint.id))!).toMatchObject({ responsibleDepartment: "xzsp", reminded: "overdue" });
  });

  it("an answered complaint is not reminded", async () => {
    const project = await fixture.registerProject();
    const complaint = value(await fileComplaintCommand(fixture.deps, { channel: "online", projectId: project.id, departments: ["zrzy"], title: "标题", content: "内容" }, steward));
    value(await answerComplaintCommand(fixture.deps, complaint.id, { answer: "已办理" }, liaison));
    at("2026-04-01T02:00:00Z");
    expect(await round()).toBe(0);
    expect(await reminders()).toEqual([]);
  });

  it("a 12345 ticket of the urgent tier is reminded 90 minutes in and overdue at 2 hours", async () => {
    const project = await fixture.registerProject();
    const received = value(
      await receiveHotlineMessage(fixture.deps, "msg-urgent", { type: "ticket.created", ticket: { ticketNo: "HL-URGENT-1", tier: "urgent", receivedAt: fixture.now.toISOString(), title: "停工", content: "施工现场停水", projectId: project.id } }),
    );
    if (received.duplicate) throw new Error("duplicate");
    const ticket = received.ticket;
    expect(ticket.clock.dueAt).toEqual(new Date(fixture.now.getTime() + 2 * 3_600_000));
    fixture.now = new Date(ticket.clock.dueAt.getTime() - 30 * 60_000);
    expect(await round()).toBe(1);
    fixture.now = ticket.clock.dueAt;
    expect(await round()).toBe(1);
    expect(await round()).toBe(0);
    expect(await reminders()).toEqual([
      { kind: "hotline_ticket", id: ticket.id, stage: "due_soon", dueOn: "2026-03-02" },
      { kind: "hotline_ticket", id: ticket.id, stage: "overdue", dueOn: "2026-03-02" },
    ]);
    expect((await findTicket(fixture.sql, fixture.deps.region, ticket.id))!.reminded).toBe("overdue");
  });

  it("leaves another region's clocks to that region's job", async () => {
    const other = "xunyang";
    const project = await fixture.registerProject({}, other);
    await submitRequestCommand({ ...fixture.deps, region: other }, project.id, { category: "other", title: "问题", content: "内容" }, steward);
    at("2026-04-01T02:00:00Z");
    expect(await round()).toBe(0);
    expect(await reminderRound({ ...fixture.deps, region: other }, fixture.logger)).toBe(1);
    expect((await reminders()).map((reminder) => reminder.stage)).toEqual(["overdue"]);
  });
});
