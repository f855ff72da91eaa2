import { randomUUID } from "node:crypto";
import { addWorkingDays, civilDateOf } from "@steward/calendar";
import { transaction, transactionResult } from "@steward/platform/db";
import { notFound, ok, fail, type Result } from "@steward/platform/errors";
import { recordEvents, type EventEnvelope } from "@steward/platform/events";
import type { TransactionSql } from "postgres";
import type { Teams } from "../db/directory.js";
import {
  claimOverdueRectifications,
  claimReinvitations,
  createInvitation,
  findInvitationByToken,
  findRectification,
  insertRectification,
  markReinvited,
  recordReview,
  saveRectification,
} from "../db/follow-ups.js";
import type { Trigger } from "../domain/notices.js";
import type { Caller } from "../domain/recipients.js";
import {
  callBack,
  checkReview,
  hashReviewToken,
  isBad,
  newReviewToken,
  rectificationDeadline,
  rectify,
  type Invitation,
  type Rectification,
  type ReviewInput,
} from "../domain/reviews.js";
import {
  rectificationCalledBack,
  rectificationOpened,
  rectificationOverdue,
  rectificationRectified,
  reviewInvited,
  reviewRecorded,
} from "../events/notification-events.js";
import { ownTriggers, triggerOf } from "../events/triggers.js";
import type { NotificationDeps } from "./deps.js";
import { notify, teamOf } from "./notify.js";

const dayMs = 86_400_000;

/** Records our own events and tells whom the rules name about them, in one go. */
async function publishAndNotify(tx: TransactionSql, deps: NotificationDeps, events: EventEnvelope[], extra: Trigger[] = []): Promise<void> {
  await recordEvents(tx, events);
  await notify(tx, deps, [...events.map(triggerOf), ...extra]);
}

function inviteTrigger(deps: NotificationDeps, invitation: Invitation, token: string, now: Date): Trigger {
  return {
    type: ownTriggers.reviewInvite.type,
    sourceId: `review:${invitation.id}:${invitation.round}`,
    occurredAt: now,
    subjectId: invitation.subjectId,
    fields: {
      invitationId: invitation.id,
      subjectKind: invitation.subjectKind,
      subjectId: invitation.subjectId,
      caseId: invitation.caseId,
      projectId: invitation.projectId,
      itemCode: invitation.itemCode,
      departmentCode: invitation.departmentCode,
      reviewLink: `${deps.reviewLinkBase}/v1/reviews/${token}`,
      expiresOn: civilDateOf(invitation.expiresAt),
      round: invitation.round,
    },
  };
}

/**
 * After an item is decided or a case completes (the events the rules name), the enterprise is
 * invited to rate it by a tokenized link, once per item or case; the invitation and its notices
 * commit with the event that caused them.
 */
export async function inviteReviews(tx: TransactionSql, deps: NotificationDeps, events: readonly EventEnvelope[], teams: Teams): Promise<void> {
  const inviteOn = new Set(deps.rules.file.followUps.inviteOn);
  const now = deps.now();
  const { reinviteAfterDays, invitationValidDays } = deps.rules.file.followUps;
  const published: EventEnvelope[] = [];
  const triggers: Trigger[] = [];
  for (const event of events) {
    if (!inviteOn.has(event.type)) continue;
    const trigger = triggerOf(event);
    const team = teamOf(trigger, teams);
    const fields = trigger.fields as Record<string, string>;
    const isCase = event.payload?.$case === "caseCompleted";
    if (!team.creditCode || !team.projectId) continue; // no enterprise known to ask
    const invitation: Invitation = {
      id: randomUUID(),
      subjectKind: isCase ? "case" : "item",
      subjectId: isCase ? fields.caseId! : fields.itemId!,
      caseId: fields.caseId ?? "",
      projectId: team.projectId,
      projectName: team.projectName ?? fields.projectName ?? "",
      itemCode: isCase ? "" : (fields.itemCode ?? ""),
      departmentCode: isCase ? "" : (fields.departmentCode ?? ""),
      creditCode: team.creditCode,
      round: 1,
      expiresAt: new Date(now.getTime() + invitationValidDays * dayMs),
      reviewedAt: undefined,
    };
    const { token, hash } = newReviewToken();
    if (!(await createInvitation(tx, deps.region, invitation, hash, now, new Date(now.getTime() + reinviteAfterDays * dayMs)))) continue;
    published.push(reviewInvited(deps.region, invitation));
    triggers.push(inviteTrigger(deps, invitation, token, now));
  }
  if (published.length > 0) await publishAndNotify(tx, deps, published, triggers);
}

/** One round of second invitations: those not rated within the configured days get one reminder, with a link of its own. */
export async function reinvitationRound(deps: NotificationDeps, batch = 100): Promise<number> {
  return transaction(deps.sql, async (tx) => {
    const now = deps.now();
    const due = await claimReinvitations(tx, deps.region, now, batch);
    const triggers: Trigger[] = [];
    const events: EventEnvelope[] = [];
    for (const invitation of due) {
      const { token, hash } = newReviewToken();
      await markReinvited(tx, invitation.id, hash);
      const second = { ...invitation, round: 2 };
      events.push(reviewInvited(deps.region, second));
      triggers.push(inviteTrigger(deps, second, token, now));
    }
    if (events.length > 0) await publishAndNotify(tx, deps, events, triggers);
    return due.length;
  });
}

