import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import { transaction } from "@steward/platform/db";
import { newEvent, payloadOf } from "@steward/platform/events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recountProvisionalClocks } from "../events/calendar-published-consumer.js";
import { reminderRound } from "../jobs/reply-reminders.js";
import { findComplaint } from "../db/complaints.js";
import { findTicket } from "../db/hotline.js";
import { findRequest } from "../db/requests.js";
import { startIntakeFixture, steward, type IntakeFixture } from "../testing/intake-fixture.js";
import { fileComplaintCommand } from "./complaints.js";
import { receiveHotlineMessage } from "./hotline.js";
import { submitRequestCommand } from "./requests.js";

/**
 * Reply clocks that run into a year whose holiday schedule is not yet published are provisional;
 * when routing publishes the year they are counted again, stored, and announced.
 */
let fixture: IntakeFixture & { db: { drop(): Promise<void> } };

beforeAll(async () => {
  fixture = await startIntakeFixture("intake_provisional");
});
afterAll(async () => fixture?.close());
beforeEach(async () => {
  await fixture.reset();
  // Wednesday 2026-12-30, 10:00 in Asia/Shanghai: three working days reach into 2027, not yet published.
  fixture.now = new Date("2026-12-30T02:00:00Z");
});

/** 2027 as the State Council publishes it here: New Year's Day a holiday (the rest as the weekends fall). */
const published2027 = buildHolidaySchedule({
  official: officialCalendar,
  publications: [{ year: 2027, source: "国办发明电〔2026〕test" }],
  overrides: [{ date: "2027-01-01", kind: "holiday", source: "国办发明电〔2026〕test", note: "元旦" }],
});

async function openClocks() {
  const project = await fixture.registerProject();
  const complaint = await fileComplaintCommand(fixture.deps, { channel: "window", projectId: project.id, departments: ["zrzy"], title: "补正反复", content: "补正材料未一次性告知" }, steward);
  const request = await submitRequestCommand(fixture.deps, project.id, { category: "approval", title: "审批进度", content: "用地预审何时办结" }, steward);
  const ticket = await receiveHotlineMessage(fixture.deps, "msg-provisional", {
    type: "ticket.created",
    ticket: { ticketNo: "HL-2026-9001", tier: "general", receivedAt: fixture.now.toISOString(), title: "审批咨询", content: "企业来电咨询", projectId: project.id },
  });
  if (!complaint.ok || !request.ok || !ticket.ok || ticket.value.duplicate) throw new Error("could not open the clocks");
  return { project, complaint: complaint.value, request: request.value, ticket: ticket.value.ticket };
}

const rescheduled = async () =>
  (await fixture.events("intake.reply.due"))
    .map((event) => payloadOf(event, "replyDue")!)
    .filter((due) => due.stage === "rescheduled")
    .map((due) => ({ kind: due.kind, id: due.id, dueOn: due.dueOn, previousDueOn: due.previousDueOn, dueProvisional: due.dueProvisional }));

const published = newEvent({ region: "hanbin", aggregateId: "calendar:2027", payload: { $case: "deadlinesRecomputed", value: { year: 2027, itemIds: [] } } });
const consume = () => transaction(fixture.sql, (tx) => recountProvisionalClocks(fixture.deps, async () => published2027)(tx, published));

