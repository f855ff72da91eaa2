import { randomUUID } from "node:crypto";
import { z } from "zod";
import { fail, failedPrecondition, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { isStaff, type Actor } from "./actor.js";
import { answerSchema } from "./service-request.js";
import { creditCodeField, departmentCodeField, itemCodeField, mobilePhoneField, text, typeError, uuidField, validate } from "./fields.js";
import { investmentCodeField } from "./project-registration.js";
import { replyClock, type ClockRules, type Reminded, type ReplyClock } from "./reply-clocks.js";
import type { HolidaySchedule } from "@steward/calendar";

/**
 * A 12345 hotline ticket (工单) the hotline system sent over its signed webhook. It is linked to
 * the project, enterprise, item or complaint it concerns; its tier sets the reply clock; whoever
 * received the matter first coordinates (首接负责): the service centre when a complaint about it was
 * filed earlier, else the hotline. Every status change is pushed back to the hotline.
 */
export interface HotlineTicket {
  id: string;
  region: string;
  ticketNo: string;
  tier: string;
  status: TicketStatus;
  title: string;
  content: string;
  callerName?: string;
  callerPhone?: string;
  receivedAt: Date;
  clock: ReplyClock;
  reminded: Reminded;
  projectId?: string;
  enterpriseId?: string;
  itemCode?: string;
  complaintId?: string;
  coordinator: "hotline" | "service_centre";
  responsibleDepartment: string;
  answer?: string;
  answeredBy?: string;
  answeredAt?: Date;
}

export type TicketStatus = "received" | "in_progress" | "answered" | "closed";

/** The hotline's message: a ticket it created, or its closing (the caller confirmed the answer). */
export const hotlineMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("ticket.created"),
    ticket: z.object({
      ticketNo: z.string({ error: typeError("a string") }).regex(/^[A-Za-z0-9-]{4,40}$/, { message: "must be 4-40 letters, digits or -" }),
      tier: z.string({ error: typeError("a string") }),
      receivedAt: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time with its offset" }),
      title: text(1, 200),
      content: text(1, 4000),
      callerName: text(1, 50).optional(),
      callerPhone: mobilePhoneField.optional(),
      creditCode: creditCodeField.optional(),
      projectId: uuidField.optional(),
      investmentCode: investmentCodeField.optional(),
      itemCode: itemCodeField.optional(),
      department: departmentCodeField.optional(),
    }),
  }),
  z.object({
    type: z.literal("ticket.closed"),
    ticket: z.object({ ticketNo: z.string({ error: typeError("a string") }).min(1), note: text(0, 2000).optional() }),
  }),
], { error: 'type must be "ticket.created" or "ticket.closed"' });
export type HotlineMessage = z.infer<typeof hotlineMessageSchema>;
export type TicketCreated = Extract<HotlineMessage, { type: "ticket.created" }>["ticket"];

export function validateHotlineMessage(input: unknown) {
  const validation = validate(hotlineMessageSchema, input);
  return validation;
}

/** What the ticket concerns, resolved by the caller from the message's references. */
export interface TicketLinks {
  projectId?: string;
  enterpriseId?: string;
  /** An open complaint about the same project or enterprise, received before the ticket. */
  earlierComplaint?: { id: string; receivedAt: Date; responsibleDepartment: string };
}

export interface TicketContext {
  region: string;
  schedule: HolidaySchedule;
  rules: ClockRules;
  now: Date;
}

/** The reply limit of the ticket's tier (tiers are data: rules/clocks.json). */
export const tierLimitOf = (rules: ClockRules, tier: string) => rules.hotline.tiers.find((candidate) => candidate.code === tier)?.limit;

export function receiveTicket(message: TicketCreated, links: TicketLinks, context: TicketContext): Result<HotlineTicket> {
  const limit = tierLimitOf(context.rules, message.tier);
  if (!limit) return fail(invalidArgument([{ field: "ticket.tier", description: `must be one of ${context.rules.hotline.tiers.map((t) => t.code).join(", ")}` }]));
  const receivedAt = new Date(message.receivedAt);
  if (receivedAt.getTime() > context.now.getTime() + 5 * 60_000) {
    return fail(invalidArgument([{ field: "ticket.receivedAt", description: "lies in the future" }]));
  }
  const complaint = links.earlierComplaint && links.earlierComplaint.receivedAt <= receivedAt ? links.earlierComplaint : undefined;
  const linked = links.projectId !== undefined || links.enterpriseId !== undefined || complaint !== undefined;
  return ok({
    id: randomUUID(),
    region: context.region,
    ticketNo: message.ticketNo,
    tier: message.tier,
    status: linked ? "in_progress" : "received",
    title: message.title,
    content: message.content,
    ...(message.callerName ? { callerName: message.callerName } : {}),
    ...(message.callerPhone ? { callerPhone: message.callerPhone } : {}),
    receivedAt,
    clock: replyClock(limit, receivedAt, context.schedule, context.rules.dueSoonShare),
    reminded: "none",
    ...(links.projectId ? { projectId: links.projectId } : {}),
    ...(links.enterpriseId ? { enterpriseId: links.enterpriseId } : {}),
    ...(message.itemCode ? { itemCode: message.itemCode } : {}),
    ...(complaint ? { complaintId: complaint.id } : {}),
    coordinator: complaint ? "service_centre" : "hotline",
    responsibleDepartment: complaint?.responsibleDepartment ?? message.department ?? "",
  });
}

