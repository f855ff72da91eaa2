import { describe, expect, it } from "vitest";
import { fieldsOf, refusal, value } from "../testing/results.js";
import { draftAgreement, type Agreement } from "./agreement.js";
import { approvePlan, departmentsOf, draftPlan, maxPlanItems, recordAnswer, reviewPlan, type Catalogue, type DraftInput, type Plan } from "./plan.js";

const now = new Date("2026-03-02T02:00:00Z");
const context = { actor: "steward-1", now, today: "2026-03-02" };

/** A small catalogue in routing's shape: three departments, a bundle and a chain. */
const catalogue: Catalogue = {
  items: new Map(
    [
      { code: "ZRZY-YDYS", name: "用地预审与选址意见书", departmentCode: "zrzy", stage: "land_planning" },
      { code: "ZRZY-YDGH", name: "建设用地规划许可证", departmentCode: "zrzy", stage: "land_planning" },
      { code: "STHJ-HPB", name: "环境影响评价报告表审批", departmentCode: "sthj", stage: "land_planning" },
      { code: "ZJ-SGXK", name: "建筑工程施工许可证", departmentCode: "zj", stage: "construction_permit" },
    ].map((item) => [item.code, item]),
  ),
  selections: [
    { code: "BUNDLE-KG", name: "开工一件事", kind: "bundle", itemCodes: ["ZRZY-YDGH", "ZJ-SGXK"] },
    { code: "CHAIN-XC", name: "新材料产业链", kind: "industry_chain", itemCodes: ["ZRZY-YDYS", "STHJ-HPB", "ZJ-SGXK"] },
  ],
  departments: new Map([
    ["zrzy", "自然资源局"],
    ["sthj", "生态环境局"],
    ["zj", "住建局"],
  ]),
};

const signed = (overrides: Partial<Agreement> = {}): Agreement => ({
  ...draftAgreement("hanbin", { projectId: "p-1", projectName: "项目", enterpriseId: "e-1", enterpriseName: "企业", creditCode: "91610900MA70000010", keyProject: true }, now),
  status: "signed",
  stewardId: "steward-1",
  stewardName: "张管家",
  ...overrides,
});
const input = (overrides: Partial<DraftInput> = {}): DraftInput => ({ selectionCode: "", items: [], targetDates: {}, excludedItemCodes: [], ...overrides });
const draft = (latest?: Plan, overrides: Partial<DraftInput> = { selectionCode: "CHAIN-XC" }, agreement = signed()) => draftPlan(agreement, latest, catalogue, input(overrides), context);
const review = (plan: Plan | undefined, department: string, approve = true, reason = "") =>
  reviewPlan(plan, { version: plan?.version ?? 1, department, departmentName: catalogue.departments.get(department)!, liaisonId: `${department}-liaison`, approve, reason }, now);

/** Every department of the plan that has not yet approved it does. */
const reviewed = (plan: Plan) =>
  departmentsOf(plan.items)
    .filter((department) => !plan.reviews.some((r) => r.departmentCode === department && r.decision === "approved"))
    .reduce((current, department) => value(review(current, department)), plan);

