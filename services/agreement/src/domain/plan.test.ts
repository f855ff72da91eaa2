import { describe, expect, it } from "vitest";
import { draftAgreement, signAgreement } from "./agreement.js";
import { approvePlan } from "./plan.js";

const items = [
  { itemCode: "FGW-001", departmentCode: "fgw" },
  { itemCode: "ZRZY-002", departmentCode: "zrzy" },
];

describe("agreements and plans", () => {
  it("signs a draft once and refuses to sign it again", () => {
    const draft = draftAgreement("hanbin", "p1", "项目");
    const signed = signAgreement(draft, "admin");
    expect(signed.ok && signed.value.status).toBe("signed");
    const again = signed.ok ? signAgreement(signed.value, "admin") : signed;
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe("failed_precondition");
  });

  it("approves plan versions in sequence only under a signed agreement", () => {
    const draft = draftAgreement("hanbin", "p1", "项目");
    const refused = approvePlan(draft, items, 0, "steward");
    expect(!refused.ok && refused.error.code).toBe("failed_precondition");
    const signed = signAgreement(draft, "admin");
    if (!signed.ok) throw new Error("sign failed");
    const plan = approvePlan(signed.value, items, 2, "steward");
    expect(plan.ok && plan.value.version).toBe(3);
  });

  it("names every bad item field", () => {
    const signed = signAgreement(draftAgreement("hanbin", "p1", "项目"), "admin");
    if (!signed.ok) throw new Error("sign failed");
    const result = approvePlan(signed.value, [{ itemCode: "", departmentCode: "fgw" }, items[0]!, items[0]!], 0, "steward");
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.error.violations?.map((v) => v.field) : [];
    expect(fields).toEqual(["items[0].item_code", "items[2].item_code"]);
  });
});
