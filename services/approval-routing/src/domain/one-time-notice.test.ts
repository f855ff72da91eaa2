import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays } from "@steward/calendar";
import type { CaseItem } from "./case-item.js";
import { acceptItem, decideItem, recordSupplement, requestSupplement } from "./item-commands.js";
import { contextOn, officialSchedule, received, routedItem, seedRules, value } from "./test-items.js";

const normal = { mode: "normal" as const, missingMaterials: [], commitmentRef: "" };

/** An item received and accepted on `day`. */
const acceptedOn = (day: string, overrides: Partial<CaseItem> = {}) =>
  value(acceptItem(routedItem({ ...received(day, addWorkingDays(day, 5, officialSchedule).date), ...overrides }), normal, contextOn(day))).item;

describe("一次性告知: one 补正 round on the application, within 5 working days of receipt", () => {
  it("reads the window from the rules data: 5 working days, 行政许可法 §32", () => {
    expect(seedRules.oneTimeNotice.limit).toEqual({ value: 5, unit: "working_days" });
    expect(seedRules.oneTimeNotice.source).toContain("第三十二条");
    expect(seedRules.oneTimeNotice.source).toContain("第八十二条");
  });

  it("asks the round up to the fifth working day after receipt and refuses it the day after, naming the rule and the dates", () => {
    // Received Monday 2026-03-02: the fifth working day after it is Monday 03-09.
    const item = acceptedOn("2026-03-02");
    const asked = value(requestSupplement(item, { materials: ["用地红线图"], reason: "坐标有误" }, contextOn("2026-03-09")));
    expect(asked.item).toMatchObject({ state: "returned_for_correction", supplementRounds: 1 });
    expect(asked.steps[0]).toMatchObject({ action: "request_supplement", details: { round: 1, followUp: false, receivedOn: "2026-03-02", noticeDueOn: "2026-03-09" } });

    const late = requestSupplement(item, { materials: ["用地红线图"], reason: "坐标有误" }, contextOn("2026-03-10"));
    expect(!late.ok && late.error).toMatchObject({
      code: "failed_precondition",
      reason: "ONE_TIME_NOTICE_WINDOW_PASSED",
      metadata: { receivedOn: "2026-03-02", lastDay: "2026-03-09", today: "2026-03-10" },
    });
    expect(!late.ok && late.error.message).toMatch(/一次性告知 \(《行政许可法》第三十二条\).*received on 2026-03-02.*5 working days, by 2026-03-09; today is 2026-03-10/);
  });

  it("counts the window in working days across the National Day holidays and the make-up Saturday", () => {
    // Received Wednesday 2026-09-30; off 10-01..10-07, Saturday 10-10 is a working day: 10-08, 10-09, 10-10, 10-12, 10-13.
    const item = acceptedOn("2026-09-30");
    expect(requestSupplement(item, { materials: ["用地红线图"], reason: "" }, contextOn("2026-10-13")).ok).toBe(true);
    const late = requestSupplement(item, { materials: ["用地红线图"], reason: "" }, contextOn("2026-10-14"));
    expect(!late.ok && late.error.reason).toBe("ONE_TIME_NOTICE_WINDOW_PASSED");
  });

  it("takes a return of the application for correction as the round as well", () => {
    const item = acceptedOn("2026-03-02");
    const returned = value(decideItem(item, { decision: "return", reason: "报告结论不明确", documentRefs: [], openConsultations: 0 }, contextOn("2026-03-03")));
    expect(returned.item).toMatchObject({ state: "returned_for_correction", supplementRounds: 1 });
    const late = decideItem(item, { decision: "return", reason: "报告结论不明确", documentRefs: [], openConsultations: 0 }, contextOn("2026-03-10"));
    expect(!late.ok && late.error.reason).toBe("ONE_TIME_NOTICE_WINDOW_PASSED");
  });

  it("refuses a second round on materials a round already answered", () => {
    const item = { ...acceptedOn("2026-03-02"), receipts: [{ on: "2026-03-02", whole: true, materials: [], noticedOn: "2026-03-03" }] };
    const again = requestSupplement(item, { materials: ["用地红线图"], reason: "又发现问题" }, contextOn("2026-03-04"));
    expect(!again.ok && again.error).toMatchObject({ code: "failed_precondition", reason: "ONE_TIME_NOTICE_ALREADY_GIVEN" });
    expect(!again.ok && again.error.message).toContain("the 补正 round of 2026-03-03");
  });
});

