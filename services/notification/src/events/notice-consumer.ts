import type { TraceCarrier } from "@steward/platform/telemetry";
import type { TransactionSql } from "postgres";
import { decodeEvent, encodeEvent, type BatchEventHandler, type EventEnvelope } from "@steward/platform/events";
import { knownCases, parkEvents, teamsOf, unparkEvents } from "../db/directory.js";
import type { NotificationDeps } from "../commands/deps.js";
import { inviteReviews } from "../commands/follow-ups.js";
import { notify, teamKeys } from "../commands/notify.js";
import { matchChangedProjects } from "../commands/policies.js";
import { trackClocks } from "../commands/reminders.js";
import { applyCaseFacts, applyFacts } from "./facts.js";
import { triggerOf } from "./triggers.js";

/** Event types notification keeps its projection from, besides those its rules and clocks name. */
const factTypes = [
  "intake.project.registered",
  "intake.project.updated",
  "intake.enterprise.updated",
  "agreement.drafted",
  "agreement.steward.assigned",
  "agreement.liaison.assigned",
  "agreement.plan.accepted",
  "agreement.activated",
  "routing.case.completed",
];
/** Routing's events that start and stop reminder clocks. */
const clockTypes = [
  "routing.item.accepted",
  "routing.item.transitioned",
  "routing.item.supplement_requested",
  "routing.item.warned",
  "routing.item.overdue",
  "routing.item.decided",
  "routing.consultation.requested",
  "routing.consultation.answered",
];

/**
 * The one durable consumer of notification: every event type it keeps facts from, watches clocks
 * by, invites reviews after or has rules for — except its own (it plans those as it records
 * them). A fetched batch is handled in one transaction with its inbox rows.
 */
export function noticeConsumer(deps: NotificationDeps): { durable: string; eventTypes: string[] } {
  const types = new Set([...factTypes, ...clockTypes, ...deps.rules.file.followUps.inviteOn, ...deps.rules.byTrigger.keys()]);
  return { durable: "notification-notices", eventTypes: [...types].filter((type) => !type.startsWith("notification.")).sort() };
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Routing's events name a case, not a project: they wait until the case's project is known. */
function caseWaitedFor(event: EventEnvelope): string | undefined {
  if (!event.type.startsWith("routing.")) return undefined;
  const fields = (event.payload?.value ?? {}) as unknown as Record<string, unknown>;
  return text(fields.caseId) && !text(fields.projectId) ? text(fields.caseId) : undefined;
}

/**
 * Handles a batch: the projection first (in order), then the events whose case is known — those
 * whose case is not are parked until it is, and those parked for a case this batch made known
 * join in — have their milestones, clocks, notices, review invitations and policy matches
 * worked out together, in a few statements for the whole batch.
 */
export function handleNoticeEvents(deps: NotificationDeps): BatchEventHandler {
  return async (tx, events, traceOf) => {
    const casesKnown: string[] = [];
    const profileChanges: { projectId: string; trigger: string }[] = [];
    for (const event of events) {
      const facts = await applyFacts(tx, deps.region, event);
      casesKnown.push(...facts.casesKnown);
      profileChanges.push(...facts.profileChanged.map((projectId) => ({ projectId, trigger: event.type })));
    }
    const scoped = events.filter((event) => caseWaitedFor(event) !== undefined);
    const known = await knownCases(tx, deps.region, scoped.map((event) => caseWaitedFor(event)!));
    const waiting = new Set(scoped.filter((event) => !known.has(caseWaitedFor(event)!)));
    await parkEvents(tx, deps.region, [...waiting].map((event) => ({ eventId: event.id, caseId: caseWaitedFor(event)!, payload: encodeEvent(event) })), deps.now());
    const unparked = (await unparkEvents(tx, deps.region, casesKnown)).map(decodeEvent);
    await handleReadyEvents(tx, deps, [...unparked, ...events.filter((event) => !waiting.has(event))], profileChanges, traceOf);
  };
}

/**
 * Everything that follows from events whose project is known. The notices of an event continue
 * its trace (`traceOf`: the consumer span's; by default the one it was recorded in).
 */
export async function handleReadyEvents(
  tx: TransactionSql,
  deps: NotificationDeps,
  ready: readonly EventEnvelope[],
  profileChanges: { projectId: string; trigger: string }[] = [],
  traceOf: (event: EventEnvelope) => TraceCarrier = (event) => event.traceContext,
): Promise<void> {
  if (ready.length === 0 && profileChanges.length === 0) return;
  for (const event of ready) profileChanges.push(...(await applyCaseFacts(tx, deps.region, event)).map((projectId) => ({ projectId, trigger: event.type })));
  await trackClocks(tx, deps, ready);
  const triggers = ready.map(triggerOf);
  const teams = await teamsOf(tx, deps.region, teamKeys(triggers));
  await notify(tx, deps, triggers, teams, new Map(ready.map((event) => [event.id, traceOf(event)])));
  await inviteReviews(tx, deps, ready, teams);
  await matchChangedProjects(tx, deps, profileChanges);
}
