import { status, type ServiceError } from "@grpc/grpc-js";
import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { fieldViolationsOf } from "@steward/platform/grpc";
import { recordSubmission } from "../db/agreements.js";
import type { RoutingClient } from "../clients/routing.js";

export const planSubmissionConsumer = {
  durable: "agreement-plan-submission",
  eventTypes: [eventTypes.planApproved],
};

/**
 * Routing's answers that no retry can change: the plan itself is refused (ALREADY_EXISTS: this
 * version was submitted before with other content). ABORTED, a concurrent submission, is retried.
 */
const refusals = new Set([status.INVALID_ARGUMENT, status.FAILED_PRECONDITION, status.NOT_FOUND, status.PERMISSION_DENIED, status.ALREADY_EXISTS]);

/**
 * Submits each approved plan version to approval routing (SubmitPlan is idempotent by plan id and
 * version, so a redelivery is harmless) and records the answer on the plan. A refusal is recorded
 * and acknowledged; an unreachable routing service leaves the event to be redelivered.
 */
export function submitApprovedPlans(routing: RoutingClient): EventHandler {
  return async (tx, event) => {
    const plan = payloadOf(event, "planApproved");
    if (!plan) return;
    try {
      const answer = await routing.submitPlan({
        planId: plan.planId,
        planVersion: plan.version,
        projectId: plan.projectId,
        projectName: plan.projectName,
        items: plan.items,
      });
      await recordSubmission(tx, event.region, plan.planId, plan.version, "accepted", "", answer.case?.id);
    } catch (error) {
      const code = (error as ServiceError).code;
      if (!refusals.has(code)) throw error;
      // The field violations say what to fix ("items[2].item_code: NOPE-9 is not in the item catalogue").
      const violations = fieldViolationsOf(error as ServiceError).map((violation) => `${violation.field}: ${violation.description}`);
      const detail = violations.length > 0 ? violations.join("; ") : ((error as ServiceError).details ?? String(error));
      await recordSubmission(tx, event.region, plan.planId, plan.version, "refused", detail);
    }
  };
}
