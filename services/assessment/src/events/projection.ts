import { eventTypes, subjectFor, type BatchEventHandler, type EventEnvelope, type EventHandler } from "@steward/platform/events";
import type { TransactionSql } from "postgres";
import {
  recordBar,
  recordDecision,
  recordPlanTargets,
  recordReopening,
  recordStewardAssignment,
  recordSupplement,
  upsertCase,
  upsertComplaint,
  upsertEscalation,
  upsertHotlineTicket,
  upsertItem,
  upsertProject,
  sendInOrder,
  type Statement,
} from "../db/facts.js";

/** The durable consumer of the projection. */
export const projectionConsumer = { durable: "assessment-projection" };

/**
 * What the projection consumer reads: the events of the history stream it projects, and no
 * others — JetStream filters the rest out, so an event no figure counts (a delivery, a review,
 * a recalculated calendar) costs the consumer no delivery, transaction or ack. The history
 * stream keeps every event for a rebuild. Any region: the city's stream sources every county's.
 */
export function projectionSource(historyStream: string): { stream: string; subjects: string[] } {
  return { stream: historyStream, subjects: projectedCases.map((payloadCase) => subjectFor("*", eventTypes[payloadCase])) };
}

const item = (event: EventEnvelope, value: { caseId: string; itemId: string; itemCode: string; departmentCode: string }) => ({
  region: event.region,
  caseId: value.caseId,
  itemId: value.itemId,
  itemCode: value.itemCode,
  departmentCode: value.departmentCode,
  at: event.occurredAt ?? new Date(0),
});

/**
 * The statements that project one event into the facts the figures are counted from, built but
 * not sent (see db/facts.ts); none for an event that feeds no figure.
 */
export function projectionOf(tx: TransactionSql, event: EventEnvelope): Statement[] {
  const at = event.occurredAt ?? new Date(0);
  const region = event.region;
  const payload = event.payload;
  if (!payload) return [];
  switch (payload.$case) {
    // Routing: cases and items.
    case "itemRouted":
      return [...upsertCase(tx, { region, caseId: payload.value.caseId, openedAt: at }), ...upsertItem(tx, { ...item(event, payload.value), state: "routed", routedAt: at })];
    case "itemAccepted": {
      const accepted = payload.value;
      const state = accepted.mode === "commitment" ? "accepted" : "in_review";
      return upsertItem(tx, { ...item(event, accepted), state, acceptedAt: at, mode: accepted.mode || "normal", committedDueOn: accepted.committedDueOn });
    }
    case "supplementRequested":
      return [
        ...recordSupplement(tx, { ...item(event, payload.value), eventId: event.id, round: payload.value.round, followUp: payload.value.followUp }),
        ...upsertItem(tx, { ...item(event, payload.value), state: "returned_for_correction", reason: payload.value.reason }),
      ];
    case "itemDeemedAccepted": {
      // Accepted by law from the day of receipt; counted as an acceptance in the month it was deemed.
      const deemed = payload.value;
      return upsertItem(tx, { ...item(event, deemed), state: "accepted", acceptedAt: at, mode: "normal", committedDueOn: deemed.committedDueOn, deemedAccepted: true });
    }
    case "verificationWarned":
      return upsertItem(tx, { ...item(event, payload.value), verificationWarnedAt: at });
    case "verificationOverdue":
      return upsertItem(tx, { ...item(event, payload.value), verificationOverdueAt: at });
    case "itemTransitioned":
      return upsertItem(tx, { ...item(event, payload.value), state: payload.value.toState, reason: payload.value.reason });
    case "itemWarned":
      return upsertItem(tx, { ...item(event, payload.value), warnedAt: at, committedDueOn: payload.value.committedDueOn });
    case "itemOverdue":
      return upsertItem(tx, { ...item(event, payload.value), overdueAt: at, committedDueOn: payload.value.committedDueOn });
    case "itemDecided": {
      const decided = payload.value;
      return recordDecision(tx, { ...item(event, decided), outcome: decided.outcome, ...(decided.clock ? { clock: decided.clock } : {}) });
    }
    case "caseCompleted": {
      const completed = payload.value;
      return upsertCase(tx, { region, caseId: completed.caseId, projectId: completed.projectId, projectName: completed.projectName, completedAt: at, itemCount: completed.itemCount, completion: completed.completion });
    }
    case "caseReopened": {
      const reopened = payload.value;
      return recordReopening(tx, { region, caseId: reopened.caseId, projectId: reopened.projectId, projectName: reopened.projectName, at, undoesCompletion: reopened.undoesCompletion });
    }
    case "enterpriseBarred": {
      const barred = payload.value;
      return recordBar(tx, {
        region,
        creditCode: barred.creditCode,
        originRegion: barred.originRegion || region,
        originItemId: barred.originItemId,
        itemCode: barred.itemCode,
        revokedOn: barred.revokedOn,
        barredThrough: barred.barredThrough,
        at,
      });
    }
    case "itemEscalated": {
      const escalated = payload.value;
      return upsertEscalation(tx, {
        region,
        escalationId: escalated.escalationId,
        caseId: escalated.caseId,
        itemId: escalated.itemId,
        departmentCode: escalated.departmentCode,
        cause: escalated.cause,
        raisedAt: at,
      });
    }
    case "escalationResolved":
      return upsertEscalation(tx, { region, escalationId: payload.value.escalationId, caseId: payload.value.caseId, itemId: payload.value.itemId, resolvedAt: at, resolution: payload.value.resolution });

    // Agreement: the case's project and its steward.
    case "planAccepted":
      return upsertCase(tx, { region, caseId: payload.value.caseId, projectId: payload.value.projectId, projectName: payload.value.projectName, openedAt: at });
    case "planApproved":
      return recordPlanTargets(tx, { region, projectId: payload.value.projectId, version: payload.value.version, items: payload.value.items });
    case "stewardAssigned":
      return recordStewardAssignment(tx, { region, eventId: event.id, projectId: payload.value.projectId, stewardId: payload.value.stewardId, stewardName: payload.value.stewardName, at });

    // Intake: projects, complaints, 12345 tickets.
    case "projectRegistered": {
      const registered = payload.value;
      return upsertProject(tx, { region, projectId: registered.projectId, projectName: registered.projectName, enterpriseName: registered.enterpriseName, keyProject: registered.keyProject, registeredAt: at });
    }
    case "projectUpdated":
      return upsertProject(tx, { region, projectId: payload.value.projectId, projectName: payload.value.projectName, keyProject: payload.value.keyProject });
    case "complaintReceived": {
      const received = payload.value;
      return upsertComplaint(tx, {
        region,
        complaintId: received.complaintId,
        channel: received.channel,
        projectId: received.projectId,
        projectName: received.projectName,
        itemCode: received.itemCode,
        responsibleDepartment: received.responsibleDepartment,
        departments: received.departments,
        title: received.title,
        conduct: received.conduct,
        hotlineTicketNo: received.hotlineTicketNo,
        receivedAt: at,
        dueOn: received.dueOn,
      });
    }
    case "complaintAnswered":
      return upsertComplaint(tx, { region, complaintId: payload.value.complaintId, channel: payload.value.channel, answeredAt: at, answeredOnTime: payload.value.onTime });
    case "complaintEscalated":
      return upsertComplaint(tx, { region, complaintId: payload.value.complaintId, responsibleDepartment: payload.value.toDepartment, escalatedAt: at, dueOn: payload.value.dueOn });
    case "hotlineTicketLinked": {
      const linked = payload.value;
      return upsertHotlineTicket(tx, {
        region,
        ticketId: linked.ticketId,
        ticketNo: linked.ticketNo,
        tier: linked.tier,
        responsibleDepartment: linked.responsibleDepartment,
        linkedAt: at,
        ...(linked.dueAt ? { dueAt: linked.dueAt } : {}),
      });
    }
    case "hotlineTicketUpdated": {
      const updated = payload.value;
      return upsertHotlineTicket(tx, {
        region,
        ticketId: updated.ticketId,
        ticketNo: updated.ticketNo,
        tier: updated.tier,
        responsibleDepartment: updated.responsibleDepartment,
        status: updated.status,
        statusAt: at,
        answeredOnTime: updated.onTime,
        ...(updated.dueAt ? { dueAt: updated.dueAt } : {}),
      });
    }
    default:
      return [];
  }
}

