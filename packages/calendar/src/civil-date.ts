/**
 * Civil dates: days of the wall calendar in Asia/Shanghai, written "YYYY-MM-DD".
 *
 * Statutory clocks count calendar days, not instants, so the calendar works on these strings and
 * never on JS `Date` values (whose local-time methods depend on the host's time zone). Arithmetic
 * goes through a day number (days since 1970-01-01) computed in UTC, where every day is 24 hours.
 * Instants are converted at the edge with `civilDateOf` and `startOfCivilDate`.
 */

/** A civil date in Asia/Shanghai, "YYYY-MM-DD". */
export type CivilDate = string;

/** The time zone of every statutory clock: Ankang keeps China Standard Time. */
export const CALENDAR_TIME_ZONE = "Asia/Shanghai";

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** True for a real calendar date written "YYYY-MM-DD" (no 2026-02-30), years 1900–9999. */
export function isCivilDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const dayNumber = Date.UTC(year, Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  return fromDayNumber(dayNumber) === value;
}

/** Throws a RangeError naming `what` unless `value` is a civil date. */
export function assertCivilDate(value: string, what = "date"): void {
  if (typeof value !== "string" || !isCivilDate(value)) throw new RangeError(`${what} must be a civil date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
}

/** Days since 1970-01-01 (negative before). `date` must be a valid civil date. */
export function toDayNumber(date: CivilDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The civil date of a day number. */
export function fromDayNumber(dayNumber: number): CivilDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** True on Saturdays and Sundays. */
export function isWeekend(date: CivilDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** The year of a civil date. */
export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: CALENDAR_TIME_ZONE,
  calendar: "gregory",
  numberingSystem: "latn",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Wall-clock fields of `instant` in Asia/Shanghai. */
function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** The civil date in Asia/Shanghai at `instant` (e.g. 2026-02-12T17:00:00Z is "2026-02-13"). */
export function civilDateOf(instant: Date): CivilDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("civilDateOf: invalid Date");
  const { year, month, day } = wallClock(instant);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Offset of Asia/Shanghai from UTC at `instant`, in milliseconds (+8 h since 1991; DST 1986–1991). */
function zoneOffsetMs(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a civil date begins in Asia/Shanghai (00:00 local time). */
export function startOfCivilDate(date: CivilDate): Date {
  assertCivilDate(date);
  const midnightUtc = toDayNumber(date) * MS_PER_DAY;
  // First guess with the standard +08:00, then correct with the zone's real offset at that instant.
  const guess = midnightUtc - 8 * 3_600_000;
  return new Date(midnightUtc - zoneOffsetMs(new Date(guess)));
}

/**
 * The instant a civil date ends in Asia/Shanghai: the start of the next day, exclusive. A deadline
 * "on" a date is met by anything strictly before this instant.
 */
export function endOfCivilDate(date: CivilDate): Date {
  assertCivilDate(date);
  return startOfCivilDate(addDays(date, 1));
}
