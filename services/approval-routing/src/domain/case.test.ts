import { describe, expect, it } from "vitest";
import { forecast, isComplete, reviseCase, routableItems, type Case } from "./case.js";
import type { CaseItem } from "./case-item.js";
import { officialSchedule, routedItem } from "./test-items.js";

const wd = (value: number) => ({ value, unit: "working_days" as const });

function item(code: string, overrides: Partial<CaseItem>): CaseItem {
  return routedItem({ id: `00000000-0000-4000-8000-${code.padStart(12, "0")}`, itemCode: code, state: "planned", prerequisites: [], ...overrides });
}

function caseOf(items: CaseItem[]): Case {
  return { id: items[0]!.caseId, region: "hanbin", planId: "p", planVersion: 1, projectId: "x", projectName: "项目", status: "open", satisfiedPrerequisites: [], completions: 0, items, createdAt: new Date() };
}

describe("routing a case", () => {
  it("routes together every item whose prerequisites are approved in the case or declared satisfied outside it", () => {
    const items = [
      item("1", { prerequisites: ["9"] }), // 9 is not in the plan: declared satisfied
      item("2", {}),
      item("3", { prerequisites: ["2"] }),
    ];
    const declared = new Set(["9"]);
    expect(routableItems(items, declared).map((i) => i.itemCode)).toEqual(["1", "2"]);
    const afterApproval = items.map((i) => (i.itemCode === "2" ? { ...i, state: "approved" as const } : i));
    expect(routableItems(afterApproval, declared).map((i) => i.itemCode)).toEqual(["1", "3"]);
  });

  it("completes only when every current item is approved or cancelled", () => {
    expect(isComplete([item("1", { state: "approved" }), item("2", { state: "cancelled" })])).toBe(true);
    expect(isComplete([item("1", { state: "approved" }), item("2", { state: "rejected" })])).toBe(false);
    expect(isComplete([item("1", { state: "cancelled" })])).toBe(false);
  });

  it("revises without forgetting: dropped items are cancelled, a returned one gets a new attempt", () => {
    const kase = caseOf([item("1", { state: "in_review" }), item("2", { state: "returned" }), item("3", { state: "approved" })]);
    const terms = new Map([["2", { ...routedItem(), departmentCode: "zrzy" }], ["4", { ...routedItem(), departmentCode: "zrzy" }]]);
    const plan = { planId: "p", planVersion: 2, projectId: "x", projectName: "项目", creditCode: "91610900MA70000010", satisfiedPrerequisites: [], items: [{ itemCode: "2", departmentCode: "zrzy" }, { itemCode: "3", departmentCode: "zrzy" }, { itemCode: "4", departmentCode: "zrzy" }] };
    const revision = reviseCase(kase, plan, terms as never);
    expect(revision.added.map((i) => [i.itemCode, i.attempt])).toEqual([["2", 2], ["4", 1]]);
    expect(revision.cancelled.map((i) => i.itemCode).sort()).toEqual(["1", "2"]);
  });
});

describe("forecast", () => {
  it("follows the longest chain of committed limits through the prerequisites, across the calendar", () => {
    // Today Monday 2026-03-02: A (5 WD) then C (3 WD) is longer than B (2 WD); D is 准营 after C.
    const kase = caseOf([
      item("A", { committedLimit: wd(5), stage: "立项用地规划许可" }),
      item("B", { committedLimit: wd(2), stage: "立项用地规划许可" }),
      item("C", { committedLimit: wd(3), stage: "施工许可", prerequisites: ["A", "B"] }),
      item("D", { committedLimit: wd(1), stage: "准营", prerequisites: ["C"] }),
    ]);
    const result = forecast(kase, officialSchedule, "2026-03-02");
    expect(result.criticalPath).toEqual(["A", "C", "D"]);
    expect(result.constructionStart).toEqual({ date: "2026-03-12", provisional: false });
    expect(result.operation).toEqual({ date: "2026-03-13", provisional: false });
  });

  it("takes an accepted item's committed deadline, and marks a forecast in an unpublished year provisional", () => {
    const accepted = item("A", { state: "in_review", acceptedOn: "2026-12-21", committedDue: { date: "2027-01-04", provisional: true }, stage: "施工许可" });
    const result = forecast(caseOf([accepted]), officialSchedule, "2026-12-22");
    expect(result.constructionStart).toEqual({ date: "2027-01-04", provisional: true });
  });
});
