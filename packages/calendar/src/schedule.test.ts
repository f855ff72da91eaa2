import { describe, expect, it } from "vitest";
import { officialCalendarFrom, officialCalendar } from "./official.js";
import { buildHolidaySchedule, checkYearSchedule, isPublishedDate, newlyPublishedYears, withoutYears } from "./schedule.js";
import { isWorkingDay } from "./working-days.js";

describe("buildHolidaySchedule", () => {
  it("lets an override win over the package data", () => {
    const schedule = buildHolidaySchedule({
      official: officialCalendar,
      overrides: [
        { date: "2026-02-14", kind: "holiday", source: "amendment" }, // an official make-up Saturday
        { date: "2026-02-16", kind: "workday", source: "amendment" }, // an official holiday
      ],
    });
    expect(isWorkingDay("2026-02-14", schedule)).toBe(false);
    expect(isWorkingDay("2026-02-16", schedule)).toBe(true);
    expect(schedule.workdays.has("2026-02-14")).toBe(false);
    expect(schedule.holidays.has("2026-02-16")).toBe(false);
  });

  it("publishes a year the package does not cover only with a publication", () => {
    const overrides = [{ date: "2027-01-01", kind: "holiday" as const, source: "notice" }];
    const staged = buildHolidaySchedule({ official: officialCalendar, overrides });
    expect(isPublishedDate("2027-01-01", staged)).toBe(false);
    expect(isWorkingDay("2027-01-01", staged)).toBe(true); // staged: weekends only until published

    const published = buildHolidaySchedule({ official: officialCalendar, overrides, publications: [{ year: 2027, source: "notice" }] });
    expect(isPublishedDate("2027-01-01", published)).toBe(true);
    expect(isWorkingDay("2027-01-01", published)).toBe(false);
    expect(newlyPublishedYears(staged, published)).toEqual([2027]);
  });

  it("refuses a date given both kinds, or a malformed date", () => {
    expect(() =>
      buildHolidaySchedule({
        overrides: [
          { date: "2027-01-01", kind: "holiday", source: "a" },
          { date: "2027-01-01", kind: "workday", source: "b" },
        ],
      }),
    ).toThrow(/both a holiday and a workday/);
    expect(() => buildHolidaySchedule({ overrides: [{ date: "2027-1-1", kind: "holiday", source: "a" }] })).toThrow(RangeError);
  });

  it("can forget a year, to simulate one not yet published", () => {
    const schedule = withoutYears(buildHolidaySchedule({ official: officialCalendar }), [2026]);
    expect(schedule.publishedYears.has(2026)).toBe(false);
    expect(schedule.publishedYears.has(2025)).toBe(true);
    expect(isWorkingDay("2026-02-16", schedule)).toBe(true);
    expect(isWorkingDay("2026-02-14", schedule)).toBe(false);
  });
});

describe("checkYearSchedule", () => {
  it("accepts a year's dates and a make-up day in the December before", () => {
    expect(
      checkYearSchedule(2027, [
        { date: "2026-12-26", kind: "workday" },
        { date: "2027-01-01", kind: "holiday" },
      ]),
    ).toEqual([]);
  });

  it("names every problem", () => {
    expect(
      checkYearSchedule(2027, [
        { date: "2027-02-30", kind: "holiday" },
        { date: "2028-01-01", kind: "holiday" },
        { date: "2027-01-01", kind: "holiday" },
        { date: "2027-01-01", kind: "holiday" },
        { date: "2027-01-02", kind: "off" as "holiday" },
      ]),
    ).toEqual([
      '"2027-02-30": not a date "YYYY-MM-DD"',
      "2028-01-01: outside 2027",
      "2027-01-01: listed twice",
      '2027-01-02: kind must be "holiday" or "workday"',
    ]);
    expect(checkYearSchedule(27, [])).toEqual(["year 27: not a year"]);
  });
});

describe("officialCalendarFrom", () => {
  it("fails loudly when the package data changes shape", () => {
    expect(() => officialCalendarFrom({ holidays: {} }, "x")).toThrow(/"workdays" is missing/);
    expect(() => officialCalendarFrom({ holidays: { "1/1/2026": "" }, workdays: {} }, "x")).toThrow(/malformed date/);
    expect(() => officialCalendarFrom({ holidays: {}, workdays: {} }, "x")).toThrow(/no holidays/);
    expect(() => officialCalendarFrom({ holidays: { "2026-01-01": "" }, workdays: { "2026-01-01": "" } }, "x")).toThrow(/both/);
  });
});
