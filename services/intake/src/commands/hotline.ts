import { WriteSet, transactionResult } from "@steward/platform/db";
import { fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import type { Actor } from "../domain/actor.js";
import { validate } from "../domain/fields.js";
import { answerTicket, closeTicket, linkTicket, receiveTicket, statusPush, ticketLinkSchema, validateHotlineMessage, type HotlineTicket } from "../domain/hotline-ticket.js";
import { findComplaint, openComplaintAbout } from "../db/complaints.js";
import { findEnterpriseByCreditCode } from "../db/enterprises.js";
import { findTicket, findTicketByNo, insertTicketSql, noteInboundTicketSql, queueDeliverySql, recordInboundMessage, updateTicketSql } from "../db/hotline.js";
import { findProject, projectWithInvestmentCode } from "../db/projects.js";
import { hotlineTicketLinked, hotlineTicketUpdated } from "../events/intake-events.js";
import { complaintChain, subjectOf } from "./complaints.js";
import { enterpriseChain, projectChain, type IntakeDeps } from "./deps.js";

export type InboundOutcome = { duplicate: true } | { duplicate: false; ticket: HotlineTicket };

export const ticketChain = (ticket: HotlineTicket) =>
  ticket.projectId ? projectChain(ticket.projectId) : ticket.enterpriseId ? enterpriseChain(ticket.enterpriseId) : ticket.complaintId ? complaintChain({ id: ticket.complaintId }) : `hotline:${ticket.id}`;

/**
 * Takes one verified webhook message of the hotline: its id is recorded first, in the same
 * transaction, so a retry or a replay of it changes nothing; a new ticket is created and linked
 * to the project / enterprise / item / earlier complaint it names; a closing is recorded.
 */
export async function receiveHotlineMessage(deps: IntakeDeps, messageId: string, body: unknown): Promise<Result<InboundOutcome>> {
  const validation = validateHotlineMessage(body);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const message = validation.value;
  const schedule = await deps.schedule();
  return transactionResult(deps.sql, async (tx) => {
    if (!(await recordInboundMessage(tx, deps.region, messageId))) return ok({ duplicate: true as const });
    if (message.type === "ticket.closed") {
      const current = await findTicketByNo(tx, deps.region, message.ticket.ticketNo);
      if (!current) return fail(invalidArgument([{ field: "ticket.ticketNo", description: "is not a ticket this region received" }]));
      const closed = closeTicket(current);
      if (!closed.ok) return closed;
      await new WriteSet(tx)
        .add(updateTicketSql(tx, closed.value))
        .add(noteInboundTicketSql(tx, messageId, current.id))
        .appendLedger([{ region: deps.region, chainId: ticketChain(current), actor: "hotline:12345", action: "hotline_ticket.closed", subject: current.id, from: current.status, to: "closed", reason: message.ticket.note ?? "" }])
        .recordEvents([hotlineTicketUpdated(closed.value, "hotline:12345")])
        .flush();
      return ok({ duplicate: false as const, ticket: closed.value });
    }
    const data = message.ticket;
    if (await findTicketByNo(tx, deps.region, data.ticketNo)) return fail(invalidArgument([{ field: "ticket.ticketNo", description: `ticket ${data.ticketNo} was already received` }]));
    const project = data.projectId ? await findProject(tx, deps.region, data.projectId) : await projectWithInvestmentCode(tx, deps.region, data.investmentCode);
    const enterprise = project ? undefined : data.creditCode ? await findEnterpriseByCreditCode(tx, deps.region, data.creditCode) : undefined;
    const enterpriseId = project?.enterpriseId ?? enterprise?.id;
    const earlier = await openComplaintAbout(tx, deps.region, project?.id, enterpriseId);
    const result = receiveTicket(data, { ...(project ? { projectId: project.id } : {}), ...(enterpriseId ? { enterpriseId } : {}), ...(earlier ? { earlierComplaint: earlier } : {}) }, { region: deps.region, schedule, rules: deps.rules, now: deps.now() });
    if (!result.ok) return result;
    const ticket = result.value;
    const writes = new WriteSet(tx)
      .add(insertTicketSql(tx, ticket))
      .add(noteInboundTicketSql(tx, messageId, ticket.id))
      .appendLedger([{ region: deps.region, chainId: ticketChain(ticket), actor: "hotline:12345", action: "hotline_ticket.received", subject: ticket.id, to: ticket.status, details: { ticketNo: ticket.ticketNo, tier: ticket.tier, coordinator: ticket.coordinator, dueAt: ticket.clock.dueAt.toISOString() } }]);
    if (ticket.status === "in_progress") {
      // The hotline learns at once that the service centre has it (and who coordinates).
      writes.add(queueDeliverySql(tx, deps.region, ticket.id, statusPush(ticket), deps.now())).recordEvents([hotlineTicketLinked(ticket, { ...(project ? { project } : {}), ...(enterprise ? { enterprise } : {}) })]);
    }
    await writes.flush();
    return ok({ duplicate: false as const, ticket });
  });
}

export async function linkTicketCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<HotlineTicket>> {
  const validation = validate(ticketLinkSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const link = validation.value;
  return transactionResult(deps.sql, async (tx) => {
    const current = await findTicket(tx, deps.region, id, true);
    if (!current) return fail(notFound(`hotline ticket ${id}`));
    const project = link.projectId ? await findProject(tx, deps.region, link.projectId) : undefined;
    if (link.projectId && !project) return fail(invalidArgument([{ field: "projectId", description: "is not a project of this region" }]));
    const complaint = link.complaintId ? await findComplaint(tx, deps.region, link.complaintId) : undefined;
    if (link.complaintId && !complaint) return fail(invalidArgument([{ field: "complaintId", description: "is not a complaint of this region" }]));
    const result = linkTicket(current, link, { ...(project ? { enterpriseId: project.enterpriseId } : {}), ...(complaint ? { complaint } : {}) }, actor);
    if (!result.ok) return result;
    const ticket = result.value;
    await new WriteSet(tx)
      .add(updateTicketSql(tx, ticket))
      .add(queueDeliverySql(tx, deps.region, ticket.id, statusPush(ticket), deps.now()))
      .appendLedger([{ region: deps.region, chainId: ticketChain(ticket), actor: actor.subject, action: "hotline_ticket.linked", subject: ticket.id, from: current.status, to: ticket.status, details: { projectId: ticket.projectId ?? "", complaintId: ticket.complaintId ?? "" } }])
      .recordEvents([hotlineTicketLinked(ticket, await subjectOf(tx, deps.region, ticket))])
      .flush();
    return ok(ticket);
  });
}

export async function answerTicketCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<HotlineTicket>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findTicket(tx, deps.region, id, true);
    if (!current) return fail(notFound(`hotline ticket ${id}`));
    const result = answerTicket(current, input, { actor, now: deps.now() });
    if (!result.ok) return result;
    const ticket = result.value;
    await new WriteSet(tx)
      .add(updateTicketSql(tx, ticket))
      .add(queueDeliverySql(tx, deps.region, ticket.id, statusPush(ticket), deps.now()))
      .appendLedger([{ region: deps.region, chainId: ticketChain(ticket), actor: actor.subject, action: "hotline_ticket.answered", subject: ticket.id, from: current.status, to: ticket.status }])
      .recordEvents([hotlineTicketUpdated(ticket, actor.subject)])
      .flush();
    return ok(ticket);
  });
}
