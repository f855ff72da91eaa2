import { workingDaysBetween, type HolidaySchedule } from "@steward/calendar";

/** An open item on the red (overdue) or yellow (warned) list. */
export interface LightItem {
  region: string;
  caseId: string;
  itemId: string;
  itemCode: string;
  departmentCode: string;
  projectName: string;
  state: string;
  committedDueOn: string;
  warnedAt?: Date;
  overdueAt?: Date;
}

export type Light = "red" | "yellow";

/** Who must move next, by the item's state: the department, or the applicant (补正, 容缺). */
export type NextStepOwner = "department" | "applicant" | "joint_meeting";

export function nextStepOwner(state: string): NextStepOwner {
  if (state === "returned_for_correction" || state === "suspended" || state === "returned") return "applicant";
  if (state === "escalated") return "joint_meeting";
  return "department";
}

/** States no action leaves (the item is off the lists). */
const finished = new Set(["approved", "rejected", "cancelled", "revoked"]);

export const isOpen = (state: string): boolean => !finished.has(state);

export function lightOf(item: Pick<LightItem, "state" | "warnedAt" | "overdueAt">): Light | undefined {
  if (!isOpen(item.state)) return undefined;
  if (item.overdueAt) return "red";
  if (item.warnedAt) return "yellow";
  return undefined;
}

/**
 * Working days past the committed deadline as of `today` (red), or left before it (yellow, as a
 * negative number: −1 is the last working day). Counted on the official calendar.
 */
export function workingDaysLate(committedDueOn: string, today: string, schedule: HolidaySchedule): number {
  if (!committedDueOn) return 0;
  return today >= committedDueOn ? workingDaysBetween(committedDueOn, today, schedule) : -workingDaysBetween(today, committedDueOn, schedule);
}
