import { randomUUID } from "node:crypto";
import { civilDateOf, workingDaysBetween } from "@steward/calendar";
import { transaction } from "@steward/platform/db";
import type { EventEnvelope } from "@steward/platform/events";
import type { TransactionSql } from "postgres";
import { advanceReminder, claimDueReminders, closeReminders, openReminders, type ReminderRecord } from "../db/reminders.js";
import { localInstant } from "../domain/delivery.js";
import type { Trigger } from "../domain/notices.js";
import { nextReminder, reminderDays, type ScheduledPoint } from "../domain/reminders.js";
import type { ReminderKind } from "../domain/rules.js";
import { ownTriggers } from "../events/triggers.js";
import type { NotificationDeps } from "./deps.js";
import { notify } from "./notify.js";

type Close = { kind: ReminderKind; subjectId: string };

/** Item actions after which no reminder of the item's clocks makes sense any more. */
const ending = new Set(["suspend", "return_late", "cancel", "reassign", "revoke"]);
/** Actions that stop the item's clock (补正, a pause): its blue reminder is dropped; routing's lights still come. */
const pausing = new Set(["request_supplement", "return", "pause_clock"]);
/** Actions that supply 容缺 materials. */
const supplying = new Set(["supplement_received", "record_supplement"]);

function pointsOf(deps: NotificationDeps, record: Pick<ReminderRecord, "kind" | "startedOn" | "dueOn">): ScheduledPoint[] {
  return reminderDays({ startedOn: record.startedOn, dueOn: record.dueOn }, deps.rules.file.reminders.tracks[record.kind] ?? [], deps.schedule());
}

/** The instant a point fires: its day at the configured time, or now when that is past. */
function firesAt(deps: NotificationDeps, point: ScheduledPoint, now: Date): Date {
  const at = localInstant(point.on, deps.rules.file.schedule.remindAt);
  return at < now ? now : at;
}

/**
 * Starts, restarts and stops the clocks reminders are sent for, from routing's events: a 容缺
 * acceptance starts the supplement clock and the item's committed clock; a consultation its
 * answer clock; a supply, a decision, a pause, a light or a cancellation stops them.
 */
export async function trackClocks(tx: TransactionSql, deps: NotificationDeps, events: readonly EventEnvelope[]): Promise<void> {
  const now = deps.now();
  const today = civilDateOf(now);
  const opening: ReminderRecord[] = [];
  const closing: Close[] = [];
  const open = (record: Omit<ReminderRecord, "id" | "nextPoint" | "nextAt">) => {
    const next = nextReminder(pointsOf(deps, record), 0, today);
    if (!next) return;
    opening.push({ ...record, id: randomUUID(), nextPoint: next.index, nextAt: firesAt(deps, next, now) });
  };
  for (const event of events) {
    const payload = event.payload;
    if (!payload) continue;
    const startedOn = civilDateOf(event.occurredAt ?? now);
    switch (payload.$case) {
      case "itemAccepted": {
        const a = payload.value;
        const base = { subjectId: a.itemId, caseId: a.caseId, itemId: a.itemId, itemCode: a.itemCode, departmentCode: a.departmentCode, consultedDepartment: "", startedOn };
        if (a.supplementDueOn) open({ ...base, kind: "supplement", dueOn: a.supplementDueOn, dueProvisional: a.supplementDueProvisional });
        if (a.mode !== "commitment" && a.committedDueOn) open({ ...base, kind: "item", dueOn: a.committedDueOn, dueProvisional: a.deadlineProvisional });
        break;
      }
      case "itemTransitioned": {
        const { action, itemId } = payload.value;
        if (ending.has(action)) closing.push({ kind: "supplement", subjectId: itemId }, { kind: "item", subjectId: itemId });
        if (pausing.has(action)) closing.push({ kind: "item", subjectId: itemId });
        if (supplying.has(action)) closing.push({ kind: "supplement", subjectId: itemId });
        break;
      }
      case "supplementRequested":
      case "itemWarned":
      case "itemOverdue":
        closing.push({ kind: "item", subjectId: payload.value.itemId });
        break;
      case "itemDecided":
        closing.push({ kind: "supplement", subjectId: payload.value.itemId }, { kind: "item", subjectId: payload.value.itemId });
        break;
      case "consultationRequested": {
        const c = payload.value;
        if (c.dueOn) {
          open({ kind: "consultation", subjectId: c.consultationId, caseId: c.caseId, itemId: c.itemId, itemCode: c.itemCode, departmentCode: c.departmentCode, consultedDepartment: c.consultedDepartment, startedOn, dueOn: c.dueOn, dueProvisional: false });
        }
        break;
      }
      case "consultationAnswered":
        closing.push({ kind: "consultation", subjectId: payload.value.consultationId });
        break;
      default:
        break;
    }
  }
  // A clock stopped in the same batch as it started stays stopped: closing runs last.
  await openReminders(tx, deps.region, opening);
  await closeReminders(tx, deps.region, closing, now);
}

/**
 * One round of reminders: the clocks whose next point is due, claimed with SKIP LOCKED in one
 * transaction with the notices they ask for and their next point. A point's notices are keyed by
 * the clock, the point and the due date, so a clock restarted on a new date reminds afresh.
 * Returns how many reminders fired.
 */
export async function reminderRound(deps: NotificationDeps, batch = 200): Promise<number> {
  return transaction(deps.sql, async (tx) => {
    const now = deps.now();
    const today = civilDateOf(now);
    const due = await claimDueReminders(tx, deps.region, now, batch);
    const triggers: Trigger[] = [];
    for (const record of due) {
      const points = pointsOf(deps, record);
      const point = points[record.nextPoint];
      // Points whose day has not come (the schedule changed since) wait; a passed one fires now.
      if (point && point.on <= today) {
        triggers.push({
          type: ownTriggers.reminder.type,
          sourceId: `reminder:${record.id}:${point.index}:${record.dueOn}`,
          occurredAt: now,
          subjectId: record.subjectId,
          fields: {
            kind: record.kind,
            level: point.level,
            dueOn: record.dueOn,
            dueProvisional: record.dueProvisional,
            workingDaysLeft: workingDaysBetween(today, record.dueOn, deps.schedule()),
            caseId: record.caseId,
            itemId: record.itemId,
            itemCode: record.itemCode,
            departmentCode: record.departmentCode,
            consultedDepartment: record.consultedDepartment,
            consultationId: record.kind === "consultation" ? record.subjectId : "",
          },
        });
      }
      const next = point && point.on > today ? point : nextReminder(points, record.nextPoint + 1, today);
      await advanceReminder(tx, record.id, next ? { point: next.index, at: firesAt(deps, next, now) } : undefined, now);
    }
    await notify(tx, deps, triggers);
    return triggers.length;
  });
}
