import { status, type ServiceError } from "@grpc/grpc-js";
import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { recordSubmission } from "../db/agreements.js";
import type { RoutingClient } from "../clients/routing.js";

export const planSubmissionConsumer = {
  durable: "agreement-plan-submission",
  eventTypes: [eventTypes.planApproved],
};

/** Routing's answers that no retry can change: the plan itself is refused. */
const refusals = new Set([status.INVALID_ARGUMENT, status.FAILED_PRECONDITION, status.NOT_FOUND, status.PERMISSION_DENIED]);

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
      await recordSubmission(tx, event.region, plan.planId, plan.version, "refused", (error as ServiceError).details ?? String(error));
    }
  };
}
