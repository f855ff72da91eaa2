/**
 * Statutory clocks over the holiday schedule.
 *
 * Counting convention (行政许可法 §82 counts licensing limits in working days, excluding statutory
 * holidays; 民法典 §201: a period counted in days starts on the day AFTER the event, the day
 * itself is not counted):
 *
 * - The start date (e.g. the day an application is accepted, 受理) is day 0 and never counts.
 * - A limit of n working days ends at the end of the n-th working day after the start date;
 *   `addWorkingDays(start, n)` returns that civil date. n = 0 returns the start date.
 * - A limit of n calendar days ends on the n-th day after the start date; when that last day is
 *   not a working day the period ends on the first working day after it (民法典 §203 / 民事诉讼法
 *   §85: 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期). "Not a working
 *   day" follows the schedule, weekends included and make-up working days (调休) excluded, as the
 *   courts read 法定休假日 (a Sunday on which people actually work does not extend the period).
 * - Pauses are inclusive ranges of civil dates during which days do not count: waiting on the
 *   applicant's corrections (补正) and the periods the law excludes (expert review, hearings,
 *   inspection, testing, quarantine…: 行政许可法 §45). A pause that is still running is passed
 *   with `to` set to the current date; the deadline then moves on as the pause lasts.
 * - In a year whose schedule is not published, weekends are the only days off and the result is
 *   `provisional`: it must be shown as such and recomputed when the year is published.
 */
import { assertCivilDate, fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf, type CivilDate } from "./civil-date.js";
import type { HolidaySchedule } from "./schedule.js";

/** An inclusive range of civil dates during which the clock stands still. */
export interface Pause {
  from: CivilDate;
  to: CivilDate;
}

/** A deadline: the last civil day of a limit, and whether it is only provisional. */
export interface Deadline {
  date: CivilDate;
  /** True when a day the result depends on lies in a year whose schedule is not published. */
  provisional: boolean;
}

export type LimitUnit = "working_days" | "calendar_days";

/** A time limit as the catalogue states it: n 工作日 or n 日. */
export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

/** No deadline is computed further than this from its start (guards against runaway input). */
const MAX_SPAN_DAYS = 366 * 100;

/** True when `date` is a working day: a make-up working day, or a weekday that is not a holiday. */
export function isWorkingDay(date: CivilDate, schedule: HolidaySchedule): boolean {
  assertCivilDate(date);
  return workingOn(date, toDayNumber(date), schedule);
}

