import { addDays, addWorkingDays, isWorkingDay, workingDaysBetween, type CivilDate, type HolidaySchedule } from "@steward/calendar";
import type { ReminderPoint } from "./rules.js";

/**
 * Escalating reminders (督办提醒): notices at configured points of a clock before it runs out —
 * blue, then orange — on working days of the published calendar. The red notice is the clock
 * running out itself, which routing announces (its red light, a late 容缺 supplement suspended, a
 * consultation deemed agreed) and the rules turn into the red reminder.
 */
export interface ReminderClock {
  /** The day the clock started (day 0). */
  startedOn: CivilDate;
  /** The last day of the clock. */
  dueOn: CivilDate;
}

export interface ScheduledPoint {
  index: number;
  level: ReminderPoint["level"];
  on: CivilDate;
}

/** The n-th working day before `date` (n = 0: the date itself). */
export function workingDaysBefore(date: CivilDate, n: number, schedule: HolidaySchedule): CivilDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, schedule)) counted++;
  }
  return day;
}

/** The days the points of a clock fall on, in the configured order (never after the due day). */
export function reminderDays(clock: ReminderClock, points: readonly ReminderPoint[], schedule: HolidaySchedule): ScheduledPoint[] {
  const total = workingDaysBetween(clock.startedOn, clock.dueOn, schedule);
  return points.map((point, index) => {
    const on =
      "workingDaysBefore" in point
        ? workingDaysBefore(clock.dueOn, point.workingDaysBefore, schedule)
        : addWorkingDays(clock.startedOn, Math.ceil(total * point.shareElapsed), schedule).date;
    return { index, level: point.level, on: on > clock.dueOn ? clock.dueOn : on };
  });
}

/**
 * The next point still to fire from `fromIndex` on: points whose day has passed are skipped (a
 * clock learned late does not send stale reminders), a point due today fires now.
 */
export function nextReminder(points: readonly ScheduledPoint[], fromIndex: number, today: CivilDate): ScheduledPoint | undefined {
  return points.find((point) => point.index >= fromIndex && point.on >= today);
}
