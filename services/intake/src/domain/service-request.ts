import { randomUUID } from "node:crypto";
import type { HolidaySchedule } from "@steward/calendar";
import { z } from "zod";
import { fail, failedPrecondition, invalidArgument, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { isStaff, type Actor } from "./actor.js";
import { text, validate } from "./fields.js";
import type { Project } from "./project.js";
import { replyClock, type ClockRules, type Reminded, type ReplyClock } from "./reply-clocks.js";

/** A service request (诉求) raised by an enterprise or its steward, owned by the project's steward. */
export interface ServiceRequest {
  id: string;
  region: string;
  projectId: string;
  category: RequestCategory;
  title: string;
  content: string;
  channel: "enterprise" | "steward";
  /** The steward who must answer; empty while the project has none (the admins answer). */
  ownerId: string;
  status: "open" | "answered";
  submittedBy: string;
  submittedAt: Date;
  clock: ReplyClock;
  reminded: Reminded;
  answer?: string;
  answeredBy?: string;
  answeredAt?: Date;
}

export const requestCategories = ["policy", "approval", "coordination", "other"] as const;
export type RequestCategory = (typeof requestCategories)[number];

export const requestSubmissionSchema = z.object({
  category: z.enum(requestCategories, { error: `must be one of ${requestCategories.join(", ")}` }),
  title: text(1, 100),
  content: text(1, 2000),
});

export const answerSchema = z.object({ answer: text(1, 2000) });

export interface RequestContext {
  region: string;
  actor: Actor;
  now: Date;
  schedule: HolidaySchedule;
  rules: ClockRules;
}

export function submitRequest(input: unknown, project: Project, context: RequestContext): Result<ServiceRequest> {
  const validation = validate(requestSubmissionSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  if (context.actor.role !== "enterprise" && !isStaff(context.actor)) return fail(permissionDenied(`role ${context.actor.role} does not raise service requests`));
  return ok({
    id: randomUUID(),
    region: context.region,
    projectId: project.id,
    ...validation.value,
    channel: context.actor.role === "enterprise" ? "enterprise" : "steward",
    ownerId: project.stewardId ?? "",
    status: "open",
    submittedBy: context.actor.subject,
    submittedAt: context.now,
    clock: replyClock(context.rules.request.replyLimit, context.now, context.schedule, context.rules.dueSoonShare),
    reminded: "none",
  });
}

/** The owner answers (an admin for a project without a steward, or standing in); once. */
export function answerRequest(current: ServiceRequest, input: unknown, context: { actor: Actor; now: Date }): Result<ServiceRequest> {
  const validation = validate(answerSchema, input);
  if (!validation.ok) return fail(invalidArgument(validation.violations));
  const { actor } = context;
  const owner = actor.role === "admin" || (actor.role === "steward" && (current.ownerId === "" || current.ownerId === actor.subject));
  if (!owner) return fail({ ...permissionDenied("only the request's owner answers it"), reason: "NOT_REQUEST_OWNER" });
  if (current.status === "answered") return fail({ ...failedPrecondition(`request ${current.id} is already answered`), reason: "REQUEST_ALREADY_ANSWERED" });
  return ok({ ...current, status: "answered", answer: validation.value.answer, answeredBy: actor.subject, answeredAt: context.now });
}