/**
 * Projects one event (its statements sent together, in order). Every service's events may pass
 * here; those that feed no figure write nothing but their inbox row.
 */
export const project: EventHandler = async (tx, event) => {
  await sendInOrder(projectionOf(tx, event));
};

/**
 * The consumer's handler: a fetched batch projected in ONE transaction with its inbox rows, event
 * by event in the order delivered, so the facts are what projecting them one by one gives (the
 * rebuild checks that). The consumer hands over only events not projected before, and falls back
 * to one transaction per event when the batch fails, so a poisonous event is retried alone.
 */
export const projectBatch: BatchEventHandler = async (tx, events) => {
  // One round trip for the batch's statements, run in delivery order as awaiting each would. If one
  // fails, the transaction is aborted and the consumer retries the batch's events one by one.
  await sendInOrder(events.flatMap((event) => projectionOf(tx, event)));
};

/**
 * Payload cases the projection reads; `project` does nothing with the others, and the consumer
 * does not receive them (projectionSource). A case added to `project` must be added here.
 */
export const projectedCases = [
  "itemRouted",
  "itemAccepted",
  "supplementRequested",
  "itemDeemedAccepted",
  "verificationWarned",
  "verificationOverdue",
  "itemTransitioned",
  "itemWarned",
  "itemOverdue",
  "itemDecided",
  "caseCompleted",
  "caseReopened",
  "enterpriseBarred",
  "itemEscalated",
  "escalationResolved",
  "planAccepted",
  "planApproved",
  "stewardAssigned",
  "projectRegistered",
  "projectUpdated",
  "complaintReceived",
  "complaintAnswered",
  "complaintEscalated",
  "hotlineTicketLinked",
  "hotlineTicketUpdated",
] as const;

