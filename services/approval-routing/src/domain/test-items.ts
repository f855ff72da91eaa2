import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import type { CaseItem } from "./case-item.js";
import { defaultClockSettings } from "./clock.js";
import type { CommandContext } from "./item-commands.js";

/** The official schedule (2004–2026) for tests of clocks and commands. */
export const officialSchedule = buildHolidaySchedule({ official: officialCalendar });

export function contextOn(today: string): CommandContext {
  return { today, now: new Date(`${today}T02:00:00.000Z`), schedule: officialSchedule, settings: defaultClockSettings };
}

/** A routed item of a typical shape; override what a test is about. */
export function routedItem(overrides: Partial<CaseItem> = {}): CaseItem {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    caseId: "00000000-0000-4000-8000-0000000000ca",
    region: "hanbin",
    itemCode: "ZRZY-YDGH",
    attempt: 1,
    departmentCode: "zrzy",
    state: "routed",
    itemName: "建设用地规划许可证",
    stage: "立项用地规划许可",
    jurisdiction: "county",
    prerequisites: [],
    statutoryLimit: { value: 20, unit: "working_days" },
    committedLimit: { value: 10, unit: "working_days" },
    modes: ["normal", "tolerant", "commitment"],
    nonCoreMaterials: ["项目选址示意图"],
    excludedPeriods: ["expert_review"],
    supplementWorkingDays: 5,
    verificationWorkingDays: 20,
    extensionWorkingDays: 0,
    outstandingMaterials: [],
    verificationOpen: false,
    pauses: [],
    updatedAt: new Date("2026-01-05T00:00:00Z"),
    ...overrides,
  };
}
