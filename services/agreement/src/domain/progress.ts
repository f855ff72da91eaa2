import { toDayNumber } from "@steward/calendar";
import type { Plan } from "./plan.js";

/** An item of the case as routing holds it. */
export interface ActualItem {
  itemCode: string;
  state: string;
  committedDueOn?: string;
  /** The civil date of its last change, which for a decided item is the decision. */
  changedOn: string;
}

export interface ItemProgress {
  itemCode: string;
  itemName: string;
  departmentCode: string;
  targetDate: string;
  state: string;
  committedDueOn: string;
  decidedOn: string;
  daysLate: number;
  verdict: "on_track" | "early" | "on_time" | "late" | "at_risk" | "no_target";
}

const decided = new Set(["approved", "rejected"]);

/** Plan vs actual per item: the target agreed with the enterprise against what routing did. */
export function planProgress(plan: Plan, actual: readonly ActualItem[], today: string): ItemProgress[] {
  return plan.items.map((item) => {
    const found = actual.find((candidate) => candidate.itemCode === item.itemCode);
    const state = found?.state ?? "not_routed";
    const decidedOn = found && decided.has(found.state) ? found.changedOn : "";
    const target = item.targetDate ?? "";
    let daysLate = 0;
    let verdict: ItemProgress["verdict"] = "no_target";
    if (target && decidedOn) {
      daysLate = toDayNumber(decidedOn) - toDayNumber(target);
      verdict = daysLate < 0 ? "early" : daysLate === 0 ? "on_time" : "late";
    } else if (target) {
      daysLate = Math.max(toDayNumber(today) - toDayNumber(target), 0);
      verdict = daysLate > 0 ? "at_risk" : "on_track";
    }
    return { itemCode: item.itemCode, itemName: item.itemName, departmentCode: item.departmentCode, targetDate: target, state, committedDueOn: found?.committedDueOn ?? "", decidedOn, daysLate, verdict };
  });
}