describe("一次性告知: a follow-up round on what the resubmitted materials raised", () => {
  const materials = ["用地红线图", "建设项目用地预审与选址申请报告"];
  const resubmitted = () => {
    const waiting = value(requestSupplement(acceptedOn("2026-03-02"), { materials, reason: "坐标有误" }, contextOn("2026-03-03"))).item;
    return value(recordSupplement(waiting, { materials }, contextOn("2026-03-10"))).item;
  };

  it("asks it only on the resubmitted materials, with a reason, recorded as a follow-up round", () => {
    const item = resubmitted();
    expect(item.receipts.at(-1)).toEqual({ on: "2026-03-10", whole: false, materials });

    const outside = requestSupplement(item, { materials: ["项目选址示意图"], reason: "缺页" }, contextOn("2026-03-11"));
    expect(!outside.ok && outside.error).toMatchObject({ code: "failed_precondition", reason: "ONE_TIME_NOTICE_SCOPE" });
    expect(!outside.ok && outside.error.message).toContain("项目选址示意图 should have been listed in the first round");

    const silent = requestSupplement(item, { materials: ["用地红线图"], reason: " " }, contextOn("2026-03-11"));
    expect(!silent.ok && silent.error).toMatchObject({ code: "invalid_argument", violations: [{ field: "reason" }] });

    const followUp = value(requestSupplement(item, { materials: ["用地红线图"], reason: "重新提交的红线图坐标系不符" }, contextOn("2026-03-11")));
    expect(followUp.item.supplementRounds).toBe(2);
    expect(followUp.steps[0]).toMatchObject({ reason: "重新提交的红线图坐标系不符", details: { round: 2, followUp: true, receivedOn: "2026-03-10", noticeDueOn: "2026-03-17" } });
  });

  it("refuses it after the resubmission's own window", () => {
    const late = requestSupplement(resubmitted(), { materials: ["用地红线图"], reason: "坐标系不符" }, contextOn("2026-03-18"));
    expect(!late.ok && late.error).toMatchObject({ reason: "ONE_TIME_NOTICE_WINDOW_PASSED", metadata: { receivedOn: "2026-03-10", lastDay: "2026-03-17" } });
  });

  it("opens a window on 容缺 materials supplied after acceptance, for those materials only", () => {
    const accepted = value(
      acceptItem(routedItem(received("2026-03-02", "2026-03-09")), { mode: "tolerant", missingMaterials: ["项目选址示意图"], commitmentRef: "" }, contextOn("2026-03-02")),
    ).item;
    const supplied = value(recordSupplement(accepted, { materials: ["项目选址示意图"] }, contextOn("2026-03-12"))).item;
    const outside = requestSupplement(supplied, { materials: ["用地红线图"], reason: "缺页" }, contextOn("2026-03-13"));
    expect(!outside.ok && outside.error.reason).toBe("ONE_TIME_NOTICE_SCOPE");
    const asked = value(requestSupplement(supplied, { materials: ["项目选址示意图"], reason: "示意图比例尺错误" }, contextOn("2026-03-13")));
    expect(asked.steps[0]?.details).toMatchObject({ round: 1, followUp: true, receivedOn: "2026-03-12" });
  });
});

describe("一次性告知 over any sequence of rounds, resubmissions and days", () => {
  type Step = { kind: "ask"; materials: string[]; reason: string } | { kind: "resubmit"; materials: string[] } | { kind: "wait"; days: number };
  const material = fc.constantFrom("A", "B", "C");
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant("ask" as const), materials: fc.uniqueArray(material, { minLength: 1, maxLength: 3 }), reason: fc.constantFrom("", "理由") }),
    fc.record({ kind: fc.constant("resubmit" as const), materials: fc.uniqueArray(material, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 0, max: 9 }) }),
  );

  it("answers each receipt at most once, within its window, and a follow-up round only on what was received", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(step, { maxLength: 25 }), (offset, steps) => {
        const start = addDays("2026-01-05", offset);
        let item = acceptedOn(start);
        let day = start;
        let rounds = 0;
        for (const next of steps) {
          if (next.kind === "wait") {
            day = addDays(day, next.days);
            continue;
          }
          const context = contextOn(day);
          if (next.kind === "resubmit") {
            const back = recordSupplement(item, { materials: next.materials }, context);
            if (back.ok) item = back.value.item;
            continue;
          }
          const before = item;
          const asked = requestSupplement(item, { materials: next.materials, reason: next.reason }, context);
          if (!asked.ok) {
            expect(["ONE_TIME_NOTICE_WINDOW_PASSED", "ONE_TIME_NOTICE_SCOPE", "ONE_TIME_NOTICE_ALREADY_GIVEN", "CLOCK_ALREADY_PAUSED", "ITEM_STATE_CONFLICT", undefined]).toContain(asked.error.reason);
            continue;
          }
          rounds++;
          item = asked.value.item;
          const answered = item.receipts.filter((receipt, index) => receipt.noticedOn === day && before.receipts[index]?.noticedOn === undefined);
          expect(answered.length, "a round answers at least one receipt").toBeGreaterThan(0);
          for (const receipt of answered) expect(day <= addWorkingDays(receipt.on, 5, officialSchedule).date, `answered ${receipt.on} on ${day}`).toBe(true);
          const details = asked.value.steps[0]!.details as { followUp: boolean };
          if (details.followUp) {
            expect(next.reason.trim()).not.toBe("");
            const receivedMaterials = new Set(answered.flatMap((receipt) => receipt.materials));
            for (const requested of next.materials) expect(receivedMaterials.has(requested)).toBe(true);
          } else {
            expect(answered.some((receipt) => receipt.whole)).toBe(true);
          }
        }
        expect(item.supplementRounds).toBe(rounds);
        // A receipt is answered once at most (noticedOn never changes once set), never before it came.
        for (const receipt of item.receipts) if (receipt.noticedOn) expect(receipt.noticedOn >= receipt.on).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
