import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { insertDraft } from "../db/agreements.js";
import { draftAgreement } from "../domain/agreement.js";

export const projectRegisteredConsumer = {
  durable: "agreement-project-registered",
  eventTypes: [eventTypes.projectRegistered],
};

/** A newly registered key project gets a draft assisted-handling agreement. */
export const openDraftAgreement: EventHandler = async (tx, event) => {
  const registered = payloadOf(event, "projectRegistered");
  if (!registered) return;
  await insertDraft(tx, draftAgreement(event.region, registered.projectId, registered.projectName, registered.creditCode, event.occurredAt));
};
