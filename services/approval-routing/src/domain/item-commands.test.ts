import { describe, expect, it } from "vitest";
import type { CaseItem } from "./case-item.js";
import { elapsedWorkingDays } from "./clock.js";
import {
  acceptItem,
  decideItem,
  extendItem,
  pauseClock,
  recordSupplement,
  recordVerification,
  requestSupplement,
  resumeClock,
  returnLateItem,
  suspendItem,
} from "./item-commands.js";
import { contextOn, officialSchedule, routedItem, value } from "./test-items.js";

const normal = { mode: "normal" as const, missingMaterials: [], commitmentRef: "" };

describe("acceptance", () => {
  it("starts the clocks on acceptance across the 2026 Spring Festival, 调休 included", () => {
    // Accepted Thursday 2026-02-12; the festival runs 02-15..02-23 and Saturday 02-14 is a working day.
    const { item, steps } = value(acceptItem(routedItem(), normal, contextOn("2026-02-12")));
    expect(steps.map((step) => `${step.from}->${step.to}`)).toEqual(["routed->accepted", "accepted->in_review"]);
    // 02-13, 02-14 (调休), 02-24..02-27, 02-28 (调休), 03-02, 03-03, 03-04: ten working days.
    expect(item.committedDue).toEqual({ date: "2026-03-04", provisional: false });
    expect(item.statutoryDue).toEqual({ date: "2026-03-18", provisional: false });
    expect(item.warnOn).toBe("2026-03-03");
  });

  it("refuses a mode the catalogue does not allow, and core materials missing under 容缺", () => {
    const refused = acceptItem(routedItem({ modes: ["normal"] }), { ...normal, mode: "tolerant" }, contextOn("2026-03-02"));
    expect(!refused.ok && refused.error.violations?.[0]?.field).toBe("mode");
    const core = acceptItem(routedItem(), { mode: "tolerant", missingMaterials: ["建设项目用地预审申请表"], commitmentRef: "" }, contextOn("2026-03-02"));
    expect(!core.ok && core.error.violations?.[0]).toMatchObject({ field: "missing_materials[0]" });
  });

  it("approves a 告知承诺 item on the commitment and opens its verification", () => {
    const { item } = value(acceptItem(routedItem(), { mode: "commitment", missingMaterials: [], commitmentRef: "CN-2026-001" }, contextOn("2026-03-02")));
    expect(item.state).toBe("approved");
    expect(item.verificationOpen).toBe(true);
    expect(item.verificationDue?.date).toBe("2026-03-30");
    const revoked = value(recordVerification(item, { commitmentTrue: false, reason: "承诺不实" }, contextOn("2026-03-10")));
    expect(revoked.item.state).toBe("revoked");
  });
});

describe("容缺", () => {
  const accepted = () => value(acceptItem(routedItem(), { mode: "tolerant", missingMaterials: ["项目选址示意图"], commitmentRef: "" }, contextOn("2026-03-02"))).item;

  it("owes the missing materials by the supplement deadline and cannot be approved before", () => {
    const item = accepted();
    expect(item.outstandingMaterials).toEqual(["项目选址示意图"]);
    expect(item.supplementDue?.date).toBe("2026-03-09");
    const approve = decideItem(item, { decision: "approve", reason: "", documentRefs: [], openConsultations: 0 }, contextOn("2026-03-03"));
    expect(!approve.ok && approve.error.code).toBe("failed_precondition");
  });

  it("stops the item when late, and returns it after the configured working days", () => {
    const suspended = value(suspendItem(accepted(), contextOn("2026-03-10"))).item;
    expect(suspended.state).toBe("suspended");
    expect(suspended.returnOn?.date).toBe("2026-03-31");
    const returned = value(returnLateItem(suspended, contextOn("2026-04-01"))).item;
    expect(returned.state).toBe("returned");
  });

  it("resumes review when the materials arrive during the suspension, the stop not counted", () => {
    const suspended = value(suspendItem(accepted(), contextOn("2026-03-10"))).item;
    const resumed = value(recordSupplement(suspended, { materials: ["项目选址示意图"] }, contextOn("2026-03-12"))).item;
    expect(resumed.state).toBe("in_review");
    // Ten committed working days from 03-02, plus the three days stopped (03-10..03-12).
    expect(resumed.committedDue?.date).toBe("2026-03-19");
  });
});

