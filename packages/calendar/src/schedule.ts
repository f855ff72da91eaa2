/**
 * The holiday schedule: which civil dates in Asia/Shanghai are official days off and which weekend
 * days are make-up working days (调休), for every year whose State Council holiday notice
 * (国务院办公厅关于某年部分节假日安排的通知) is known.
 *
 * It is assembled from two sources: the official data shipped by the `chinese-days` package (see
 * official.ts) and the override rows an administrator enters when a new notice is published (or
 * a published one is amended). Overrides win. A year is *published* when the package covers it
 * or an administrator has marked it published; in any other year the schedule knows nothing and
 * the clock falls back to weekends only, with every deadline that depends on such a year marked
 * provisional (see working-days.ts).
 *
 * The value is a handful of string Sets, cheap to query on the hot path and to rebuild whenever
 * the overrides change.
 */
export {
  CALENDAR_TIME_ZONE,
  civilDateOf,
  endOfCivilDate,
  isCivilDate,
  startOfCivilDate,
  type CivilDate,
} from "./civil-date.js";
import { assertCivilDate, isCivilDate, yearOf, type CivilDate } from "./civil-date.js";

/** "holiday": an official day off (also on a weekday); "workday": a make-up working day (调休). */
export type OverrideKind = "holiday" | "workday";

/** One administrator-entered date of a published schedule. */
export interface CalendarOverride {
  date: CivilDate;
  kind: OverrideKind;
  /** Where it comes from, e.g. "国办发明电〔2026〕N号". */
  source: string;
  note?: string | null;
}

/** An administrator's statement that a year's schedule is complete and official. */
export interface YearPublication {
  year: number;
  source: string;
  publishedAt?: Date | null;
}

/** Official days off and make-up working days for the years a data source covers. */
export interface OfficialCalendar {
  holidays: ReadonlySet<CivilDate>;
  workdays: ReadonlySet<CivilDate>;
  years: ReadonlySet<number>;
  /** Provenance, e.g. "chinese-days@1.5.7". */
  source: string;
}

export interface HolidaySchedule {
  /** Official days off in published years, including those that fall on a weekday. */
  readonly holidays: ReadonlySet<CivilDate>;
  /** Make-up working days (调休): weekend days that are working days, in published years. */
  readonly workdays: ReadonlySet<CivilDate>;
  /** Years whose official schedule is known; dates in other years are computed on weekends only. */
  readonly publishedYears: ReadonlySet<number>;
}

/** A schedule that knows no year at all: weekends only, everything provisional. */
export const EMPTY_SCHEDULE: HolidaySchedule = Object.freeze({
  holidays: new Set<CivilDate>(),
  workdays: new Set<CivilDate>(),
  publishedYears: new Set<number>(),
});

/**
 * Merges official data with administrator overrides and year publications.
 *
 * - An override wins over the official data for its date.
 * - A year is published when `official` covers it or a publication names it.
 * - Overrides for a date whose year is not published are staged: they take effect only once the
 *   year is published, so an unpublished year is always computed on weekends only, never on a
 *   half-entered schedule.
 *
 * Throws a RangeError on a malformed date or a date given two different kinds.
 */
export function buildHolidaySchedule(input: {
  official?: OfficialCalendar;
  overrides?: readonly CalendarOverride[];
  publications?: readonly YearPublication[];
}): HolidaySchedule {
  const publishedYears = new Set<number>(input.official?.years ?? []);
  for (const publication of input.publications ?? []) {
    assertYear(publication.year);
    publishedYears.add(publication.year);
  }
  const holidays = new Set<CivilDate>(input.official?.holidays ?? []);
  const workdays = new Set<CivilDate>(input.official?.workdays ?? []);
  const seen = new Map<CivilDate, OverrideKind>();
  for (const override of input.overrides ?? []) {
    assertCivilDate(override.date, "override date");
    if (override.kind !== "holiday" && override.kind !== "workday") throw new RangeError(`override ${override.date}: unknown kind ${String(override.kind)}`);
    const earlier = seen.get(override.date);
    if (earlier && earlier !== override.kind) throw new RangeError(`override ${override.date}: both a holiday and a workday`);
    seen.set(override.date, override.kind);
    if (!publishedYears.has(yearOf(override.date))) continue; // staged until the year is published
    if (override.kind === "holiday") {
      holidays.add(override.date);
      workdays.delete(override.date);
    } else {
      workdays.add(override.date);
      holidays.delete(override.date);
    }
  }
  return Object.freeze({ holidays, workdays, publishedYears });
}

/** The same schedule as if `years` had never been published (their dates are dropped too). */
export function withoutYears(schedule: HolidaySchedule, years: Iterable<number>): HolidaySchedule {
  const removed = new Set(years);
  const keep = (date: CivilDate) => !removed.has(yearOf(date));
  return Object.freeze({
    holidays: new Set([...schedule.holidays].filter(keep)),
    workdays: new Set([...schedule.workdays].filter(keep)),
    publishedYears: new Set([...schedule.publishedYears].filter((year) => !removed.has(year))),
  });
}

/** True when the official schedule of `date`'s year is known. */
export function isPublishedDate(date: CivilDate, schedule: HolidaySchedule): boolean {
  return schedule.publishedYears.has(yearOf(date));
}

/** Years in which the schedule `after` is published and `before` is not, ascending. */
export function newlyPublishedYears(before: HolidaySchedule, after: HolidaySchedule): number[] {
  return [...after.publishedYears].filter((year) => !before.publishedYears.has(year)).sort((a, b) => a - b);
}

/** One date of a year's schedule as an administrator enters it. */
export interface ScheduleEntry {
  date: CivilDate;
  kind: OverrideKind;
  note?: string | null;
}

/**
 * Problems with a year's schedule as entered by an administrator, empty when it can be published.
 * Dates must lie in `year`, or in December of the year before (a notice sometimes moves a working
 * day into the previous December, as the 2019 notice did with 2018-12-29).
 */
export function checkYearSchedule(year: number, entries: readonly ScheduleEntry[]): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return [`year ${year}: not a year`];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (typeof entry.date !== "string" || !isCivilDate(entry.date)) {
      problems.push(`${JSON.stringify(entry.date)}: not a date "YYYY-MM-DD"`);
      continue;
    }
    if (entry.kind !== "holiday" && entry.kind !== "workday") problems.push(`${entry.date}: kind must be "holiday" or "workday"`);
    const inYear = yearOf(entry.date) === year || entry.date.startsWith(`${year - 1}-12-`);
    if (!inYear) problems.push(`${entry.date}: outside ${year}`);
    if (seen.has(entry.date)) problems.push(`${entry.date}: listed twice`);
    seen.add(entry.date);
  }
  return problems;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`not a year: ${year}`);
}
