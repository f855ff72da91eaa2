import { WriteSet, transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import { fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { reachesEnterprise, type Actor } from "../domain/actor.js";
import { answerComplaint, escalateComplaint, escalationSchema, fileComplaint, validateComplaint, type Complaint } from "../domain/complaint.js";
import { validate } from "../domain/fields.js";
import { answered } from "../domain/hotline-ticket.js";
import { answeredOnTime } from "../domain/reply-clocks.js";
import { findComplaint, insertComplaintSql, updateComplaintSql } from "../db/complaints.js";
import { findEnterprise, findEnterpriseByCreditCode } from "../db/enterprises.js";
import { openTicketsOfComplaint, queueDeliverySql, updateTicketSql } from "../db/hotline.js";
import { findProject } from "../db/projects.js";
import { complaintAnswered, complaintEscalated, complaintReceived, hotlineTicketUpdated, type Subject } from "../events/intake-events.js";
import { statusPush } from "../domain/hotline-ticket.js";
import { enterpriseChain, projectChain, type IntakeDeps } from "./deps.js";

/** The ledger chain a complaint's entries go on: its project's, else its enterprise's. */
export const complaintChain = (complaint: Pick<Complaint, "id" | "projectId" | "enterpriseId">) =>
  complaint.projectId ? projectChain(complaint.projectId) : complaint.enterpriseId ? enterpriseChain(complaint.enterpriseId) : `complaint:${complaint.id}`;

export async function subjectOf(tx: Sql | TransactionSql, region: string, links: { projectId?: string; enterpriseId?: string }): Promise<Subject> {
  const project = links.projectId ? await findProject(tx, region, links.projectId) : undefined;
  const enterprise = !project && links.enterpriseId ? await findEnterprise(tx, region, links.enterpriseId) : undefined;
  return { ...(project ? { project } : {}), ...(enterprise ? { enterprise } : {}) };
}

/** Files a 办不成事 complaint linked to its project or enterprise; several departments go to the bureau at once. */
export async function fileComplaintCommand(deps: IntakeDeps, input: unknown, actor: Actor): Promise<Result<Complaint>> {
  const validation = validateComplaint(input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const filing = validation.value;
  const schedule = await deps.schedule();
  return transactionResult(deps.sql, async (tx) => {
    const project = filing.projectId ? await findProject(tx, deps.region, filing.projectId) : undefined;
    if (filing.projectId && (!project || !reachesEnterprise(actor, project.creditCode))) {
      return fail(invalidArgument([{ field: "projectId", description: "is not a project you can reach in this region" }]));
    }
    const enterprise = project ? undefined : await findEnterpriseByCreditCode(tx, deps.region, filing.creditCode!);
    if (!project && (!enterprise || !reachesEnterprise(actor, enterprise.creditCode))) {
      return fail(invalidArgument([{ field: "creditCode", description: "is not an enterprise registered in this region" }]));
    }
    const links = project ? { projectId: project.id, enterpriseId: project.enterpriseId } : { enterpriseId: enterprise!.id };
    const result = fileComplaint(filing, links, { region: deps.region, actor, now: deps.now(), schedule, rules: deps.rules });
    if (!result.ok) return result;
    const complaint = result.value;
    const subject: Subject = project ? { project } : { enterprise: enterprise! };
    const events = [complaintReceived(complaint, subject)];
    if (complaint.escalationCause) events.push(complaintEscalated(complaint, subject, "", "the complaint involves several departments"));
    await new WriteSet(tx)
      .add(insertComplaintSql(tx, complaint))
      .appendLedger([{ region: deps.region, chainId: complaintChain(complaint), actor: actor.subject, action: "complaint.received", subject: complaint.id, to: complaint.status, details: { channel: complaint.channel, departments: complaint.departments, responsibleDepartment: complaint.responsibleDepartment, dueOn: complaint.clock.dueOn } }])
      .recordEvents(events)
      .flush();
    return ok(complaint);
  });
}

/** Answers a complaint; the 12345 tickets linked to it are answered with it and the hotline told. */
export async function answerComplaintCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<Complaint>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findComplaint(tx, deps.region, id, true);
    const subject = current ? await subjectOf(tx, deps.region, current) : {};
    const creditCode = subject.project?.creditCode ?? subject.enterprise?.creditCode;
    if (!current || !reachesEnterprise(actor, creditCode)) return fail(notFound(`complaint ${id}`));
    const result = answerComplaint(current, input, { actor, now: deps.now(), bureau: deps.rules.complaint.coordinatingDepartment });
    if (!result.ok) return result;
    const complaint = result.value;
    const writes = new WriteSet(tx)
      .add(updateComplaintSql(tx, complaint))
      .appendLedger([{ region: deps.region, chainId: complaintChain(complaint), actor: actor.subject, action: "complaint.answered", subject: complaint.id, from: current.status, to: complaint.status }])
      .recordEvents([complaintAnswered(complaint, subject, answeredOnTime(complaint.answeredAt!, complaint.clock.dueAt))]);
    for (const ticket of await openTicketsOfComplaint(tx, deps.region, complaint.id)) {
      const answeredTicket = answered(ticket, complaint.answer!, actor.subject, complaint.answeredAt!);
      if (!answeredTicket.ok) continue;
      writes
        .add(updateTicketSql(tx, answeredTicket.value))
        .add(queueDeliverySql(tx, deps.region, ticket.id, statusPush(answeredTicket.value), complaint.answeredAt!))
        .recordEvents([hotlineTicketUpdated(answeredTicket.value, actor.subject)]);
    }
    await writes.flush();
    return ok(complaint);
  });
}

export async function escalateComplaintCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<Complaint>> {
  const validation = validate(escalationSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const schedule = await deps.schedule();
  return transactionResult(deps.sql, async (tx) => {
    const current = await findComplaint(tx, deps.region, id, true);
    if (!current) return fail(notFound(`complaint ${id}`));
    const result = escalateComplaint(current, "requested", { region: deps.region, actor, now: deps.now(), schedule, rules: deps.rules, reason: validation.value.reason });
    if (!result.ok) return result;
    await new WriteSet(tx)
      .add(updateComplaintSql(tx, result.value))
      .appendLedger([{ region: deps.region, chainId: complaintChain(current), actor: actor.subject, action: "complaint.escalated", subject: current.id, from: current.responsibleDepartment, to: result.value.responsibleDepartment, reason: validation.value.reason }])
      .recordEvents([complaintEscalated(result.value, await subjectOf(tx, deps.region, current), current.responsibleDepartment, validation.value.reason)])
      .flush();
    return ok(result.value);
  });
}
