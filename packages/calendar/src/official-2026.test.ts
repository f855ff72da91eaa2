/**
 * Deadlines across the 2026 holidays, against the official schedule: 国务院办公厅关于2026年部分节假日
 * 安排的通知 (国办发明电〔2025〕7号, dated 2025-11-04, https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
 *   元旦 1月1日–3日放假，1月4日（周日）上班；
 *   春节 2月15日–23日放假，2月14日（周六）、2月28日（周六）上班；
 *   清明 4月4日–6日；劳动节 5月1日–5日放假，5月9日（周六）上班；端午 6月19日–21日；中秋 9月25日–27日；
 *   国庆 10月1日–7日放假，9月20日（周日）、10月10日（周六）上班。
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays, toDayNumber } from "./civil-date.js";
import { OFFICIAL_SOURCE, officialCalendar } from "./official.js";
import { EMPTY_SCHEDULE, buildHolidaySchedule } from "./schedule.js";
import { addCalendarDays, addWorkingDays, deadlineFor, isWorkingDay, workingDaysBetween } from "./working-days.js";

const schedule = buildHolidaySchedule({ official: officialCalendar });

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe("the official 2026 schedule (chinese-days)", () => {
  it("is the pinned package version and covers 2004 to 2026, not 2027", () => {
    expect(OFFICIAL_SOURCE).toBe("chinese-days@1.5.7");
    expect(Math.min(...officialCalendar.years)).toBe(2004);
    expect(Math.max(...officialCalendar.years)).toBe(2026);
    expect(schedule.publishedYears.has(2027)).toBe(false);
  });

  it("holds exactly the days off and make-up working days of the State Council notice", () => {
    const holidays2026 = [...schedule.holidays].filter((date) => date.startsWith("2026-")).sort();
    expect(holidays2026).toEqual([
      ...range("2026-01-01", "2026-01-03"),
      ...range("2026-02-15", "2026-02-23"),
      ...range("2026-04-04", "2026-04-06"),
      ...range("2026-05-01", "2026-05-05"),
      ...range("2026-06-19", "2026-06-21"),
      ...range("2026-09-25", "2026-09-27"),
      ...range("2026-10-01", "2026-10-07"),
    ]);
    const workdays2026 = [...schedule.workdays].filter((date) => date.startsWith("2026-")).sort();
    expect(workdays2026).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
  });

  // The package's own functions read dates in the host's time zone and answer wrongly west of UTC
  // (isWorkday("2026-02-14") is false in America/Los_Angeles), one reason the calendar reads the
  // package's data rather than calling them. The cross-check asks them in a child process set to
  // China's time zone, where they are right, so it runs the same on every host.
  it("agrees with the package's own isWorkday on every day from 2004 to 2026", () => {
    const script = `
      import chineseDays from "chinese-days";
      const workdays = [];
      for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000) {
        const date = new Date(t).toISOString().slice(0, 10);
        if (chineseDays.isWorkday(date)) workdays.push(date);
      }
      process.stdout.write(JSON.stringify(workdays));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL(".", import.meta.url)),
      env: { TZ: "Asia/Shanghai" },
      encoding: "utf8",
    });
    const packageWorkdays = new Set(JSON.parse(output) as string[]);
    const disagreements: string[] = [];
    for (let day = toDayNumber("2004-01-01"); day <= toDayNumber("2026-12-31"); day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isWorkingDay(date, schedule) !== packageWorkdays.has(date)) disagreements.push(date);
    }
    expect(packageWorkdays.size).toBeGreaterThan(5000);
    expect(disagreements).toEqual([]);
  });
});

describe("deadlines across the 2026 Spring Festival", () => {
  it("accepted on Thursday 2026-02-12, 5 working days end on 2026-02-26", () => {
    // 13 (Fri), 14 (Sat, make-up), holiday 15–23, 24, 25, 26.
    expect(addWorkingDays("2026-02-12", 5, schedule)).toEqual({ date: "2026-02-26", provisional: false });
    // On weekends alone it would have been the 19th, in the middle of the holiday.
    expect(addWorkingDays("2026-02-12", 5, buildHolidaySchedule({ publications: [{ year: 2026, source: "none" }] })).date).toBe("2026-02-19");
  });

  it("counts the make-up Saturdays 2026-02-14 and 2026-02-28 as working days", () => {
    expect(isWorkingDay("2026-02-14", schedule)).toBe(true);
    expect(isWorkingDay("2026-02-28", schedule)).toBe(true);
    expect(isWorkingDay("2026-02-15", schedule)).toBe(false);
    expect(isWorkingDay("2026-02-23", schedule)).toBe(false); // a Monday inside the holiday
    expect(addWorkingDays("2026-02-13", 1, schedule).date).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-27", 1, schedule).date).toBe("2026-02-28");
    expect(addWorkingDays("2026-02-12", 10, schedule).date).toBe("2026-03-04");
  });

  it("a 20-working-day licence decision accepted 2026-02-10 is due 2026-03-16", () => {
    // 11, 12, 13, 14 (Sat), 24, 25, 26, 27, 28 (Sat) = 9; Mar 2–6 = 14; Mar 9–13 = 19; Mar 16 = 20.
    const due = deadlineFor({ value: 20, unit: "working_days" }, "2026-02-10", schedule);
    expect(due).toEqual({ date: "2026-03-16", provisional: false });
    expect(workingDaysBetween("2026-02-10", "2026-02-28", schedule)).toBe(9);
    expect(workingDaysBetween("2026-02-10", due.date, schedule)).toBe(20);
  });

  it("elapsed working days stand still during the holiday", () => {
    expect(workingDaysBetween("2026-02-12", "2026-02-14", schedule)).toBe(2);
    expect(workingDaysBetween("2026-02-12", "2026-02-23", schedule)).toBe(2);
    expect(workingDaysBetween("2026-02-12", "2026-02-24", schedule)).toBe(3);
  });
});

describe("deadlines across the 2026 Mid-Autumn Festival and National Day", () => {
  it("accepted on Tuesday 2026-09-29, 3 working days end on 2026-10-09", () => {
    // 30 (Wed), holiday Oct 1–7, 8 (Thu), 9 (Fri).
    expect(addWorkingDays("2026-09-29", 3, schedule)).toEqual({ date: "2026-10-09", provisional: false });
    // The 4th is the make-up Saturday.
    expect(addWorkingDays("2026-09-29", 4, schedule).date).toBe("2026-10-10");
  });

  it("counts Sunday 2026-09-20 as a working day and skips the Mid-Autumn Friday 2026-09-25", () => {
    expect(addWorkingDays("2026-09-18", 1, schedule).date).toBe("2026-09-20");
    expect(addWorkingDays("2026-09-24", 1, schedule).date).toBe("2026-09-28");
    // 7 working days (an industry department's 征求意见 answer) from Friday 2026-09-18:
    // 20 (Sun), 21, 22, 23, 24, 28, 29.
    expect(addWorkingDays("2026-09-18", 7, schedule).date).toBe("2026-09-29");
  });

  it("a calendar-day limit ending in the holiday moves to the first working day after it", () => {
    // 10 days after 2026-09-21 is 2026-10-01, a holiday: the period ends on 2026-10-08.
    expect(addCalendarDays("2026-09-21", 10, schedule)).toEqual({ date: "2026-10-08", provisional: false });
    // Ending on the make-up Saturday 2026-10-10, which is a working day: no move.
    expect(addCalendarDays("2026-09-30", 10, schedule).date).toBe("2026-10-10");
    // Ending on an ordinary Sunday moves to Monday.
    expect(deadlineFor({ value: 5, unit: "calendar_days" }, "2026-10-13", schedule).date).toBe("2026-10-19");
  });
});

describe("a year without a published schedule", () => {
  it("has weekends only", () => {
    expect(isWorkingDay("2027-01-01", schedule)).toBe(true); // a Friday: unknown, so a working day
    expect(isWorkingDay("2027-01-02", EMPTY_SCHEDULE)).toBe(false);
  });
});
