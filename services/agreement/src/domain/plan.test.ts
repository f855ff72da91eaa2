import { describe, expect, it } from "vitest";
import { draftAgreement, signAgreement } from "./agreement.js";
import { approvePlan } from "./plan.js";

const items = [
  { itemCode: "FGW-001", departmentCode: "fgw" },
  { itemCode: "ZRZY-002", departmentCode: "zrzy" },
];

describe("agreements and plans", () => {
  it("signs a draft once and refuses to sign it again", () => {
    const draft = draftAgreement("hanbin", "p1", "项目", "91610900MA70000010");
    const signed = signAgreement(draft, "admin");
    expect(signed.ok && signed.value.status).toBe("signed");
    const again = signed.ok ? signAgreement(signed.value, "admin") : signed;
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe("failed_precondition");
  });

  it("approves plan versions under one plan id, only under a signed agreement", () => {
    const draft = draftAgreement("hanbin", "p1", "项目", "91610900MA70000010");
    const refused = approvePlan(draft, items, undefined, "steward");
    expect(!refused.ok && refused.error.code).toBe("failed_precondition");
    const signed = signAgreement(draft, "admin");
    if (!signed.ok) throw new Error("sign failed");
    const first = approvePlan(signed.value, items, undefined, "steward");
    if (!first.ok) throw new Error("approval failed");
    const revised = approvePlan(signed.value, items.slice(0, 1), { id: first.value.id, version: first.value.version }, "steward");
    expect(revised.ok && [revised.value.id, revised.value.version]).toEqual([first.value.id, 2]);
  });

  it("names every bad item field", () => {
    const signed = signAgreement(draftAgreement("hanbin", "p1", "项目", "91610900MA70000010"), "admin");
    if (!signed.ok) throw new Error("sign failed");
    const result = approvePlan(signed.value, [{ itemCode: "", departmentCode: "fgw" }, items[0]!, items[0]!], undefined, "steward");
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.error.violations?.map((v) => v.field) : [];
    expect(fields).toEqual(["items[0].item_code", "items[2].item_code"]);
  });
});
