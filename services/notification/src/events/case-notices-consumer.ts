import type { TransactionSql } from "postgres";
import { eventTypes, payloadOf, type EventEnvelope, type EventHandler } from "@steward/platform/events";
import { insertDelivery } from "../db/deliveries.js";
import { completionNotice, noticeTemplates, reopeningNotice, type Notice } from "../domain/case-notices.js";
import { newDelivery } from "../domain/delivery.js";
import { render, type Templates } from "../domain/templates.js";

export const caseCompletedConsumer = {
  durable: "notification-case-completed",
  eventTypes: [eventTypes.caseCompleted],
};

export const caseReopenedConsumer = {
  durable: "notification-case-reopened",
  eventTypes: [eventTypes.caseReopened],
};

/**
 * Queues the notice of a case event to the steward's webhook; the dispatcher sends it. Every
 * template must be there at start, so a missing one stops the process rather than a delivery.
 */
export function caseNoticeQueue(templates: Templates) {
  for (const name of noticeTemplates) if (!templates[name]) throw new Error(`template ${name} is missing`);
  const queue = async (tx: TransactionSql, event: EventEnvelope, caseId: string, notice: Notice) =>
    insertDelivery(tx, newDelivery(event.region, notice.template, render(templates[notice.template]!, notice.values), event.id, caseId));

  const completed: EventHandler = async (tx, event) => {
    const payload = payloadOf(event, "caseCompleted");
    if (payload) await queue(tx, event, payload.caseId, completionNotice(payload));
  };
  const reopened: EventHandler = async (tx, event) => {
    const payload = payloadOf(event, "caseReopened");
    if (payload) await queue(tx, event, payload.caseId, reopeningNotice(payload));
  };
  return { completed, reopened };
}