function workingOn(date: CivilDate, dayNumber: number, schedule: HolidaySchedule): boolean {
  if (schedule.workdays.has(date)) return true;
  if (schedule.holidays.has(date)) return false;
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** The schedule's dates as day numbers, so the loops below never format a date per day. */
interface DayIndex {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

/** One index per schedule value, built on first use and dropped with the schedule. */
const indexes = new WeakMap<HolidaySchedule, DayIndex>();

function dayIndex(schedule: HolidaySchedule): DayIndex {
  let index = indexes.get(schedule);
  if (!index) {
    index = {
      holidays: new Set([...schedule.holidays].map(toDayNumber)),
      workdays: new Set([...schedule.workdays].map(toDayNumber)),
    };
    indexes.set(schedule, index);
  }
  return index;
}

function workingOnDay(dayNumber: number, index: DayIndex): boolean {
  if (index.workdays.has(dayNumber)) return true;
  if (index.holidays.has(dayNumber)) return false;
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** Sorted, merged pause intervals as day numbers. */
type Intervals = ReadonlyArray<readonly [number, number]>;

function normalisePauses(pauses: readonly Pause[]): Intervals {
  const intervals: Array<[number, number]> = [];
  for (const pause of pauses) {
    assertCivilDate(pause.from, "pause start");
    assertCivilDate(pause.to, "pause end");
    if (pause.to < pause.from) throw new RangeError(`pause ends (${pause.to}) before it starts (${pause.from})`);
    intervals.push([toDayNumber(pause.from), toDayNumber(pause.to)]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1] + 1) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}

/** Walks days forward through sorted pause intervals; `paused` must be asked in increasing order. */
function pauseCursor(intervals: Intervals): (dayNumber: number) => boolean {
  let index = 0;
  return (dayNumber) => {
    while (index < intervals.length && intervals[index]![1] < dayNumber) index++;
    const current = intervals[index];
    return current !== undefined && current[0] <= dayNumber;
  };
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** True when any day in (from, to] lies in a year whose schedule is not published. */
export function isProvisionalBetween(from: CivilDate, to: CivilDate, schedule: HolidaySchedule): boolean {
  assertCivilDate(from);
  assertCivilDate(to);
  if (to <= from) return false;
  const first = yearOf(fromDayNumber(toDayNumber(from) + 1));
  const last = yearOf(to);
  for (let year = first; year <= last; year++) if (!schedule.publishedYears.has(year)) return true;
  return false;
}

/**
 * The end of the n-th working day after `start` (day 0), paused days not counted.
 * Throws a RangeError for a malformed date or pause, or a negative or fractional n.
 */
export function addWorkingDays(start: CivilDate, n: number, schedule: HolidaySchedule, pauses: readonly Pause[] = []): Deadline {
  assertCivilDate(start, "start");
  assertCount(n, "working days");
  const paused = pauseCursor(normalisePauses(pauses));
  const index = dayIndex(schedule);
  const first = toDayNumber(start);
  let day = first;
  for (let counted = 0; counted < n; ) {
    day++;
    if (day - first > MAX_SPAN_DAYS) throw new RangeError(`no deadline within ${MAX_SPAN_DAYS} days of ${start}`);
    if (paused(day)) continue;
    if (workingOnDay(day, index)) counted++;
  }
  const date = fromDayNumber(day);
  return { date, provisional: isProvisionalBetween(start, date, schedule) };
}

/**
 * The last day of a limit of n calendar days after `start` (day 0), paused days not counted,
 * moved to the first working (unpaused) day when it falls on a day off.
 */
export function addCalendarDays(start: CivilDate, n: number, schedule: HolidaySchedule, pauses: readonly Pause[] = []): Deadline {
  assertCivilDate(start, "start");
  assertCount(n, "calendar days");
  if (n === 0) return { date: start, provisional: false };
  const paused = pauseCursor(normalisePauses(pauses));
  const first = toDayNumber(start);
  let day = first;
  for (let counted = 0; counted < n; ) {
    day++;
    if (day - first > MAX_SPAN_DAYS) throw new RangeError(`no deadline within ${MAX_SPAN_DAYS} days of ${start}`);
    if (!paused(day)) counted++;
  }
  const lastCounted = day;
  const index = dayIndex(schedule);
  while (!workingOnDay(day, index) || paused(day)) {
    day++;
    if (day - first > MAX_SPAN_DAYS) throw new RangeError(`no deadline within ${MAX_SPAN_DAYS} days of ${start}`);
  }
  const date = fromDayNumber(day);
  // Counting calendar days needs no schedule; only the roll-over from the nominal last day does.
  return { date, provisional: isProvisionalBetween(fromDayNumber(lastCounted - 1), date, schedule) };
}

/**
 * Working days elapsed on a clock started on `from` (day 0) as of the end of `to`: the working,
 * unpaused days in (from, to]. Zero when `to` is not after `from`.
 */
export function workingDaysBetween(from: CivilDate, to: CivilDate, schedule: HolidaySchedule, pauses: readonly Pause[] = []): number {
  assertCivilDate(from, "from");
  assertCivilDate(to, "to");
  const paused = pauseCursor(normalisePauses(pauses));
  const index = dayIndex(schedule);
  const last = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= last; day++) {
    if (!paused(day) && workingOnDay(day, index)) count++;
  }
  return count;
}

/** The deadline of `limit` on a clock started on `startedOn`. */
export function deadlineFor(limit: TimeLimit, startedOn: CivilDate, schedule: HolidaySchedule, pauses: readonly Pause[] = []): Deadline {
  switch (limit.unit) {
    case "working_days":
      return addWorkingDays(startedOn, limit.value, schedule, pauses);
    case "calendar_days":
      return addCalendarDays(startedOn, limit.value, schedule, pauses);
    default:
      throw new RangeError(`unknown limit unit ${String((limit as { unit: unknown }).unit)}`);
  }
}

/** A deadline as stored, with what is needed to compute it again. */
export interface ClockedDeadline<K> {
  key: K;
  limit: TimeLimit;
  startedOn: CivilDate;
  pauses?: readonly Pause[];
  current: Deadline;
}

export interface DeadlineChange<K> {
  key: K;
  before: Deadline;
  after: Deadline;
}

/**
 * Recomputes the provisional deadlines among `deadlines` under `schedule` (typically right after
 * a year was published) and returns those whose date or provisional flag changed: each is a
 * deadline to store and announce. Final deadlines are left alone.
 */
export function recomputeProvisional<K>(deadlines: Iterable<ClockedDeadline<K>>, schedule: HolidaySchedule): DeadlineChange<K>[] {
  const changes: DeadlineChange<K>[] = [];
  for (const deadline of deadlines) {
    if (!deadline.current.provisional) continue;
    const after = deadlineFor(deadline.limit, deadline.startedOn, schedule, deadline.pauses ?? []);
    if (after.date !== deadline.current.date || after.provisional !== deadline.current.provisional) {
      changes.push({ key: deadline.key, before: deadline.current, after });
    }
  }
  return changes;
}
