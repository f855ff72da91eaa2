import type { HolidaySchedule } from "@steward/calendar";
import { WriteSet, type TransactionSql } from "@steward/platform/db";
import type { LedgerEntryInput } from "@steward/platform/ledger";
import { complaintChain, subjectOf } from "./complaints.js";
import { projectChain, type IntakeDeps } from "./deps.js";
import { ticketChain } from "./hotline.js";
import { clockStartOf } from "../domain/complaint.js";
import { statusPush, tierLimitOf } from "../domain/hotline-ticket.js";
import { rescheduledClock, type ReplyClock } from "../domain/reply-clocks.js";
import { provisionalComplaints, updateComplaintSql } from "../db/complaints.js";
import { provisionalTickets, queueDeliverySql, updateTicketSql } from "../db/hotline.js";
import { findProject } from "../db/projects.js";
import { provisionalRequests, updateRequestSql } from "../db/requests.js";
import { replyDue } from "../events/intake-events.js";

const system = "system:intake";

const rescheduleEntry = (chainId: string, region: string, action: string, subject: string, before: ReplyClock, after: ReplyClock): LedgerEntryInput => ({
  region,
  chainId,
  actor: system,
  action,
  subject,
  from: before.dueOn,
  to: after.dueOn,
  reason: after.provisional ? "holiday schedule updated; still provisional" : "holiday schedule published",
});

/**
 * Counts every open reply clock whose due date was provisional (it ran into a year whose holiday
 * schedule was not published) again on `schedule`, in the caller's transaction. A clock that
 * changed — a new due date, or the same date now final — is stored, put on its ledger chain and
 * announced as intake.reply.due with stage "rescheduled" (and the date it replaces); a 12345
 * ticket's new due time is pushed to the hotline. A clock that did not change is left alone, so
 * running this again changes nothing. Returns how many clocks changed.
 */
export async function recomputeProvisionalClocks(tx: TransactionSql, deps: Pick<IntakeDeps, "region" | "rules" | "now">, schedule: HolidaySchedule): Promise<number> {
  const { region, rules } = deps;
  const writes = new WriteSet(tx);
  let changed = 0;

  for (const request of await provisionalRequests(tx, region)) {
    const clock = rescheduledClock(request.clock, rules.request.replyLimit, request.submittedAt, schedule, rules.dueSoonShare);
    if (!clock) continue;
    changed++;
    const project = await findProject(tx, region, request.projectId);
    writes
      .add(updateRequestSql(tx, { ...request, clock }))
      .appendLedger([rescheduleEntry(projectChain(request.projectId), region, "request.rescheduled", request.id, request.clock, clock)])
      .recordEvents([
        replyDue(
          { kind: "request", id: request.id, region, stage: "rescheduled", dueAt: clock.dueAt, dueOn: clock.dueOn, dueProvisional: clock.provisional, previous: request.clock, ownerId: request.ownerId, channel: request.channel, title: request.title },
          project ? { project } : {},
        ),
      ]);
  }

  for (const complaint of await provisionalComplaints(tx, region)) {
    const clock = rescheduledClock(complaint.clock, rules.complaint.replyLimit, clockStartOf(complaint), schedule, rules.dueSoonShare);
    if (!clock) continue;
    changed++;
    writes
      .add(updateComplaintSql(tx, { ...complaint, clock }))
      .appendLedger([rescheduleEntry(complaintChain(complaint), region, "complaint.rescheduled", complaint.id, complaint.clock, clock)])
      .recordEvents([
        replyDue(
          { kind: "complaint", id: complaint.id, region, stage: "rescheduled", dueAt: clock.dueAt, dueOn: clock.dueOn, dueProvisional: clock.provisional, previous: complaint.clock, responsibleDepartment: complaint.responsibleDepartment, channel: complaint.channel, title: complaint.title },
          await subjectOf(tx, region, complaint),
        ),
      ]);
  }

  for (const ticket of await provisionalTickets(tx, region)) {
    const limit = tierLimitOf(rules, ticket.tier);
    const clock = limit ? rescheduledClock(ticket.clock, limit, ticket.receivedAt, schedule, rules.dueSoonShare) : undefined;
    if (!clock) continue;
    changed++;
    const next = { ...ticket, clock };
    writes
      .add(updateTicketSql(tx, next))
      .appendLedger([rescheduleEntry(ticketChain(ticket), region, "hotline_ticket.rescheduled", ticket.id, ticket.clock, clock)])
      .recordEvents([
        replyDue(
          { kind: "hotline_ticket", id: ticket.id, region, stage: "rescheduled", dueAt: clock.dueAt, dueOn: clock.dueOn, dueProvisional: clock.provisional, previous: ticket.clock, responsibleDepartment: ticket.responsibleDepartment, tier: ticket.tier, channel: "hotline", title: ticket.title, ticketNo: ticket.ticketNo },
          await subjectOf(tx, region, ticket),
        ),
      ]);
    // The hotline keeps the due time too: it hears the new one.
    if (clock.dueAt.getTime() !== ticket.clock.dueAt.getTime()) writes.add(queueDeliverySql(tx, region, ticket.id, statusPush(next), deps.now()));
  }

  await writes.flush();
  return changed;
}