describe("drafting a plan", () => {
  it("takes an industry chain's items with their departments, names and stages, and the target dates agreed", () => {
    const { plan, superseded } = value(draft(undefined, { selectionCode: "CHAIN-XC", targetDates: { "ZJ-SGXK": "2026-09-30" } }));
    expect(superseded).toBeUndefined();
    expect(plan).toMatchObject({ version: 1, status: "in_review", sourceKind: "industry_chain", sourceCode: "CHAIN-XC", sourceName: "新材料产业链", draftedBy: "steward-1", reviews: [], problems: [] });
    expect(plan.items).toEqual([
      { itemCode: "ZRZY-YDYS", departmentCode: "zrzy", itemName: "用地预审与选址意见书", stage: "land_planning" },
      { itemCode: "STHJ-HPB", departmentCode: "sthj", itemName: "环境影响评价报告表审批", stage: "land_planning" },
      { itemCode: "ZJ-SGXK", departmentCode: "zj", itemName: "建筑工程施工许可证", stage: "construction_permit", targetDate: "2026-09-30" },
    ]);
  });

  it("takes a bundle less the items excluded, plus items one by one", () => {
    const { plan } = value(draft(undefined, { selectionCode: "BUNDLE-KG", excludedItemCodes: ["ZJ-SGXK"], items: [{ itemCode: "STHJ-HPB", departmentCode: "sthj" }] }));
    expect(plan.sourceKind).toBe("bundle");
    expect(plan.items.map((item) => item.itemCode)).toEqual(["ZRZY-YDGH", "STHJ-HPB"]);
    expect(value(draft(undefined, { items: [{ itemCode: "ZJ-SGXK", departmentCode: "" }] })).plan).toMatchObject({ sourceKind: "items", sourceCode: "" });
  });

  it("names every bad field at once", () => {
    expect(
      fieldsOf(
        draft(undefined, {
          selectionCode: "BUNDLE-KG",
          excludedItemCodes: ["STHJ-HPB"],
          items: [{ itemCode: "NOPE-1", departmentCode: "" }, { itemCode: "ZJ-SGXK", departmentCode: "" }, { itemCode: "ZRZY-YDYS", departmentCode: "zj" }],
          targetDates: { "ZRZY-YDGH": "2026-02-28", "ZJ-SGXK": "next year", "STHJ-HPB": "2026-05-01" },
        }),
      ),
    ).toEqual([
      "excluded_item_codes[0]",
      "items[0].item_code",
      "items[1].item_code",
      "items[2].department_code",
      "target_dates[ZRZY-YDGH]",
      "target_dates[ZJ-SGXK]",
      "target_dates[STHJ-HPB]",
    ]);
    expect(fieldsOf(draft(undefined, { selectionCode: "NOPE" }))).toEqual(["selection_code"]);
    expect(fieldsOf(draft(undefined, {}))).toEqual(["selection_code"]);
  });

  it("holds at most the maximum of items", () => {
    const many: Catalogue = { ...catalogue, items: new Map(Array.from({ length: maxPlanItems + 1 }, (_, index) => [`X-${index}`, { code: `X-${index}`, name: "x", departmentCode: "zj", stage: "s" }])) };
    const result = draftPlan(signed(), undefined, many, input({ items: [...many.items.keys()].map((itemCode) => ({ itemCode, departmentCode: "" })) }), context);
    expect(fieldsOf(result)).toEqual(["items"]);
  });

  it("is drafted under a signed or active agreement only", () => {
    for (const status of ["draft", "fulfilled", "terminated"] as const) expect(refusal(draft(undefined, undefined, signed({ status }))).reason).toBe("AGREEMENT_STATE_CONFLICT");
    expect(value(draft(undefined, undefined, signed({ status: "active" }))).plan.version).toBe(1);
  });

  it("a new version replaces an unapproved one (superseded, same plan id), and waits while routing has not answered", () => {
    const first = value(draft()).plan;
    const second = value(draft(first, { selectionCode: "BUNDLE-KG" }));
    expect(second.plan).toMatchObject({ id: first.id, version: 2, status: "in_review" });
    expect(second.superseded).toMatchObject({ id: first.id, version: 1, status: "superseded" });
    const submitted = value(approvePlan(signed(), reviewed(second.plan), 2, "steward-1", now));
    expect(refusal(draft(submitted)).reason).toBe("PLAN_AWAITING_ROUTING");
    // Once routing answered, the next version stands beside the answered one (kept, not superseded).
    const third = value(draft(recordAnswer(submitted, { caseId: "case-1" }, now)));
    expect(third.plan.version).toBe(3);
    expect(third.superseded).toBeUndefined();
  });
});

