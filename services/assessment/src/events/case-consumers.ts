import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { recordCompletion, recordReopening, recordSupplementRound } from "../db/completions.js";

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
    completion: completed.completion,
  });
};

export const caseReopenedConsumer = {
  durable: "assessment-case-reopened",
  eventTypes: [eventTypes.caseReopened],
};

/** A reopened case no longer counts as completed until it completes again. */
export const uncountReopenedCase: EventHandler = async (tx, event) => {
  const reopened = payloadOf(event, "caseReopened");
  if (!reopened) return;
  await recordReopening(tx, {
    region: event.region,
    caseId: reopened.caseId,
    projectId: reopened.projectId,
    reopenedAt: event.occurredAt ?? new Date(),
    undoesCompletion: reopened.undoesCompletion,
  });
};

export const supplementRoundsConsumer = {
  durable: "assessment-supplement-rounds",
  eventTypes: [eventTypes.supplementRequested],
};

/** Counts every 补正 round, and the follow-up rounds among them (一次性告知). */
export const countSupplementRound: EventHandler = async (tx, event) => {
  const requested = payloadOf(event, "supplementRequested");
  if (!requested) return;
  await recordSupplementRound(tx, {
    region: event.region,
    eventId: event.id,
    caseId: requested.caseId,
    itemId: requested.itemId,
    round: requested.round,
    followUp: requested.followUp,
    requestedAt: event.occurredAt ?? new Date(),
  });
};
