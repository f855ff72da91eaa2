import { status, type ServiceError } from "@grpc/grpc-js";
import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { fieldViolationsOf } from "@steward/platform/grpc";
import type { RoutingClient } from "../clients/routing.js";
import { fulfilByCase, recordSubmissionAnswer } from "../commands/plans.js";

export const planSubmissionConsumer = {
  durable: "agreement-plan-submission",
  eventTypes: [eventTypes.planApproved],
};

/** Routing's answers that no retry can change: the plan itself is refused. */
const refusals = new Set([status.INVALID_ARGUMENT, status.FAILED_PRECONDITION, status.NOT_FOUND, status.PERMISSION_DENIED]);

/**
 * Submits each approved plan version to approval routing (SubmitPlan is idempotent by plan id and
 * version, so a redelivery is harmless) and records the answer on the plan: accepted with its case,
 * or refused with routing's field violations. An unreachable routing service leaves the event to
 * be redelivered (the plan stays "submitted").
 */
export function submitApprovedPlans(routing: RoutingClient, now: () => Date = () => new Date()): EventHandler {
  return async (tx, event) => {
    const plan = payloadOf(event, "planApproved");
    if (!plan) return;
    const deps = { region: event.region, now };
    try {
      const answer = await routing.submitPlan({
        planId: plan.planId,
        planVersion: plan.version,
        projectId: plan.projectId,
        projectName: plan.projectName,
        items: plan.items.map((item) => ({ itemCode: item.itemCode, departmentCode: item.departmentCode })),
      });
      await recordSubmissionAnswer(tx, deps, plan.agreementId, plan.version, { caseId: answer.case?.id ?? "" });
    } catch (error) {
      const code = (error as ServiceError).code;
      if (!refusals.has(code)) throw error;
      // The field violations say what to fix ("items[2].item_code: NOPE-9 is not in the item catalogue").
      const problems = fieldViolationsOf(error as ServiceError).map((violation) => ({ field: violation.field, description: violation.description }));
      await recordSubmissionAnswer(tx, deps, plan.agreementId, plan.version, { problems, detail: (error as ServiceError).details ?? String(error) });
    }
  };
}

export const caseCompletedConsumer = { durable: "agreement-case-completed", eventTypes: [eventTypes.caseCompleted] };

/** The project's case completed: its agreement is fulfilled. */
export const fulfilAgreements: EventHandler = async (tx, event) => {
  const completed = payloadOf(event, "caseCompleted");
  if (completed) await fulfilByCase(tx, { region: event.region, now: () => new Date() }, completed.caseId);
};