describe("provisional reply clocks", () => {
  it("are marked provisional while 2027 is unpublished", async () => {
    const { complaint, request, ticket } = await openClocks();
    // Weekends only: Thu 12-31, Fri 01-01, Mon 01-04.
    expect(complaint.clock).toMatchObject({ dueOn: "2027-01-04", provisional: true });
    expect(request.clock).toMatchObject({ dueOn: "2027-01-04", provisional: true });
    // 7 calendar days: Wednesday 2027-01-06, provisional until 2027 says whether it is a working day.
    expect(ticket.clock).toMatchObject({ dueOn: "2027-01-06", provisional: true });
    // As stored: the due date itself, not the day its exclusive end instant falls on.
    expect((await findTicket(fixture.sql, "hanbin", ticket.id))!.clock).toMatchObject({ dueOn: "2027-01-06", provisional: true });
  });

  it("are counted again when routing publishes the year: stored, on the ledger, announced, and the hotline told", async () => {
    const { project, complaint, request, ticket } = await openClocks();
    const pushesBefore = (await fixture.sql<{ count: number }[]>`select count(*)::int as count from hotline_deliveries`)[0]!.count;
    await consume();

    // New Year's Day is a holiday: the working-day clocks move a day, to Tuesday 2027-01-05, and are final.
    expect((await findComplaint(fixture.sql, "hanbin", complaint.id))!.clock).toMatchObject({ dueOn: "2027-01-05", provisional: false, dueAt: new Date("2027-01-05T16:00:00Z") });
    expect((await findRequest(fixture.sql, "hanbin", request.id))!.clock).toMatchObject({ dueOn: "2027-01-05", provisional: false });
    // The ticket's date stands (a working day) and is now final.
    expect((await findTicket(fixture.sql, "hanbin", ticket.id))!.clock).toMatchObject({ dueOn: "2027-01-06", provisional: false });

    expect(await rescheduled()).toEqual(
      expect.arrayContaining([
        { kind: "complaint", id: complaint.id, dueOn: "2027-01-05", previousDueOn: "2027-01-04", dueProvisional: false },
        { kind: "request", id: request.id, dueOn: "2027-01-05", previousDueOn: "2027-01-04", dueProvisional: false },
        { kind: "hotline_ticket", id: ticket.id, dueOn: "2027-01-06", previousDueOn: "2027-01-06", dueProvisional: false },
      ]),
    );
    expect(await rescheduled()).toHaveLength(3);
    const entries = await fixture.sql<{ action: string; from_state: string; to_state: string }[]>`
      select action, from_state, to_state from ledger where chain_id = ${`project:${project.id}`} and action like '%.rescheduled' order by seq`;
    expect(entries.map((entry) => [entry.action, entry.from_state, entry.to_state])).toEqual([
      ["request.rescheduled", "2027-01-04", "2027-01-05"],
      ["complaint.rescheduled", "2027-01-04", "2027-01-05"],
      ["hotline_ticket.rescheduled", "2027-01-06", "2027-01-06"],
    ]);
    // The ticket's due time did not move: nothing new for the hotline.
    expect((await fixture.sql<{ count: number }[]>`select count(*)::int as count from hotline_deliveries`)[0]!.count).toBe(pushesBefore);

    // The event again (a redelivery under another consumer, or the reminder round) changes nothing.
    await consume();
    expect(await rescheduled()).toHaveLength(3);
  });

  it("a ticket whose due day turns out a holiday moves to the next working day, and the hotline hears the new due time", async () => {
    const { ticket } = await openClocks();
    fixture.schedule = buildHolidaySchedule({
      official: officialCalendar,
      publications: [{ year: 2027, source: "test" }],
      overrides: [{ date: "2027-01-06", kind: "holiday", source: "test", note: null }],
    });
    fixture.now = new Date("2026-12-31T02:00:00Z");
    // The reminder round counts provisional clocks again on the schedule it reads (routing's event never came).
    await reminderRound(fixture.deps, fixture.logger);
    const stored = (await findTicket(fixture.sql, "hanbin", ticket.id))!;
    expect(stored.clock).toMatchObject({ dueOn: "2027-01-07", provisional: false });
    const [push] = await fixture.sql<{ body: { status: string; dueAt: string } }[]>`select body from hotline_deliveries where ticket_id = ${ticket.id} order by seq desc limit 1`;
    expect(push!.body).toMatchObject({ status: "in_progress", dueAt: stored.clock.dueAt.toISOString() });
  });

  it("stay provisional, untouched, while the year is still unpublished", async () => {
    await openClocks();
    await reminderRound(fixture.deps, fixture.logger);
    expect(await rescheduled()).toEqual([]);
  });
});
