import { describe, expect, it } from "vitest";
import type { Plan } from "./plan.js";
import { planProgress } from "./progress.js";

const plan = {
  items: [
    { itemCode: "A", departmentCode: "zrzy", itemName: "甲", stage: "s", targetDate: "2026-04-10" },
    { itemCode: "B", departmentCode: "zrzy", itemName: "乙", stage: "s", targetDate: "2026-04-10" },
    { itemCode: "C", departmentCode: "sthj", itemName: "丙", stage: "s", targetDate: "2026-04-10" },
    { itemCode: "D", departmentCode: "sthj", itemName: "丁", stage: "s", targetDate: "2026-04-10" },
    { itemCode: "E", departmentCode: "zj", itemName: "戊", stage: "s", targetDate: "2026-04-10" },
    { itemCode: "F", departmentCode: "zj", itemName: "己", stage: "s" },
    { itemCode: "G", departmentCode: "zj", itemName: "庚", stage: "s", targetDate: "2026-04-20" },
  ],
} as Plan;

describe("plan vs actual per item", () => {
  it("compares each target date with routing's decision, or with today while undecided", () => {
    const progress = planProgress(
      plan,
      [
        { itemCode: "A", state: "approved", changedOn: "2026-04-07", committedDueOn: "2026-04-15" },
        { itemCode: "B", state: "approved", changedOn: "2026-04-10" },
        { itemCode: "C", state: "rejected", changedOn: "2026-04-13" },
        { itemCode: "D", state: "in_review", changedOn: "2026-04-01", committedDueOn: "2026-04-09" },
        { itemCode: "F", state: "approved", changedOn: "2026-04-01" },
        { itemCode: "G", state: "routed", changedOn: "2026-04-01" },
      ],
      "2026-04-12",
    );
    expect(progress.map((item) => [item.itemCode, item.state, item.verdict, item.daysLate, item.decidedOn])).toEqual([
      ["A", "approved", "early", -3, "2026-04-07"],
      ["B", "approved", "on_time", 0, "2026-04-10"],
      ["C", "rejected", "late", 3, "2026-04-13"],
      ["D", "in_review", "at_risk", 2, ""],
      ["E", "not_routed", "at_risk", 2, ""],
      ["F", "approved", "no_target", 0, "2026-04-01"],
      ["G", "routed", "on_track", 0, ""],
    ]);
    expect(progress[0]).toMatchObject({ itemName: "甲", departmentCode: "zrzy", targetDate: "2026-04-10", committedDueOn: "2026-04-15" });
  });
});
