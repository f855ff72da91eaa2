import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { AppErrorException } from "@steward/platform/errors";
import { submitPlanIn } from "../db/routing-commands.js";

export const planApprovedConsumer = {
  durable: "routing-plan-approved",
  eventTypes: [eventTypes.planApproved],
};

/** An approved plan becomes a case with its items routed, in the consumer's transaction. */
export const openCaseForPlan: EventHandler = async (tx, event) => {
  const plan = payloadOf(event, "planApproved");
  if (!plan) return;
  const result = await submitPlanIn(tx, event.region, {
    planId: plan.planId,
    planVersion: plan.version,
    projectId: plan.projectId,
    projectName: plan.projectName,
    items: plan.items,
  });
  // A plan agreement approved but routing refuses is a contract bug: keep it visible, redelivered.
  if (!result.ok) throw new AppErrorException(result.error);
};
