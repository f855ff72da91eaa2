import { describe, expect, it } from "vitest";
import { fieldsOf, refusal, value } from "../testing/results.js";
import { activateAgreement, draftAgreement, fulfilAgreement, inService, signAgreement, terminateAgreement, type Agreement, type SigningInput } from "./agreement.js";

const now = new Date("2026-03-02T02:00:00Z");
const today = "2026-03-02";
const draft = (overrides: Partial<Agreement> = {}): Agreement => ({
  ...draftAgreement("hanbin", { projectId: "p-1", projectName: "富硒食品产业园", enterpriseId: "e-1", enterpriseName: "安康富硒生物科技有限公司", creditCode: "91610900MA70000010", keyProject: true }, now),
  ...overrides,
});
const signing = (overrides: Partial<SigningInput> = {}): SigningInput => ({
  signedOn: "2026-03-01",
  serviceCentre: " 汉滨区政务服务中心 ",
  enterpriseSignatory: "王经理",
  commitments: { zeroFee: true, responseHours: 24, scope: " 立项至竣工验收全流程帮办代办 " },
  ...overrides,
});

describe("an agreement's life cycle", () => {
  it("is drafted from the registered project", () => {
    expect(draft()).toMatchObject({ region: "hanbin", projectId: "p-1", enterpriseId: "e-1", creditCode: "91610900MA70000010", keyProject: true, status: "draft", createdAt: now });
  });

  it("is signed once, with its record trimmed: date, service centre, signatory and commitments", () => {
    const signed = value(signAgreement(draft(), signing(), "admin-1", now, today));
    expect(signed).toMatchObject({ status: "signed", signedAt: now, signedBy: "admin-1" });
    expect(signed.signing).toEqual({ signedOn: "2026-03-01", serviceCentre: "汉滨区政务服务中心", enterpriseSignatory: "王经理", commitments: { zeroFee: true, responseHours: 24, scope: "立项至竣工验收全流程帮办代办" } });
    expect(refusal(signAgreement(signed, signing(), "admin-1", now, today))).toMatchObject({ code: "failed_precondition", reason: "AGREEMENT_STATE_CONFLICT" });
  });

  it("is signed today when no date is given", () => {
    expect(value(signAgreement(draft(), signing({ signedOn: "" }), "admin-1", now, today)).signing!.signedOn).toBe(today);
  });

  it("refuses a signing record naming every bad field at once, before looking at the state", () => {
    const error = refusal(
      signAgreement(draft({ status: "terminated" }), signing({ signedOn: "2026-03-03", serviceCentre: " ", enterpriseSignatory: "x".repeat(51), commitments: { zeroFee: false, responseHours: 0, scope: "" } }), "admin-1", now, today),
    );
    expect(error.code).toBe("invalid_argument");
    expect(error.violations!.map((violation) => violation.field)).toEqual(["signed_on", "service_centre", "enterprise_signatory", "commitments.zero_fee", "commitments.response_hours", "commitments.scope"]);
    expect(fieldsOf(signAgreement(draft(), signing({ signedOn: "2026-02-30x" }), "a", now, today))).toEqual(["signed_on"]);
    expect(fieldsOf(signAgreement(draft(), signing({ commitments: undefined }), "a", now, today))).toEqual(["commitments"]);
    expect(fieldsOf(signAgreement(draft(), signing({ commitments: { zeroFee: true, responseHours: 721, scope: "范围" } }), "a", now, today))).toEqual(["commitments.response_hours"]);
  });

  it("is put in force by the first plan routing accepts; later acceptances only move its case", () => {
    const signed = value(signAgreement(draft(), signing(), "admin-1", now, today));
    const active = activateAgreement(signed, "case-1");
    expect(active).toMatchObject({ status: "active", caseId: "case-1" });
    expect(activateAgreement(active, "case-2")).toMatchObject({ status: "active", caseId: "case-2" });
  });

  it("is fulfilled when its case completes, only from active", () => {
    const active = activateAgreement(value(signAgreement(draft(), signing(), "admin-1", now, today)), "case-1");
    expect(value(fulfilAgreement(active, now))).toMatchObject({ status: "fulfilled", closedAt: now, closedBy: "system:routing" });
    expect(refusal(fulfilAgreement(draft(), now)).code).toBe("failed_precondition");
  });

  it("is terminated with its reason from any state not yet ended, and never twice", () => {
    for (const status of ["draft", "signed", "active"] as const) {
      expect(value(terminateAgreement(draft({ status }), "  企业放弃投资  ", "admin-1", now))).toMatchObject({ status: "terminated", closedReason: "企业放弃投资", closedBy: "admin-1" });
    }
    for (const status of ["fulfilled", "terminated", "closed"] as const) {
      expect(refusal(terminateAgreement(draft({ status }), "理由", "admin-1", now))).toMatchObject({ reason: "AGREEMENT_STATE_CONFLICT" });
    }
    expect(fieldsOf(terminateAgreement(draft(), "   ", "admin-1", now))).toEqual(["reason"]);
  });

  it("is in service while signed or active", () => {
    expect((["draft", "signed", "active", "fulfilled", "terminated", "closed"] as const).filter(inService)).toEqual(["signed", "active"]);
  });
});
