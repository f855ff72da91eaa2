import {
  addDays,
  addWorkingDays,
  deadlineFor,
  isWorkingDay,
  workingDaysBetween,
  type Deadline,
  type HolidaySchedule,
  type Pause,
} from "@steward/calendar";
import type { CaseItem } from "./case-item.js";

/** Rules of the clock that a region may tune. */
export interface ClockSettings {
  /** The yellow light comes this many working days before the committed deadline (default 1). */
  warnWorkingDaysBefore: number;
  /** 容缺: a suspended item is returned after this many working days (default 15). */
  returnAfterWorkingDays: number;
  /** Consulted departments answer within this many working days or are deemed to agree (default 7). */
  consultationWorkingDays: number;
}

export const defaultClockSettings: ClockSettings = { warnWorkingDaysBefore: 1, returnAfterWorkingDays: 15, consultationWorkingDays: 7 };

/** The item's pauses as the calendar counts them; an open pause runs through `today`. */
export function clockPauses(item: Pick<CaseItem, "pauses">, today: string): Pause[] {
  return item.pauses
    .map((pause) => ({ from: pause.from, to: pause.to ?? today }))
    .filter((pause) => pause.from <= pause.to);
}

/** The civil date `n` working days before `date` (the date itself not counted). */
export function workingDaysBefore(date: string, n: number, schedule: HolidaySchedule): string {
  let day = date;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, -1);
    if (isWorkingDay(day, schedule)) counted++;
  }
  return day;
}

export interface ItemDeadlines {
  statutoryDue: Deadline;
  committedDue: Deadline;
  warnOn: string;
}

/**
 * The statutory and committed deadlines of an accepted item, counted from its acceptance with its
 * pauses left out; the committed one moves by any extension the joint meeting granted.
 */
export function itemDeadlines(item: CaseItem, schedule: HolidaySchedule, settings: ClockSettings, today: string): ItemDeadlines | undefined {
  if (!item.acceptedOn) return undefined;
  const pauses = clockPauses(item, today);
  const statutoryDue = deadlineFor(item.statutoryLimit, item.acceptedOn, schedule, pauses);
  const base = deadlineFor(item.committedLimit, item.acceptedOn, schedule, pauses);
  const extended = item.extensionWorkingDays > 0 ? addWorkingDays(base.date, item.extensionWorkingDays, schedule, pauses) : base;
  const committedDue = { date: extended.date, provisional: base.provisional || extended.provisional };
  const warnOn = workingDaysBefore(committedDue.date, settings.warnWorkingDaysBefore, schedule);
  return { statutoryDue, committedDue, warnOn: warnOn < item.acceptedOn ? item.acceptedOn : warnOn };
}

/** Working days the item has been with its department, pauses excluded; never negative. */
export function elapsedWorkingDays(item: CaseItem, schedule: HolidaySchedule, today: string): number {
  if (!item.acceptedOn) return 0;
  return Math.max(0, workingDaysBetween(item.acceptedOn, today, schedule, clockPauses(item, today)));
}
