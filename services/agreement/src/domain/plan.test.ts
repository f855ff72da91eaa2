import { describe, expect, it } from "vitest";
import { draftAgreement, signAgreement } from "./agreement.js";
import { approvePlan } from "./plan.js";

const items = [
  { itemCode: "FGW-001", departmentCode: "fgw" },
  { itemCode: "ZRZY-002", departmentCode: "zrzy" },
];
/** Routing's catalogue as agreement sees it: item code -> department. */
const catalogue = new Map([
  ["FGW-001", "fgw"],
  ["ZRZY-002", "zrzy"],
  ["STHJ-003", "sthj"],
]);

describe("agreements and plans", () => {
  it("signs a draft once and refuses to sign it again", () => {
    const draft = draftAgreement("hanbin", "p1", "项目");
    const signed = signAgreement(draft, "admin");
    expect(signed.ok && signed.value.status).toBe("signed");
    const again = signed.ok ? signAgreement(signed.value, "admin") : signed;
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe("failed_precondition");
  });

  it("approves plan versions under one plan id, only under a signed agreement", () => {
    const draft = draftAgreement("hanbin", "p1", "项目");
    const refused = approvePlan(draft, items, undefined, "steward", catalogue);
    expect(!refused.ok && refused.error.code).toBe("failed_precondition");
    const signed = signAgreement(draft, "admin");
    if (!signed.ok) throw new Error("sign failed");
    const first = approvePlan(signed.value, items, undefined, "steward", catalogue);
    if (!first.ok) throw new Error("approval failed");
    const revised = approvePlan(signed.value, items.slice(0, 1), { id: first.value.id, version: first.value.version }, "steward", catalogue);
    expect(revised.ok && [revised.value.id, revised.value.version]).toEqual([first.value.id, 2]);
  });

  it("names every bad item field", () => {
    const signed = signAgreement(draftAgreement("hanbin", "p1", "项目"), "admin");
    if (!signed.ok) throw new Error("sign failed");
    const result = approvePlan(signed.value, [{ itemCode: "", departmentCode: "fgw" }, items[0]!, items[0]!], undefined, "steward", catalogue);
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.error.violations?.map((v) => v.field) : [];
    expect(fields).toEqual(["items[0].item_code", "items[2].item_code"]);
  });

  it("refuses items the catalogue does not hold or assigns to another department, naming each (issue 8)", () => {
    const signed = signAgreement(draftAgreement("hanbin", "p1", "项目"), "admin");
    if (!signed.ok) throw new Error("sign failed");
    const result = approvePlan(
      signed.value,
      [items[0]!, { itemCode: "NOPE-9", departmentCode: "fgw" }, { itemCode: "STHJ-003", departmentCode: "zrzy" }],
      undefined,
      "steward",
      catalogue,
    );
    expect(!result.ok && result.error).toMatchObject({
      code: "invalid_argument",
      reason: "PLAN_NOT_IN_CATALOGUE",
      violations: [
        { field: "items[1].item_code", description: "NOPE-9 is not in the item catalogue" },
        { field: "items[2].department_code", description: "STHJ-003 is handled by sthj, not zrzy" },
      ],
    });
  });
});
