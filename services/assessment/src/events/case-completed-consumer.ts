import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { recordCompletion } from "../db/completions.js";

export const caseCompletedConsumer = {
  durable: "assessment-case-completed",
  eventTypes: [eventTypes.caseCompleted],
};

export const countCompletedCase: EventHandler = async (tx, event) => {
  const completed = payloadOf(event, "caseCompleted");
  if (!completed) return;
  await recordCompletion(tx, {
    region: event.region,
    caseId: completed.caseId,
    projectId: completed.projectId,
    itemCount: completed.itemCount,
    completedAt: event.occurredAt ?? new Date(),
  });
};