describe("reviewing and approving a plan, in order", () => {
  it("each department's liaison reviews its items; the last approval makes the version reviewed", () => {
    const plan = value(draft()).plan;
    expect(departmentsOf(plan.items)).toEqual(["sthj", "zj", "zrzy"]);
    const one = value(review(plan, "zrzy"));
    expect(one.status).toBe("in_review");
    const two = value(review(one, "sthj"));
    expect(two.status).toBe("in_review");
    const all = value(review(two, "zj"));
    expect(all.status).toBe("reviewed");
    expect(all.reviews.map((r) => [r.departmentCode, r.decision])).toEqual([
      ["zrzy", "approved"],
      ["sthj", "approved"],
      ["zj", "approved"],
    ]);
  });

  it("a return needs its reason and sends the version back to the steward", () => {
    const plan = value(draft()).plan;
    expect(fieldsOf(review(plan, "zrzy", false, "  "))).toEqual(["reason"]);
    const returned = value(review(plan, "zrzy", false, " 缺少用地红线图 "));
    expect(returned).toMatchObject({ status: "returned" });
    expect(returned.reviews[0]).toMatchObject({ decision: "returned", reason: "缺少用地红线图" });
    // A returned version takes no more reviews and is not approved; the steward drafts the next.
    expect(refusal(review(returned, "sthj")).reason).toBe("PLAN_STATE_CONFLICT");
    expect(refusal(approvePlan(signed(), returned, 1, "steward-1", now)).reason).toBe("PLAN_NOT_REVIEWED");
  });

  it("refuses a review of another version, or by a department the plan does not concern", () => {
    const plan = value(draft()).plan;
    expect(fieldsOf(reviewPlan(plan, { version: 2, department: "zrzy", departmentName: "", liaisonId: "l", approve: true, reason: "" }, now))).toEqual(["version"]);
    expect(fieldsOf(reviewPlan(undefined, { version: 1, department: "zrzy", departmentName: "", liaisonId: "l", approve: true, reason: "" }, now))).toEqual(["version"]);
    expect(refusal(review(plan, "fgw")).reason).toBe("NOT_A_PLAN_DEPARTMENT");
  });

  it("the steward approves only a reviewed version, naming the departments still to review", () => {
    const plan = value(review(value(draft()).plan, "zrzy"));
    const waiting = refusal(approvePlan(signed(), plan, 1, "steward-1", now));
    expect(waiting).toMatchObject({ reason: "PLAN_NOT_REVIEWED", metadata: { pending: "sthj,zj" } });
    const submitted = value(approvePlan(signed(), reviewed(plan), 1, "steward-1", now));
    expect(submitted).toMatchObject({ status: "submitted", approvedBy: "steward-1", approvedAt: now });
  });

  it("refuses approving a version that is not the latest, under an ended agreement, or a key project without a steward", () => {
    const plan = reviewed(value(draft()).plan);
    expect(fieldsOf(approvePlan(signed(), plan, 2, "s", now))).toEqual(["version"]);
    expect(fieldsOf(approvePlan(signed(), undefined, 1, "s", now))).toEqual(["version"]);
    expect(refusal(approvePlan(signed({ status: "terminated" }), plan, 1, "s", now)).reason).toBe("AGREEMENT_STATE_CONFLICT");
    const { stewardId: _s, stewardName: _n, ...withoutSteward } = signed();
    expect(refusal(approvePlan(withoutSteward, plan, 1, "admin-1", now)).reason).toBe("KEY_PROJECT_NEEDS_STEWARD");
    expect(value(approvePlan({ ...withoutSteward, keyProject: false }, plan, 1, "admin-1", now)).status).toBe("submitted");
  });
});

describe("routing's answer is the plan's visible status", () => {
  const submitted = () => value(approvePlan(signed(), reviewed(value(draft()).plan), 1, "steward-1", now));

  it("accepted with its case", () => {
    expect(recordAnswer(submitted(), { caseId: "case-1" }, now)).toMatchObject({ status: "accepted", caseId: "case-1", problems: [], answeredAt: now });
  });

  it("refused with routing's field violations, not shown as approved", () => {
    const refused = recordAnswer(submitted(), { problems: [{ field: "items[1].item_code", description: "NOPE is not in the item catalogue" }], detail: "plan refused" }, now);
    expect(refused).toMatchObject({ status: "refused", refusalDetail: "plan refused", problems: [{ field: "items[1].item_code", description: "NOPE is not in the item catalogue" }] });
    expect(refused.caseId).toBeUndefined();
  });
});
