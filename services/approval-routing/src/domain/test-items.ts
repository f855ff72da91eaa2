import { readFileSync } from "node:fs";
import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import type { CaseItem } from "./case-item.js";
import { defaultClockSettings } from "./clock.js";
import type { CommandContext } from "./item-commands.js";
import { parseRoutingRules, type RoutingRules } from "./rules.js";

/** The value of a successful result; a refusal fails the test with its message. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The official schedule (2004–2026) for tests of clocks and commands. */
export const officialSchedule = buildHolidaySchedule({ official: officialCalendar });

/** The rules the service ships with (rules/ankang.json), as tests of the rules read them. */
export const seedRules: RoutingRules = (() => {
  const parsed = parseRoutingRules(JSON.parse(readFileSync(new URL("../../rules/ankang.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.rules;
})();

export function contextOn(today: string, rules: RoutingRules = seedRules): CommandContext {
  return { today, now: new Date(`${today}T02:00:00.000Z`), schedule: officialSchedule, settings: defaultClockSettings, rules };
}

/** A routed item of a typical shape; override what a test is about (`received(day)` for the receipt). */
export function routedItem(overrides: Partial<CaseItem> = {}): CaseItem {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    caseId: "00000000-0000-4000-8000-0000000000ca",
    region: "hanbin",
    itemCode: "ZRZY-YDGH",
    attempt: 1,
    departmentCode: "zrzy",
    state: "routed",
    // Received the day a test accepts it unless the test says otherwise: no receipt recorded, so
    // the 一次性告知 window runs from acceptance and acceptance is never late.
    deemedAccepted: false,
    receipts: [],
    supplementRounds: 0,
    itemName: "建设用地规划许可证",
    stage: "立项用地规划许可",
    jurisdiction: "county",
    prerequisites: [],
    conditionalPrerequisites: [],
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

/** What routing the item to its department on `day` records: its receipt and acceptance window (5 working days). */
export function received(day: string, acceptanceDueOn: string): Partial<CaseItem> {
  return { receivedOn: day, acceptanceDue: { date: acceptanceDueOn, provisional: false }, receipts: [{ on: day, whole: true, materials: [] }] };
}
