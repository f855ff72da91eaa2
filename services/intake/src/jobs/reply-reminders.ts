import { WriteSet, transaction } from "@steward/platform/db";
import type { Logger } from "@steward/platform/logging";
import { complaintChain, subjectOf } from "../commands/complaints.js";
import type { IntakeDeps } from "../commands/deps.js";
import { recomputeProvisionalClocks } from "../commands/provisional-clocks.js";
import { escalateComplaint } from "../domain/complaint.js";
import { reminderDue } from "../domain/reply-clocks.js";
import { claimDueComplaints, updateComplaintSql } from "../db/complaints.js";
import { claimDueTickets, updateTicketSql } from "../db/hotline.js";
import { findProject } from "../db/projects.js";
import { claimDueRequests, updateRequestSql } from "../db/requests.js";
import { complaintEscalated, replyDue } from "../events/intake-events.js";

const batch = 100;
const system = { subject: "system:intake", role: "service" as const };

/**
 * One round of the reply clocks: every complaint, 12345 ticket and service request whose reminder
 * is due gets intake.reply.due once per stage (due_soon, then overdue), for notification's
 * notices; a complaint its department let run out goes to the approval bureau, which coordinates
 * with a clock of its own. Rows are claimed with SKIP LOCKED, so replicas and restarts are safe;
 * each kind in its own transaction. Clocks still provisional are counted again first, should a year
 * have been published since. Returns how many reminders went out.
 */
export async function reminderRound(deps: IntakeDeps, logger: Logger): Promise<number> {
  const now = deps.now();
  const schedule = await deps.schedule();
  // A year published while routing's event did not reach intake is caught up here.
  const rescheduled = await transaction(deps.sql, (tx) => recomputeProvisionalClocks(tx, deps, schedule));
  if (rescheduled > 0) logger.info({ rescheduled }, "provisional reply clocks counted again");
  let sent = 0;
  sent += await transaction(deps.sql, async (tx) => {
    const writes = new WriteSet(tx);
    const due = await claimDueRequests(tx, deps.region, now, batch);
    for (const request of due) {
      const stage = reminderDue(request, now)!;
      const project = await findProject(tx, deps.region, request.projectId);
      writes.add(updateRequestSql(tx, { ...request, reminded: stage })).recordEvents([
        replyDue({ kind: "request", id: request.id, region: request.region, stage, dueAt: request.clock.dueAt, dueOn: request.clock.dueOn, dueProvisional: request.clock.provisional, ownerId: request.ownerId, channel: request.channel, title: request.title }, project ? { project } : {}),
      ]);
    }
    await writes.flush();
    return due.length;
  });
  sent += await transaction(deps.sql, async (tx) => {
    const writes = new WriteSet(tx);
    const due = await claimDueComplaints(tx, deps.region, now, batch);
    for (const complaint of due) {
      const stage = reminderDue(complaint, now)!;
      const subject = await subjectOf(tx, deps.region, complaint);
      const reminder = replyDue({ kind: "complaint", id: complaint.id, region: complaint.region, stage, dueAt: complaint.clock.dueAt, dueOn: complaint.clock.dueOn, dueProvisional: complaint.clock.provisional, responsibleDepartment: complaint.responsibleDepartment, channel: complaint.channel, title: complaint.title }, subject);
      const escalated = stage === "overdue" ? escalateComplaint(complaint, "overdue", { region: deps.region, actor: system, now, schedule, rules: deps.rules }) : undefined;
      if (escalated?.ok) {
        // The department's clock ran out: the bureau takes it, on a fresh clock (reminded anew).
        writes
          .add(updateComplaintSql(tx, escalated.value))
          .appendLedger([{ region: deps.region, chainId: complaintChain(complaint), actor: system.subject, action: "complaint.escalated", subject: complaint.id, from: complaint.responsibleDepartment, to: escalated.value.responsibleDepartment, reason: "no reply within the clock" }])
          .recordEvents([reminder, complaintEscalated(escalated.value, subject, complaint.responsibleDepartment, "no reply within the clock")]);
      } else {
        writes.add(updateComplaintSql(tx, { ...complaint, reminded: stage })).recordEvents([reminder]);
      }
    }
    await writes.flush();
    return due.length;
  });
  sent += await transaction(deps.sql, async (tx) => {
    const writes = new WriteSet(tx);
    const due = await claimDueTickets(tx, deps.region, now, batch);
    for (const ticket of due) {
      const stage = reminderDue(ticket, now)!;
      const subject = await subjectOf(tx, deps.region, ticket);
      writes.add(updateTicketSql(tx, { ...ticket, reminded: stage })).recordEvents([
        replyDue({ kind: "hotline_ticket", id: ticket.id, region: ticket.region, stage, dueAt: ticket.clock.dueAt, dueOn: ticket.clock.dueOn, dueProvisional: ticket.clock.provisional, responsibleDepartment: ticket.responsibleDepartment, tier: ticket.tier, channel: "hotline", title: ticket.title, ticketNo: ticket.ticketNo }, subject),
      ]);
    }
    await writes.flush();
    return due.length;
  });
  if (sent > 0) logger.info({ reminders: sent }, "reply reminders recorded");
  return sent;
}