/** What the rating page shows. NOT_FOUND for a token that is not one of ours. */
export async function invitationOf(deps: NotificationDeps, token: string): Promise<Result<Invitation>> {
  const invitation = await findInvitationByToken(deps.sql, deps.region, hashReviewToken(token));
  return invitation ? ok(invitation) : fail(notFound("rating link"));
}

/**
 * The enterprise rates through its link: the review is recorded once (the link is spent), and a
 * bad one (1 or 2) opens a rectification for the responsible unit with its deadline in working
 * days; the events for assessment and the notices go with it.
 */
export async function submitReview(deps: NotificationDeps, token: string, input: ReviewInput): Promise<Result<{ reviewId: string; rectification: Rectification | undefined }>> {
  return transactionResult(deps.sql, async (tx) => {
    const invitation = await findInvitationByToken(tx, deps.region, hashReviewToken(token), true);
    if (!invitation) return fail(notFound("rating link"));
    const now = deps.now();
    const checked = checkReview(invitation, input, now);
    if (!checked.ok) return checked;
    const review = { id: randomUUID(), invitationId: invitation.id, rating: checked.value.rating, comment: checked.value.comment, reviewedAt: now };
    await recordReview(tx, deps.region, review);
    const events = [reviewRecorded(deps.region, invitation, review)];
    let rectification: Rectification | undefined;
    if (isBad(review.rating)) {
      const { workingDays, due } = rectificationDeadline(review.rating, civilDateOf(now), deps.schedule(), deps.rules.file.followUps);
      rectification = {
        id: randomUUID(),
        reviewId: review.id,
        projectId: invitation.projectId,
        projectName: invitation.projectName,
        departmentCode: invitation.departmentCode || "service_centre",
        itemCode: invitation.itemCode,
        rating: review.rating,
        status: "open",
        workingDays,
        dueOn: due.date,
        dueProvisional: due.provisional,
        overdueAt: undefined,
        summary: "",
        rectifiedAt: undefined,
        callBackNote: "",
        callBacks: 0,
        closedAt: undefined,
        openedAt: now,
      };
      await insertRectification(tx, deps.region, rectification);
      events.push(rectificationOpened(deps.region, rectification));
    }
    await publishAndNotify(tx, deps, events);
    return ok({ reviewId: review.id, rectification });
  });
}

/** Who may report a rectification done: its department (system or liaison) and the region's admins. */
function mayRectify(caller: Caller, rectification: Rectification): boolean {
  if (caller.role === "admin") return true;
  return (caller.role === "department" || caller.role === "liaison") && caller.department === rectification.departmentCode;
}

export async function recordRectified(deps: NotificationDeps, id: string, summary: string, caller: Caller): Promise<Result<Rectification>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findRectification(tx, deps.region, id, true);
    // Another department's rectification is as invisible as one that does not exist.
    if (!current || !mayRectify(caller, current)) return fail(notFound(`rectification ${id}`));
    const now = deps.now();
    const done = rectify(current, summary, now);
    if (!done.ok) return done;
    await saveRectification(tx, deps.region, done.value);
    await publishAndNotify(tx, deps, [rectificationRectified(deps.region, done.value, caller.subject, civilDateOf(now))]);
    return done;
  });
}

/** The service centre's call-back: stewards and admins make it (the access table admits only them). */
export async function recordCallBack(deps: NotificationDeps, id: string, input: { satisfied: boolean; note: string }, caller: Caller): Promise<Result<Rectification>> {
  return transactionResult(deps.sql, async (tx) => {
    const current = await findRectification(tx, deps.region, id, true);
    if (!current) return fail(notFound(`rectification ${id}`));
    const now = deps.now();
    const called = callBack(current, input, now, () => addWorkingDays(civilDateOf(now), current.workingDays, deps.schedule()));
    if (!called.ok) return called;
    await saveRectification(tx, deps.region, called.value);
    await publishAndNotify(tx, deps, [rectificationCalledBack(deps.region, called.value, caller.subject, input.satisfied)]);
    return called;
  });
}

/** One round: open rectifications past their deadline are announced overdue, once per deadline. */
export async function rectificationOverdueRound(deps: NotificationDeps, batch = 100): Promise<number> {
  return transaction(deps.sql, async (tx) => {
    const now = deps.now();
    const overdue = await claimOverdueRectifications(tx, deps.region, civilDateOf(now), batch);
    for (const r of overdue) await saveRectification(tx, deps.region, { ...r, overdueAt: now });
    if (overdue.length > 0) await publishAndNotify(tx, deps, overdue.map((r) => rectificationOverdue(deps.region, r)));
    return overdue.length;
  });
}
