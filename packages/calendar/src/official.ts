/**
 * The official holiday schedules shipped by the `chinese-days` package: every State Council
 * holiday notice from 2004 to the latest year the pinned version knows (2026 for 1.5.7). The
 * package's public functions answer one date at a time and do not say which years they cover, so
 * the calendar reads the package's own data file, the source of those functions, and checks its
 * shape once at start-up: a package upgrade that changes it fails loudly instead of silently
 * treating holidays as working days.
 */
import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import meta from "chinese-days/package.json" with { type: "json" };
import { isCivilDate, yearOf, type CivilDate } from "./civil-date.js";
import type { OfficialCalendar } from "./schedule.js";

/** Checks the shape of the package data and turns it into Sets; exported for tests. */
export function officialCalendarFrom(raw: unknown, source: string): OfficialCalendar {
  const holidays = datesOf(raw, "holidays");
  const workdays = datesOf(raw, "workdays");
  if (holidays.size === 0) throw new Error(`${source}: no holidays in the package data`);
  for (const date of workdays) {
    if (holidays.has(date)) throw new Error(`${source}: ${date} is both a holiday and a working day`);
  }
  const years = new Set<number>();
  for (const date of holidays) years.add(yearOf(date));
  return Object.freeze({ holidays, workdays, years, source });
}

function datesOf(raw: unknown, key: "holidays" | "workdays"): Set<CivilDate> {
  const map = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  if (typeof map !== "object" || map === null) throw new Error(`chinese-days data: "${key}" is missing`);
  const dates = new Set<CivilDate>();
  for (const date of Object.keys(map)) {
    if (!isCivilDate(date)) throw new Error(`chinese-days data: "${key}" has a malformed date ${JSON.stringify(date)}`);
    dates.add(date);
  }
  return dates;
}

/** Source label of the package data, e.g. "chinese-days@1.5.7". */
export const OFFICIAL_SOURCE = `chinese-days@${meta.version}`;

/** The package's schedules, built once per process. */
export const officialCalendar: OfficialCalendar = officialCalendarFrom(data, OFFICIAL_SOURCE);
