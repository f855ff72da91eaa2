import { randomUUID } from "node:crypto";
import type { HolidaySchedule } from "@steward/calendar";
import { z } from "zod";
import { fail, failedPrecondition, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { isStaff, type Actor } from "./actor.js";
import { answerSchema } from "./service-request.js";
import { creditCodeField, departmentCodeField, itemCodeField, mobilePhoneField, text, typeError, uuidField, validate } from "./fields.js";
import { replyClock, type ClockRules, type Reminded, type ReplyClock } from "./reply-clocks.js";

/**
 * A "couldn't get it done" complaint (办不成事) from any channel. The responsible department
 * replies within the complaint clock (3 working days); a complaint involving several departments
 * goes to the approval bureau at once, which coordinates, and so does one its department let run
 * out (escalated as overdue). Each is linked to its project, enterprise or item.
 */
export interface Complaint {
  id: string;
  region: string;
  channel: ComplaintChannel;
  projectId?: string;
  enterpriseId?: string;
  itemCode?: string;
  departments: string[];
  responsibleDepartment: string;
  status: "received" | "escalated" | "answered";
  title: string;
  content: string;
  conduct: boolean;
  complainantName?: string;
  complainantPhone?: string;
  receivedBy: string;
  receivedAt: Date;
  clock: ReplyClock;
  reminded: Reminded;
  escalationCause?: EscalationCause;
  escalatedAt?: Date;
  answer?: string;
  answeredBy?: string;
  answeredAt?: Date;
  hotlineTicketId?: string;
}

export const complaintChannels = ["window", "online", "hotline", "letter", "steward"] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];
export type EscalationCause = "several_departments" | "overdue" | "requested";

export const complaintFilingSchema = z
  .object({
    channel: z.enum(complaintChannels, { error: `must be one of ${complaintChannels.join(", ")}` }),
    projectId: uuidField.optional(),
    creditCode: creditCodeField.optional(),
    itemCode: itemCodeField.optional(),
    departments: z.array(departmentCodeField, { error: typeError("a list of department codes") }).min(1, { message: "name the department(s) concerned" }).max(10, { message: "holds at most 10 departments" }),
    title: text(1, 100),
    content: text(1, 4000),
    /** About cadres' conduct (作风): referred for accountability as well. */
    conduct: z.boolean({ error: typeError("true or false") }).optional(),
    complainantName: text(1, 50).optional(),
    complainantPhone: mobilePhoneField.optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.projectId && !value.creditCode) ctx.addIssue({ code: "custom", path: ["projectId"], message: "link the complaint to a project (projectId) or an enterprise (creditCode)" });
  });
export type ComplaintFiling = z.infer<typeof complaintFilingSchema>;

export interface ComplaintContext {
  region: string;
  actor: Actor;
  now: Date;
  schedule: HolidaySchedule;
  rules: ClockRules;
}

/** What the complaint is linked to, resolved from the filing by the caller. */
export interface ComplaintLinks {
  projectId?: string;
  enterpriseId?: string;
}

export function validateComplaint(input: unknown) {
  return validate(complaintFilingSchema, input);
}

export function fileComplaint(filing: ComplaintFiling, links: ComplaintLinks, context: ComplaintContext): Result<Complaint> {
  const departments = [...new Set(filing.departments)];
  const bureau = context.rules.complaint.coordinatingDepartment;
  const several = departments.length > 1;
  return ok({
    id: randomUUID(),
    region: context.region,
    channel: filing.channel,
    ...links,
    ...(filing.itemCode ? { itemCode: filing.itemCode } : {}),
    departments,
    responsibleDepartment: several ? bureau : departments[0]!,
    status: several ? "escalated" : "received",
    title: filing.title,
    content: filing.content,
    conduct: filing.conduct ?? false,
    ...(filing.complainantName ? { complainantName: filing.complainantName } : {}),
    ...(filing.complainantPhone ? { complainantPhone: filing.complainantPhone } : {}),
    receivedBy: context.actor.subject,
    receivedAt: context.now,
    clock: replyClock(context.rules.complaint.replyLimit, context.now, context.schedule, context.rules.dueSoonShare),
    reminded: "none",
    ...(several ? { escalationCause: "several_departments" as const, escalatedAt: context.now } : {}),
  });
}

/** When the complaint's current clock started: at its escalation to the bureau by staff or by the clock, else when received. */
export const clockStartOf = (complaint: Pick<Complaint, "receivedAt" | "escalatedAt" | "escalationCause">): Date =>
  complaint.escalatedAt && complaint.escalationCause !== "several_departments" ? complaint.escalatedAt : complaint.receivedAt;

/** Whether the actor replies for the complaint's responsible department (or the bureau's admins). */
export function repliesFor(actor: Actor, complaint: Pick<Complaint, "responsibleDepartment">, bureau: string): boolean {
  if (actor.role === "admin") return true;
  if ((actor.role === "liaison" || actor.role === "department") && actor.department === complaint.responsibleDepartment) return true;
  return actor.role === "steward" && complaint.responsibleDepartment === bureau;
}

export function answerComplaint(current: Complaint, input: unknown, context: { actor: Actor; now: Date; bureau: string }): Result<Complaint> {
  const validation = validate(answerSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  if (!repliesFor(context.actor, current, context.bureau)) {
    return fail({ ...permissionDenied(`complaint ${current.id} is answered by ${current.responsibleDepartment}`), reason: "NOT_RESPONSIBLE_DEPARTMENT" });
  }
  if (current.status === "answered") return fail({ ...failedPrecondition(`complaint ${current.id} is already answered`), reason: "COMPLAINT_ALREADY_ANSWERED" });
  return ok({ ...current, status: "answered", answer: validation.value.answer, answeredBy: context.actor.subject, answeredAt: context.now });
}

export const escalationSchema = z.object({ reason: text(1, 2000) });

/**
 * Sends a complaint to the approval bureau, which coordinates from then on with a clock of its
 * own: asked by staff ("requested") or by the clock running out ("overdue").
 */
export function escalateComplaint(current: Complaint, cause: Exclude<EscalationCause, "several_departments">, context: ComplaintContext & { reason?: string }): Result<Complaint> {
  const bureau = context.rules.complaint.coordinatingDepartment;
  if (cause === "requested" && !isStaff(context.actor)) return fail(permissionDenied("stewards and admins escalate complaints"));
  if (current.status === "answered") return fail({ ...failedPrecondition(`complaint ${current.id} is already answered`), reason: "COMPLAINT_ALREADY_ANSWERED" });
  if (current.responsibleDepartment === bureau) return fail({ ...failedPrecondition(`complaint ${current.id} is already with the coordinating bureau`), reason: "ALREADY_WITH_BUREAU" });
  return ok({
    ...current,
    status: "escalated",
    responsibleDepartment: bureau,
    escalationCause: cause,
    escalatedAt: context.now,
    clock: replyClock(context.rules.complaint.replyLimit, context.now, context.schedule, context.rules.dueSoonShare),
    reminded: "none",
  });
}
