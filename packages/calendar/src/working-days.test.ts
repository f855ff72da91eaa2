import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromDayNumber, toDayNumber } from "./civil-date.js";
import { officialCalendar } from "./official.js";
import { buildHolidaySchedule, type CalendarOverride, type HolidaySchedule } from "./schedule.js";
import {
  addCalendarDays,
  addWorkingDays,
  deadlineFor,
  isProvisionalBetween,
  isWorkingDay,
  recomputeProvisional,
  workingDaysBetween,
  type Pause,
} from "./working-days.js";

const official = buildHolidaySchedule({ official: officialCalendar });

const dateBetween = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

/** Starts before the package's first year, inside it, and beyond its last. */
const startDate = dateBetween("2003-10-01", "2028-06-30");

/** Arbitrary schedules: random days off and make-up days in 2025–2027, some years published. */
const randomSchedule: fc.Arbitrary<HolidaySchedule> = fc
  .record({
    overrides: fc.uniqueArray(
      fc.record({ date: dateBetween("2025-01-01", "2027-12-31"), kind: fc.constantFrom("holiday" as const, "workday" as const) }),
      { selector: (o) => o.date, maxLength: 120 },
    ),
    years: fc.subarray([2025, 2026, 2027]),
  })
  .map(({ overrides, years }) =>
    buildHolidaySchedule({
      overrides: overrides.map((o): CalendarOverride => ({ ...o, source: "test" })),
      publications: years.map((year) => ({ year, source: "test" })),
    }),
  );

/** Counterexamples name the official schedule instead of printing its hundreds of dates. */
const namedOfficial: HolidaySchedule = Object.assign(Object.create(null), official, { [fc.toStringMethod]: () => "official (chinese-days)" });

const schedule = fc.oneof(fc.constant(namedOfficial), randomSchedule);

/** Up to three pauses near `start`, possibly overlapping or touching each other. */
const pausesNear = (start: string): fc.Arbitrary<Pause[]> =>
  fc.array(
    fc.record({ offset: fc.integer({ min: -10, max: 300 }), length: fc.integer({ min: 0, max: 60 }) }).map(({ offset, length }) => ({
      from: addDays(start, offset),
      to: addDays(start, offset + length),
    })),
    { maxLength: 3 },
  );

const clock = startDate.chain((start) =>
  fc.record({ start: fc.constant(start), n: fc.integer({ min: 0, max: 150 }), pauses: pausesNear(start), schedule }),
);

const inPause = (date: string, pauses: Pause[]) => pauses.some((p) => p.from <= date && date <= p.to);

