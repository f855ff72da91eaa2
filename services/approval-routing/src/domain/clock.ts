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

/** Rules of the clock that a region may tune (configuration, see config.ts). */
export interface ClockSettings {
  /**
   * The yellow light comes this many working days before the committed deadline, and before a
   * post-approval verification's due date (default 1: 电子监察 warns one working day before).
   */
  warnWorkingDaysBefore: number;
  /** 容缺: a suspended item is returned after this many working days (default 15, a common local rule). */
  returnAfterWorkingDays: number;
  /** Consulted departments answer within this many working days or are deemed to agree (default 7, 核准 rules). */
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

/**
 * The civil date from which the yellow light of a post-approval verification (审后核查) is due: as
 * for an item's committed deadline, the configured working days before it, never before
 * `notBefore` (the approval).
 */
export function verificationWarnOn(due: Deadline, notBefore: string, schedule: HolidaySchedule, settings: ClockSettings): string {
  const warnOn = workingDaysBefore(due.date, settings.warnWorkingDaysBefore, schedule);
  return warnOn < notBefore ? notBefore : warnOn;
}

/** Working days the item has been with its department, pauses excluded; never negative. */
export function elapsedWorkingDays(item: CaseItem, schedule: HolidaySchedule, today: string): number {
  if (!item.acceptedOn) return 0;
  return Math.max(0, workingDaysBetween(item.acceptedOn, today, schedule, clockPauses(item, today)));
}

/** An item's clocks on the day of its decision, in working days (see DecisionClock in the events). */
export interface DecisionClock {
  acceptedOn: string;
  decidedOn: string;
  committedDueOn: string;
  statutoryWorkingDays: number;
  committedWorkingDays: number;
  unitWorkingDays: number;
  totalWorkingDays: number;
  applicantWorkingDays: number;
  excludedWorkingDays: number;
  mode: string;
  extensionWorkingDays: number;
}

/**
 * What the decision of an accepted item leaves for the statistics: the statutory and committed
 * limits converted to working days on this item's own dates (so a limit in calendar days adds up
 * with the others), the days the department's clock ran, the days the applicant waited in all,
 * and the days the clock stood still, split between the applicant's (补正, 容缺) and the law's.
 */
export function decisionClock(item: CaseItem, schedule: HolidaySchedule, today: string): DecisionClock | undefined {
  if (!item.acceptedOn) return undefined;
  const acceptedOn = item.acceptedOn;
  const pauses = item.pauses.map((pause) => ({ kind: pause.kind, from: pause.from, to: pause.to ?? today })).filter((pause) => pause.from <= pause.to);
  const deadlines = itemDeadlines(item, schedule, defaultClockSettings, today)!;
  const between = (to: string, counted: readonly Pause[]) => Math.max(0, workingDaysBetween(acceptedOn, to, schedule, counted));
  const total = between(today, []);
  const stoodStill = (applicant: boolean) => total - between(today, pauses.filter((pause) => applicantPauses.has(pause.kind) === applicant));
  return {
    acceptedOn,
    decidedOn: today,
    committedDueOn: deadlines.committedDue.date,
    statutoryWorkingDays: between(deadlines.statutoryDue.date, pauses),
    committedWorkingDays: between(deadlines.committedDue.date, pauses),
    unitWorkingDays: between(today, pauses),
    totalWorkingDays: total,
    applicantWorkingDays: stoodStill(true),
    excludedWorkingDays: stoodStill(false),
    mode: item.mode ?? "normal",
    extensionWorkingDays: item.extensionWorkingDays,
  };
}

/** Pauses that wait on the applicant (补正, a 容缺 suspension); the others are periods the law excludes. */
const applicantPauses = new Set(["correction", "suspension"]);