export const ticketLinkSchema = z
  .object({ projectId: uuidField.optional(), complaintId: uuidField.optional(), itemCode: itemCodeField.optional(), department: departmentCodeField.optional() })
  .refine((value) => value.projectId || value.complaintId || value.itemCode || value.department, { message: "name a projectId, complaintId, itemCode or department to link" });

/** Staff link a ticket the webhook could not place (or place it better). */
export function linkTicket(
  current: HotlineTicket,
  link: z.infer<typeof ticketLinkSchema>,
  resolved: { enterpriseId?: string; complaint?: { id: string; receivedAt: Date; responsibleDepartment: string } },
  actor: Actor,
): Result<HotlineTicket> {
  if (!isStaff(actor)) return fail(permissionDenied("stewards and admins link hotline tickets"));
  if (current.status === "answered" || current.status === "closed") return fail({ ...failedPrecondition(`ticket ${current.ticketNo} is ${current.status}`), reason: "TICKET_ALREADY_CLOSED" });
  const complaint = resolved.complaint;
  return ok({
    ...current,
    status: "in_progress",
    ...(link.projectId ? { projectId: link.projectId } : {}),
    ...(resolved.enterpriseId ? { enterpriseId: resolved.enterpriseId } : {}),
    ...(link.itemCode ? { itemCode: link.itemCode } : {}),
    ...(complaint ? { complaintId: complaint.id, coordinator: complaint.receivedAt <= current.receivedAt ? "service_centre" : "hotline", responsibleDepartment: complaint.responsibleDepartment } : {}),
    ...(link.department ? { responsibleDepartment: link.department } : {}),
  });
}

/** The service centre's answer to the hotline: staff, or the responsible department. */
export function answerTicket(current: HotlineTicket, input: unknown, context: { actor: Actor; now: Date }): Result<HotlineTicket> {
  const validation = validate(answerSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const { actor } = context;
  const allowed = isStaff(actor) || ((actor.role === "liaison" || actor.role === "department") && actor.department !== undefined && actor.department === current.responsibleDepartment);
  if (!allowed) return fail({ ...permissionDenied(`ticket ${current.ticketNo} is answered by the service centre or ${current.responsibleDepartment || "its department"}`), reason: "NOT_RESPONSIBLE_DEPARTMENT" });
  return answered(current, validation.value.answer, actor.subject, context.now);
}

/** A ticket answered (directly, or through the complaint it is linked to). */
export function answered(current: HotlineTicket, answer: string, by: string, now: Date): Result<HotlineTicket> {
  if (current.status === "answered" || current.status === "closed") return fail({ ...failedPrecondition(`ticket ${current.ticketNo} is ${current.status}`), reason: "TICKET_ALREADY_CLOSED" });
  return ok({ ...current, status: "answered", answer, answeredBy: by, answeredAt: now });
}

/** The hotline closed the ticket (the caller confirmed); nothing more is pushed back. */
export function closeTicket(current: HotlineTicket): Result<HotlineTicket> {
  if (current.status === "closed") return ok(current);
  return ok({ ...current, status: "closed" });
}

/** The body pushed to the hotline for a status change (signed and retried by the dispatcher). */
export function statusPush(ticket: HotlineTicket, messageId: string = randomUUID()): { id: string; body: Record<string, unknown> } {
  return {
    id: messageId,
    body: {
      type: "ticket.status",
      ticketNo: ticket.ticketNo,
      status: ticket.status,
      coordinator: ticket.coordinator,
      dueAt: ticket.clock.dueAt.toISOString(),
      ...(ticket.answer ? { answer: ticket.answer, answeredAt: ticket.answeredAt?.toISOString() } : {}),
    },
  };
}