describe("addWorkingDays (properties)", () => {
  it("ends on a working, unpaused day after the start when n > 0", () => {
    fc.assert(
      fc.property(clock, ({ start, n, pauses, schedule }) => {
        const { date } = addWorkingDays(start, n, schedule, pauses);
        if (n === 0) {
          expect(date).toBe(start);
          return;
        }
        expect(date > start).toBe(true);
        expect(isWorkingDay(date, schedule)).toBe(true);
        expect(inPause(date, pauses)).toBe(false);
      }),
    );
  });

  it("is strictly monotonic in n", () => {
    fc.assert(
      fc.property(clock, fc.integer({ min: 1, max: 30 }), ({ start, n, pauses, schedule }, more) => {
        expect(addWorkingDays(start, n, schedule, pauses).date < addWorkingDays(start, n + more, schedule, pauses).date).toBe(true);
      }),
    );
  });

  it("is undone by workingDaysBetween", () => {
    fc.assert(
      fc.property(clock, ({ start, n, pauses, schedule }) => {
        const { date } = addWorkingDays(start, n, schedule, pauses);
        expect(workingDaysBetween(start, date, schedule, pauses)).toBe(n);
        // and the day before the deadline still had one day to go
        if (n > 0) expect(workingDaysBetween(start, addDays(date, -1), schedule, pauses)).toBe(n - 1);
      }),
    );
  });

  it("is never made earlier by pauses, nor by more pauses", () => {
    fc.assert(
      fc.property(clock, pausesNear("2026-01-01"), ({ start, n, pauses, schedule }, extra) => {
        const without = addWorkingDays(start, n, schedule).date;
        const withPauses = addWorkingDays(start, n, schedule, pauses).date;
        const withMore = addWorkingDays(start, n, schedule, [...pauses, ...extra]).date;
        expect(withPauses >= without).toBe(true);
        expect(withMore >= withPauses).toBe(true);
      }),
    );
  });

  it("is provisional exactly when a day after the start lies in an unpublished year", () => {
    fc.assert(
      fc.property(clock, ({ start, n, pauses, schedule }) => {
        const { date, provisional } = addWorkingDays(start, n, schedule, pauses);
        let expected = false;
        for (let day = addDays(start, 1); day <= date; day = addDays(day, 1)) {
          if (!schedule.publishedYears.has(Number(day.slice(0, 4)))) expected = true;
        }
        expect(provisional).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe("addCalendarDays (properties)", () => {
  it("ends on a working, unpaused day no earlier than n unpaused days after the start", () => {
    fc.assert(
      fc.property(clock, ({ start, n, pauses, schedule }) => {
        const { date } = addCalendarDays(start, n, schedule, pauses);
        if (n === 0) {
          expect(date).toBe(start);
          return;
        }
        expect(date >= addDays(start, n)).toBe(true);
        expect(isWorkingDay(date, schedule)).toBe(true);
        expect(inPause(date, pauses)).toBe(false);
        expect(addCalendarDays(start, n, schedule).date <= date).toBe(true);
      }),
    );
  });

  it("is the n-th day itself when that is a working day and nothing is paused", () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 400 }), schedule, (start, n, schedule) => {
        const nth = addDays(start, n);
        if (isWorkingDay(nth, schedule)) expect(addCalendarDays(start, n, schedule).date).toBe(nth);
      }),
    );
  });
});

describe("workingDaysBetween (properties)", () => {
  it("is never negative and grows with the end date", () => {
    fc.assert(
      fc.property(startDate, startDate, fc.integer({ min: 0, max: 60 }), schedule, (from, to, more, schedule) => {
        const elapsed = workingDaysBetween(from, to, schedule);
        expect(elapsed).toBeGreaterThanOrEqual(0);
        if (to <= from) expect(elapsed).toBe(0);
        expect(workingDaysBetween(from, addDays(to, more), schedule)).toBeGreaterThanOrEqual(elapsed);
      }),
      { numRuns: 50 },
    );
  });
});

describe("pauses", () => {
  it("stop the clock for 补正 and resume it afterwards", () => {
    // Accepted Monday 2026-03-02, 5 working days: Friday 2026-03-06 ... 2026-03-09.
    expect(addWorkingDays("2026-03-02", 5, official).date).toBe("2026-03-09");
    // Waiting on corrections from Wednesday 4th to Tuesday 10th inclusive: 3 (1), then 11–13, 16 (5).
    const pauses = [{ from: "2026-03-04", to: "2026-03-10" }];
    expect(addWorkingDays("2026-03-02", 5, official, pauses).date).toBe("2026-03-16");
    expect(workingDaysBetween("2026-03-02", "2026-03-10", official, pauses)).toBe(1);
    expect(workingDaysBetween("2026-03-02", "2026-03-11", official, pauses)).toBe(2);
  });

  it("overlapping and touching pauses count each day once", () => {
    const split = [
      { from: "2026-03-04", to: "2026-03-06" },
      { from: "2026-03-07", to: "2026-03-10" },
      { from: "2026-03-05", to: "2026-03-05" },
    ];
    expect(addWorkingDays("2026-03-02", 5, official, split).date).toBe("2026-03-16");
  });

  it("are refused when they end before they start", () => {
    expect(() => addWorkingDays("2026-03-02", 5, official, [{ from: "2026-03-10", to: "2026-03-04" }])).toThrow(RangeError);
  });
});

describe("input checks", () => {
  it("refuses negative or fractional counts, malformed dates and unknown units", () => {
    expect(() => addWorkingDays("2026-03-02", -1, official)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-02", 1.5, official)).toThrow(RangeError);
    expect(() => addCalendarDays("2026-3-2", 1, official)).toThrow(RangeError);
    expect(() => workingDaysBetween("2026-03-02", "2026-02-30", official)).toThrow(RangeError);
    expect(() => deadlineFor({ value: 1, unit: "weeks" as "working_days" }, "2026-03-02", official)).toThrow(/unknown limit unit/);
  });
});

describe("a deadline crossing into a year with no published schedule", () => {
  // chinese-days 1.5.7 has no 2027: the official schedule stops at 2026.
  const hypothetical2027: CalendarOverride[] = [
    { date: "2027-01-01", kind: "holiday", source: "hypothetical 2027 notice" },
    { date: "2027-01-02", kind: "holiday", source: "hypothetical 2027 notice" },
    { date: "2027-01-03", kind: "holiday", source: "hypothetical 2027 notice" },
  ];
  const limit = { value: 20, unit: "working_days" as const };

  it("is computed on weekends only and marked provisional", () => {
    expect(official.publishedYears.has(2027)).toBe(false);
    // Sunday 2026-12-20: Dec 21–25 (5), 28–31 (9), Fri Jan 1 2027 counted (10), Jan 4–8 (15), 11–15 (20).
    expect(deadlineFor(limit, "2026-12-20", official)).toEqual({ date: "2027-01-15", provisional: true });
    // Elapsed days in the unpublished year are a working-day estimate too.
    expect(isProvisionalBetween("2026-12-20", "2027-01-01", official)).toBe(true);
    // A deadline that stays in 2026 is final.
    expect(deadlineFor({ value: 5, unit: "working_days" }, "2026-12-20", official)).toEqual({ date: "2026-12-25", provisional: false });
  });

  it("is recomputed, final, once that year's schedule is loaded", () => {
    const current = deadlineFor(limit, "2026-12-20", official);
    const loaded = buildHolidaySchedule({
      official: officialCalendar,
      overrides: hypothetical2027,
      publications: [{ year: 2027, source: "hypothetical 2027 notice" }],
    });
    const changes = recomputeProvisional(
      [
        { key: "crossing", limit, startedOn: "2026-12-20", current },
        { key: "final", limit: { value: 5, unit: "working_days" }, startedOn: "2026-12-20", current: { date: "2026-12-25", provisional: false } },
      ],
      loaded,
    );
    // Jan 1 is now a holiday, so the 20th working day is Monday 2027-01-18.
    expect(changes).toEqual([{ key: "crossing", before: { date: "2027-01-15", provisional: true }, after: { date: "2027-01-18", provisional: false } }]);
  });

  it("stays provisional when the deadline reaches a year still unpublished", () => {
    const loaded = buildHolidaySchedule({ official: officialCalendar, overrides: hypothetical2027, publications: [{ year: 2027, source: "n" }] });
    const current = deadlineFor({ value: 300, unit: "working_days" }, "2026-12-20", official);
    const [change] = recomputeProvisional([{ key: 1, limit: { value: 300, unit: "working_days" }, startedOn: "2026-12-20", current }], loaded);
    expect(current.provisional).toBe(true);
    expect(change?.after.provisional).toBe(true);
    expect(change?.after.date.startsWith("2028-")).toBe(true);
  });

  it("marks a calendar-day limit provisional only when its roll-over depends on the unknown year", () => {
    expect(addCalendarDays("2026-11-01", 30, official)).toEqual({ date: "2026-12-01", provisional: false });
    expect(addCalendarDays("2026-12-02", 30, official)).toEqual({ date: "2027-01-01", provisional: true });
    const loaded = buildHolidaySchedule({ official: officialCalendar, overrides: hypothetical2027, publications: [{ year: 2027, source: "n" }] });
    expect(addCalendarDays("2026-12-02", 30, loaded)).toEqual({ date: "2027-01-04", provisional: false });
  });
});