describe("补正 and excluded periods", () => {
  const inReview = () => value(acceptItem(routedItem(), normal, contextOn("2026-03-02"))).item;

  it("pauses the clock while the applicant corrects, and counts from where it stopped", () => {
    const returned = value(requestSupplement(inReview(), { materials: ["用地红线图"], reason: "坐标缺失" }, contextOn("2026-03-04"))).item;
    expect(returned.state).toBe("returned_for_correction");
    const back = value(recordSupplement(returned, { materials: ["用地红线图"] }, contextOn("2026-03-11"))).item;
    expect(back.state).toBe("resubmitted");
    // 03-05..03-11 did not count: the 10 working days end a week later than without 补正.
    expect(back.committedDue?.date).toBe("2026-03-23");
    expect(elapsedWorkingDays(back, officialSchedule, "2026-03-12")).toBe(3);
  });

  it("pauses only for a period the item's law excludes", () => {
    const refused = pauseClock(inReview(), { kind: "hearing", reason: "" }, contextOn("2026-03-03"));
    expect(!refused.ok && refused.error.violations?.[0]?.field).toBe("kind");
    const paused = value(pauseClock(inReview(), { kind: "expert_review", reason: "专家评审" }, contextOn("2026-03-03"))).item;
    const resumed = value(resumeClock(paused, contextOn("2026-03-06"))).item;
    expect(resumed.committedDue?.date).toBe("2026-03-19");
  });

  it("extends the committed deadline and re-arms the lights", () => {
    const item: CaseItem = { ...inReview(), warnedAt: new Date("2026-03-12T00:00:00Z") };
    const extended = value(extendItem(item, 5, "联席会议同意延期", contextOn("2026-03-13"))).item;
    expect(extended.committedDue?.date).toBe("2026-03-23");
    expect(extended.warnedAt).toBeUndefined();
  });
});

describe("provisional deadlines", () => {
  it("marks a deadline in an unpublished year provisional", () => {
    const { item } = value(acceptItem(routedItem(), normal, contextOn("2026-12-24")));
    // 2027's holidays are not published: New Year's Day counts as a working day, provisionally.
    expect(item.committedDue).toEqual({ date: "2027-01-07", provisional: true });
  });
});

describe("fixes found by the integration tests", () => {
  const tolerant = () => value(acceptItem(routedItem(), { mode: "tolerant", missingMaterials: ["项目选址示意图"], commitmentRef: "" }, contextOn("2026-03-02"))).item;

  it("keeps the 容缺 material owed through a 补正 or a return", () => {
    const corrected = value(requestSupplement(tolerant(), { materials: ["用地红线图"], reason: "坐标缺失" }, contextOn("2026-03-03"))).item;
    expect(corrected.outstandingMaterials).toEqual(["项目选址示意图", "用地红线图"]);
    const returned = value(decideItem(tolerant(), { decision: "return", reason: "退回", documentRefs: [], openConsultations: 0 }, contextOn("2026-03-03"))).item;
    expect(returned.outstandingMaterials).toEqual(["项目选址示意图"]);
  });

  it("keeps a returned item's clock stopped until the materials come back", () => {
    const suspended = value(suspendItem(tolerant(), contextOn("2026-03-10"))).item;
    const returned = value(returnLateItem(suspended, contextOn("2026-04-01"))).item;
    expect(returned.pauses).toEqual([{ kind: "suspension", from: "2026-03-10" }]);
    const back = value(recordSupplement(returned, { materials: ["项目选址示意图"] }, contextOn("2026-04-15"))).item;
    expect(back.state).toBe("resubmitted");
    expect(elapsedWorkingDays(back, officialSchedule, "2026-04-15")).toBe(5);
  });

  it("suspends no item while an excluded period stops its clock", () => {
    const paused = value(pauseClock(tolerant(), { kind: "expert_review", reason: "专家评审" }, contextOn("2026-03-03"))).item;
    const refused = suspendItem(paused, contextOn("2026-03-10"));
    expect(!refused.ok && refused.error.code).toBe("failed_precondition");
  });

  it("re-arms the yellow light when a pause moves the deadline", () => {
    // Committed 3 working days from 03-02: due 03-05, yellow light 03-04, inside the 一次性告知 window.
    const accepted = value(acceptItem(routedItem({ committedLimit: { value: 3, unit: "working_days" } }), normal, contextOn("2026-03-02"))).item;
    expect(accepted.warnOn).toBe("2026-03-04");
    const warned: CaseItem = { ...accepted, warnedAt: new Date("2026-03-04T02:00:00Z") };
    const waiting = value(requestSupplement(warned, { materials: ["用地红线图"], reason: "" }, contextOn("2026-03-04"))).item;
    // Paused 03-05..03-11 (five working days): due 03-12, the yellow light due 03-11 again.
    const back = value(recordSupplement(waiting, { materials: ["用地红线图"] }, contextOn("2026-03-11"))).item;
    expect(back.committedDue?.date).toBe("2026-03-12");
    expect(back.warnOn).toBe("2026-03-11");
    expect(back.warnedAt).toBeUndefined();
  });
});
