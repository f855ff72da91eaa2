import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { insertDelivery } from "../db/deliveries.js";
import { newDelivery } from "../domain/delivery.js";
import { render, type Templates } from "../domain/templates.js";

export const caseCompletedConsumer = {
  durable: "notification-case-completed",
  eventTypes: [eventTypes.caseCompleted],
};

/** A completed case queues a notice to the steward's webhook; the dispatcher sends it. */
export function queueCaseCompletedNotice(templates: Templates): EventHandler {
  const template = templates["case-completed"];
  if (!template) throw new Error("template case-completed is missing");
  return async (tx, event) => {
    const completed = payloadOf(event, "caseCompleted");
    if (!completed) return;
    const message = render(template, { projectName: completed.projectName, itemCount: completed.itemCount });
    await insertDelivery(tx, newDelivery(event.region, "case-completed", message, event.id, completed.caseId));
  };
}
