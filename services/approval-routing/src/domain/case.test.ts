import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPrerequisites, forecast, isComplete, reviseCase, routableItems, validateSubmission, type Case, type CatalogueTerms, type PlanSubmission } from "./case.js";
import type { CaseItem } from "./case-item.js";
import { parseCatalogue } from "./catalogue.js";
import { officialSchedule, routedItem } from "./test-items.js";

const seed = parseCatalogue(JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8")));
if (!seed.ok) throw new Error(seed.problems.join("; "));
/** The seed catalogue's items as plan checks see them (only the code, department and prerequisites matter). */
const catalogue = new Map(
  seed.catalogue.items.map((entry) => [entry.code, { ...routedItem(), departmentCode: entry.department, prerequisites: entry.prerequisites, conditionalPrerequisites: entry.conditionalPrerequisites } as unknown as CatalogueTerms]),
);
const catalogueCodes = [...catalogue.keys()];

function plan(codes: string[], satisfied: PlanSubmission["satisfiedPrerequisites"] = []): PlanSubmission {
  return {
    planId: "00000000-0000-4000-8000-000000000001",
    planVersion: 1,
    projectId: "00000000-0000-4000-8000-000000000002",
    projectName: "项目",
    creditCode: "91610900MA70000010",
    items: codes.map((itemCode) => ({ itemCode, departmentCode: catalogue.get(itemCode)?.departmentCode ?? "x" })),
    satisfiedPrerequisites: satisfied,
  };
}

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

  it("waits for a conditional prerequisite only when the case holds it", () => {
    const items = [item("1", { conditionalPrerequisites: ["2", "9"] }), item("2", {})];
    expect(routableItems(items, new Set()).map((i) => i.itemCode)).toEqual(["2"]);
    const approved = items.map((i) => (i.itemCode === "2" ? { ...i, state: "approved" as const } : i));
    expect(routableItems(approved, new Set()).map((i) => i.itemCode)).toEqual(["1"]);
    const cancelled = items.map((i) => (i.itemCode === "2" ? { ...i, state: "cancelled" as const } : i));
    expect(routableItems(cancelled, new Set()).map((i) => i.itemCode)).toEqual(["1"]);
  });

  it("holds back an item whose prerequisite is neither approved in the case nor declared, even when cancelled", () => {
    const items = [item("1", { prerequisites: ["2"] }), item("2", { state: "cancelled" })];
    expect(routableItems(items, new Set())).toEqual([]);
    expect(routableItems(items, new Set(["2"])).map((i) => i.itemCode)).toEqual(["1"]);
    expect(routableItems([item("1", { prerequisites: ["9"] })], new Set())).toEqual([]);
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

describe("prerequisites a plan leaves out", () => {
  const declared = (itemCode: string) => ({ itemCode, documentRef: "安住建施〔2025〕12号", approvedOn: "2025-11-20" });

  it("refuses a 竣工验收 item without its prerequisites, naming the item and what it needs", () => {
    const violations = checkPrerequisites(plan(["ZJ-XFYS"]), catalogue, "2026-03-02");
    expect(violations).toEqual([
      { field: "items[0].item_code", description: "ZJ-XFYS requires ZJ-SGXK: add it to the plan, or declare it in satisfied_prerequisites with the approval's 批文号 and date" },
    ]);
    expect(checkPrerequisites(plan(["ZJ-XFYS"], [declared("ZJ-SGXK")]), catalogue, "2026-03-02")).toEqual([]);
    expect(checkPrerequisites(plan(["ZJ-SGXK", "ZJ-XFYS"], [declared("ZRZY-GCGH"), declared("ZJ-XFSJ"), declared("RF-BJSP"), declared("QX-FLSJ")]), catalogue, "2026-03-02")).toEqual([]);
  });

  it("asks nothing for prerequisites some projects only need, and lets a plan declare them when it has them", () => {
    // 施工许可 needs the 工程规划许可 always; 消防设计审查, 人防 and 防雷 only for some projects.
    expect(checkPrerequisites(plan(["ZJ-SGXK"], [declared("ZRZY-GCGH")]), catalogue, "2026-03-02")).toEqual([]);
    expect(checkPrerequisites(plan(["ZJ-SGXK"], [declared("ZRZY-GCGH"), declared("ZJ-XFSJ")]), catalogue, "2026-03-02")).toEqual([]);
    expect(checkPrerequisites(plan(["STHJ-PWXK"]), catalogue, "2026-03-02")).toEqual([]);
  });

  it("refuses declarations that stand for nothing: unknown, not a prerequisite, in the plan, repeated, undated or dated ahead", () => {
    expect(checkPrerequisites(plan(["ZJ-XFYS"], [declared("ZJ-SGXK"), declared("NOPE-1"), declared("SCJG-YYZZ"), { ...declared("ZJ-SGXK"), approvedOn: "2026-03-03" }]), catalogue, "2026-03-02")).toEqual([
      { field: "satisfied_prerequisites[1].item_code", description: "NOPE-1 is not in the item catalogue" },
      { field: "satisfied_prerequisites[2].item_code", description: "SCJG-YYZZ is not a prerequisite of any planned item" },
      { field: "satisfied_prerequisites[3].approved_on", description: "2026-03-03 is after today (2026-03-02); declare only approvals already given" },
    ]);
    expect(
      validateSubmission(plan(["ZJ-SGXK", "ZJ-XFYS"], [declared("ZJ-SGXK"), declared("ZRZY-GCGH"), declared("ZRZY-GCGH"), { itemCode: "QX-FLSJ", documentRef: " ", approvedOn: "2025-02-30" }])).map((v) => v.field),
    ).toEqual([
      "satisfied_prerequisites[0].item_code",
      "satisfied_prerequisites[2].item_code",
      "satisfied_prerequisites[3].document_ref",
      "satisfied_prerequisites[3].approved_on",
    ]);
  });

  it("accepts exactly the plans in which every prerequisite is planned or declared, for any plan of the catalogue", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...catalogueCodes), { minLength: 1, maxLength: 12 }), fc.infiniteStream(fc.boolean()), (codes, coin) => {
        const required = [...new Set(codes.flatMap((code) => catalogue.get(code)!.prerequisites))].filter((code) => !codes.includes(code));
        const declaredCodes = required.filter(() => coin.next().value as boolean);
        const violations = checkPrerequisites(plan(codes, declaredCodes.map(declared)), catalogue, "2026-03-02");
        const missing = required.filter((code) => !declaredCodes.includes(code));
        expect(violations.length === 0).toBe(missing.length === 0);
        for (const code of missing) expect(violations.some((violation) => violation.description.includes(code))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
