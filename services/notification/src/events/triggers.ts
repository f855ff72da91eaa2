import { eventTypes, type EventCase, type EventEnvelope } from "@steward/platform/events";
import { eventsV1 } from "@steward/proto";
import { digestTrigger } from "../domain/digest.js";
import { contextVariables, type Trigger } from "../domain/notices.js";
import type { TriggerSchema } from "../domain/rules.js";

/** Notification's own triggers, which never travel on the bus, with their fields. */
export const ownTriggers = {
  reminder: {
    type: "notification.reminder",
    fields: ["kind", "level", "dueOn", "dueProvisional", "workingDaysLeft", "caseId", "itemId", "itemCode", "departmentCode", "consultedDepartment", "consultationId"],
  },
  reviewInvite: {
    type: "notification.review.invite",
    fields: ["invitationId", "subjectKind", "subjectId", "caseId", "projectId", "itemCode", "departmentCode", "reviewLink", "expiresOn", "round"],
  },
  digest: digestTrigger,
} as const;

/**
 * Every trigger's schema: each event type's payload fields, read from the generated contract (a
 * message's defaults list all its fields), and notification's own triggers; every one offers the
 * context values too. Rules and templates are checked against these at start.
 */
export function triggerSchemas(): Map<string, TriggerSchema> {
  const context = new Set<string>(contextVariables);
  const schemas = new Map<string, TriggerSchema>();
  for (const [payloadCase, type] of Object.entries(eventTypes) as [EventCase, string][]) {
    const envelope = eventsV1.EventEnvelope.fromPartial({ payload: { $case: payloadCase, value: {} } } as Parameters<typeof eventsV1.EventEnvelope.fromPartial>[0]);
    schemas.set(type, { fields: new Set(Object.keys(envelope.payload?.value ?? {})), context });
  }
  for (const own of Object.values(ownTriggers)) schemas.set(own.type, { fields: new Set(own.fields), context });
  return schemas;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** An event as a trigger: its payload's fields, about its most specific aggregate. */
export function triggerOf(event: EventEnvelope): Trigger {
  const fields = (event.payload?.value ?? {}) as unknown as Record<string, unknown>;
  const subjectId =
    text(fields.itemId) || text(fields.complaintId) || text(fields.rectificationId) || text(fields.reviewId) || (event.type === eventTypes.replyDue ? text(fields.id) : "") || text(fields.caseId) || event.aggregateId;
  return { type: event.type, sourceId: event.id, occurredAt: event.occurredAt ?? new Date(), subjectId, fields };
}
