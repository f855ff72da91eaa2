import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, civilDateOf, dayOfWeek, endOfCivilDate, fromDayNumber, isCivilDate, startOfCivilDate, toDayNumber } from "./civil-date.js";

const civilDate = fc.integer({ min: toDayNumber("1995-01-01"), max: toDayNumber("2100-12-31") }).map(fromDayNumber);

describe("civil dates", () => {
  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(isCivilDate("2026-02-28")).toBe(true);
    expect(isCivilDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-2-1", "2026-02-01T00:00:00Z", "0050-01-01", "", "20260201"]) {
      expect(isCivilDate(bad), bad).toBe(false);
    }
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("2026-02-14")).toBe(6); // Saturday
    expect(dayOfWeek("2026-09-20")).toBe(0); // Sunday
    expect(dayOfWeek("2026-10-01")).toBe(4); // Thursday
    expect(dayOfWeek("1969-12-31")).toBe(3); // before the epoch too
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("reads instants in Asia/Shanghai, whatever the host's time zone", () => {
    expect(civilDateOf(new Date("2026-02-12T15:59:59.999Z"))).toBe("2026-02-12");
    expect(civilDateOf(new Date("2026-02-12T16:00:00Z"))).toBe("2026-02-13");
    expect(startOfCivilDate("2026-10-01").toISOString()).toBe("2026-09-30T16:00:00.000Z");
    expect(endOfCivilDate("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("round-trips: a civil date starts and ends on itself", () => {
    fc.assert(
      fc.property(civilDate, (date) => {
        expect(civilDateOf(startOfCivilDate(date))).toBe(date);
        expect(civilDateOf(new Date(endOfCivilDate(date).getTime() - 1))).toBe(date);
        expect(civilDateOf(endOfCivilDate(date))).toBe(addDays(date, 1));
      }),
    );
  });

  it("refuses malformed input at the edges", () => {
    expect(() => startOfCivilDate("2026-02-30")).toThrow(RangeError);
    expect(() => civilDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
