import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import { describe, expect, it } from "vitest";
import { nextReminder, reminderDays, workingDaysBefore } from "./reminders.js";

// 2026: 25 Sept (中秋) and 1-7 Oct (国庆) are days off, Saturday 10 Oct is a make-up working day.
const schedule = buildHolidaySchedule({ official: officialCalendar });

describe("escalating reminders", () => {
  it("counts working days back over the holidays", () => {
    expect(workingDaysBefore("2026-10-09", 0, schedule)).toBe("2026-10-09");
    expect(workingDaysBefore("2026-10-09", 1, schedule)).toBe("2026-10-08");
    expect(workingDaysBefore("2026-10-09", 3, schedule)).toBe("2026-09-29");
  });

  it("puts blue 3 and orange 1 working days before a 容缺 supplement falls due", () => {
    const points = reminderDays({ startedOn: "2026-09-21", dueOn: "2026-10-09" }, [{ level: "blue", workingDaysBefore: 3 }, { level: "orange", workingDaysBefore: 1 }], schedule);
    expect(points).toEqual([
      { index: 0, level: "blue", on: "2026-09-29" },
      { index: 1, level: "orange", on: "2026-10-08" },
    ]);
  });

  it("puts a share of a committed clock on its working days (the make-up Saturday counts)", () => {
    // (28 Sept, 12 Oct] holds 6 working days: half of them have passed at the end of 8 Oct.
    expect(reminderDays({ startedOn: "2026-09-28", dueOn: "2026-10-12" }, [{ level: "blue", shareElapsed: 0.5 }], schedule)).toEqual([{ index: 0, level: "blue", on: "2026-10-08" }]);
  });

  it("skips points that passed before the clock was known, fires one due today, and never goes past the due day", () => {
    const points = reminderDays({ startedOn: "2026-10-08", dueOn: "2026-10-09" }, [{ level: "blue", workingDaysBefore: 3 }, { level: "orange", workingDaysBefore: 1 }], schedule);
    expect(nextReminder(points, 0, "2026-10-08")).toEqual({ index: 1, level: "orange", on: "2026-10-08" });
    expect(nextReminder(points, 2, "2026-10-08")).toBeUndefined();
    expect(nextReminder(points, 0, "2026-10-10")).toBeUndefined();
  });
});
