import { randomUUID } from "node:crypto";
import { eventsV1 } from "@steward/proto";
import { currentTraceCarrier } from "../telemetry/case-trace.js";

export type EventEnvelope = eventsV1.EventEnvelope;
export type EventPayload = NonNullable<EventEnvelope["payload"]>;
export type EventCase = EventPayload["$case"];

/**
 * The dotted event type of each payload case. The type is what subjects, inboxes and metrics
 * use; the case is what code switches on. One table keeps them from drifting apart.
 */
export const eventTypes = {
  projectRegistered: "intake.project.registered",
  agreementSigned: "agreement.signed",
  planApproved: "agreement.plan.approved",
  itemRouted: "routing.item.routed",
  itemDecided: "routing.item.decided",
  caseCompleted: "routing.case.completed",
  notificationDelivered: "notification.delivered",
  notificationFailed: "notification.failed",
  itemAccepted: "routing.item.accepted",
  supplementRequested: "routing.item.supplement_requested",
  itemTransitioned: "routing.item.transitioned",
  itemWarned: "routing.item.warned",
  itemOverdue: "routing.item.overdue",
  itemEscalated: "routing.item.escalated",
  escalationResolved: "routing.escalation.resolved",
  deadlinesRecomputed: "routing.calendar.recomputed",
  consultationRequested: "routing.consultation.requested",
  consultationAnswered: "routing.consultation.answered",
  itemDeemedAccepted: "routing.item.deemed_accepted",
  verificationWarned: "routing.item.verification_warned",
  verificationOverdue: "routing.item.verification_overdue",
  enterpriseBarred: "routing.enterprise.barred",
  caseReopened: "routing.case.reopened",
  enterpriseRegistered: "intake.enterprise.registered",
  enterpriseUpdated: "intake.enterprise.updated",
  projectUpdated: "intake.project.updated",
  requestReceived: "intake.request.received",
  requestAnswered: "intake.request.answered",
  complaintReceived: "intake.complaint.received",
  complaintAnswered: "intake.complaint.answered",
  complaintEscalated: "intake.complaint.escalated",
  hotlineTicketLinked: "intake.hotline_ticket.linked",
  hotlineTicketUpdated: "intake.hotline_ticket.updated",
  replyDue: "intake.reply.due",
  agreementDrafted: "agreement.drafted",
  agreementActivated: "agreement.activated",
  agreementClosed: "agreement.closed",
  stewardAssigned: "agreement.steward.assigned",
  liaisonAssigned: "agreement.liaison.assigned",
  planDrafted: "agreement.plan.drafted",
  planReviewed: "agreement.plan.reviewed",
  planRefused: "agreement.plan.refused",
  planAccepted: "agreement.plan.accepted",
  reviewInvited: "notification.review.invited",
  reviewRecorded: "notification.review.recorded",
  rectificationOpened: "notification.rectification.opened",
  rectificationRectified: "notification.rectification.rectified",
  rectificationCalledBack: "notification.rectification.called_back",
  rectificationOverdue: "notification.rectification.overdue",
  policyMatched: "notification.policy.matched",
  reportPublished: "assessment.report.published",
  referralRaised: "assessment.referral.raised",
  referralUpdated: "assessment.referral.updated",
} as const satisfies Record<EventCase, string>;

export type EventType = (typeof eventTypes)[EventCase];

export interface NewEvent {
  region: string;
  aggregateId: string;
  payload: EventPayload;
  occurredAt?: Date;
}

/** Builds an envelope with a fresh id, capturing the active trace context (and its case's ids). */
export function newEvent(event: NewEvent): EventEnvelope {
  return {
    id: randomUUID(),
    type: eventTypes[event.payload.$case],
    region: event.region,
    occurredAt: event.occurredAt ?? new Date(),
    aggregateId: event.aggregateId,
    traceContext: currentTraceCarrier(),
    payload: event.payload,
  };
}

export function encodeEvent(envelope: EventEnvelope): Uint8Array {
  return eventsV1.EventEnvelope.encode(envelope).finish();
}

export function decodeEvent(bytes: Uint8Array): EventEnvelope {
  return eventsV1.EventEnvelope.decode(bytes);
}

type PayloadValues = { [P in EventPayload as P["$case"]]: P["value"] };

/** Narrows an envelope to one payload case. */
export function payloadOf<C extends EventCase>(envelope: EventEnvelope, which: C): PayloadValues[C] | undefined {
  const payload = envelope.payload;
  return payload?.$case === which ? (payload.value as PayloadValues[C]) : undefined;
}
