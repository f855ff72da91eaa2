import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldsOf, refusal, value } from "../testing/results.js";
import { draftAgreement, inService, type Agreement, type AgreementStatus } from "./agreement.js";
import { assignSteward, releaseSteward, retireSteward, suggestStewards, type Steward } from "./stewards.js";

const now = new Date("2026-03-02T02:00:00Z");
const agreement = (overrides: Partial<Agreement> = {}): Agreement => ({
  ...draftAgreement("hanbin", { projectId: "p-1", projectName: "富硒食品产业园", enterpriseId: "e-1", enterpriseName: "企业", creditCode: "91610900MA70000010", keyProject: true }, now),
  status: "active",
  ...overrides,
});
const steward = (id: string, overrides: Partial<Steward> = {}): Steward => ({ id, name: id, active: true, workload: 0, keyProjectWorkload: 0, ...overrides });

describe("the steward suggestion", () => {
  it("ranks active stewards by fewest projects in service, then fewest key projects, then name", () => {
    const ranked = suggestStewards([
      steward("s-busy", { name: "赵", workload: 5 }),
      steward("s-keys", { name: "钱", workload: 2, keyProjectWorkload: 2 }),
      steward("s-retired", { name: "孙", active: false }),
      steward("s-light", { name: "李", workload: 2, keyProjectWorkload: 0 }),
      steward("s-idle", { name: "周", workload: 0 }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(["s-idle", "s-light", "s-keys", "s-busy"]);
  });
});

describe("assigning and handing over the steward", () => {
  it("assigns the first steward without a note", () => {
    expect(value(assignSteward(agreement({ status: "signed" }), steward("s-1", { name: "张管家" }), ""))).toEqual({ agreement: expect.objectContaining({ stewardId: "s-1", stewardName: "张管家" }) });
  });

  it("hands over with a note, naming the previous steward", () => {
    const held = agreement({ stewardId: "s-1", stewardName: "张管家" });
    expect(fieldsOf(assignSteward(held, steward("s-2"), "  "))).toEqual(["note"]);
    expect(value(assignSteward(held, steward("s-2", { name: "李管家" }), "移交全部在办事项"))).toEqual({ agreement: expect.objectContaining({ stewardId: "s-2", stewardName: "李管家" }), previous: { id: "s-1", name: "张管家" } });
  });

  it("refuses an unknown or retired steward, the current one again, and an ended agreement", () => {
    expect(refusal(assignSteward(agreement(), undefined, "")).violations).toEqual([expect.objectContaining({ field: "steward_id" })]);
    expect(refusal(assignSteward(agreement(), steward("s-1", { active: false }), "")).violations).toEqual([expect.objectContaining({ field: "steward_id" })]);
    expect(refusal(assignSteward(agreement({ stewardId: "s-1" }), steward("s-1"), "again")).reason).toBe("ALREADY_ASSIGNED");
    for (const status of ["fulfilled", "terminated"] as const) expect(refusal(assignSteward(agreement({ status }), steward("s-1"), "")).reason).toBe("AGREEMENT_STATE_CONFLICT");
    expect(refusal(assignSteward(agreement(), steward("s-1"), "x".repeat(2001))).violations).toEqual([expect.objectContaining({ field: "note" })]);
  });
});

describe("every key project in service keeps a steward", () => {
  const statuses: AgreementStatus[] = ["draft", "signed", "active", "fulfilled", "terminated"];

  it("no release leaves a key project in service without one (any project, any state)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.boolean(), fc.boolean(), (status, keyProject, held) => {
        const current = agreement({ status, keyProject, ...(held ? { stewardId: "s-1", stewardName: "张" } : {}) });
        const released = releaseSteward(current, "调岗");
        if (released.ok) {
          expect(released.value.stewardId).toBeUndefined();
          expect(keyProject && inService(status)).toBe(false);
        } else {
          expect(refusal(released).reason).toBe(held ? "KEY_PROJECT_NEEDS_STEWARD" : "NO_STEWARD");
        }
      }),
    );
  });

  it("a release of an ordinary project or an ended key project names a reason", () => {
    expect(value(releaseSteward(agreement({ keyProject: false, stewardId: "s-1" }), "调岗")).stewardId).toBeUndefined();
    expect(value(releaseSteward(agreement({ status: "fulfilled", stewardId: "s-1" }), "项目完成")).stewardId).toBeUndefined();
    expect(refusal(releaseSteward(agreement({ keyProject: false, stewardId: "s-1" }), " ")).violations).toEqual([expect.objectContaining({ field: "reason" })]);
  });

  it("a steward holding a key project in service is not retired; one without is", () => {
    expect(refusal(retireSteward(steward("s-1", { workload: 3, keyProjectWorkload: 1 }), "退休"))).toMatchObject({ reason: "KEY_PROJECT_NEEDS_STEWARD" });
    expect(value(retireSteward(steward("s-1", { workload: 3, keyProjectWorkload: 0 }), "退休"))).toMatchObject({ id: "s-1", active: false });
    expect(refusal(retireSteward(undefined, "退休")).violations).toEqual([expect.objectContaining({ field: "steward_id" })]);
    expect(refusal(retireSteward(steward("s-1"), "")).violations).toEqual([expect.objectContaining({ field: "reason" })]);
  });
});
