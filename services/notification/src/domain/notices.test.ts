import { describe, expect, it } from "vitest";
import { channelsFor, deliveriesOf, dispositionOf, localInstant, nextLocalTime, retryDelayMs } from "./delivery.js";
import { planNotices, type Names, type Team, type Trigger } from "./notices.js";
import { testRules, testRulesFile } from "./test-rules.js";
import fc from "fast-check";

const rules = testRules();
const names: Names = { item: (code) => ({ "ZRZY-YDGH": "建设用地规划许可证" })[code], department: (code) => ({ zrzy: "自然资源局" })[code] };
const team: Team = {
  projectId: "p1",
  projectName: "安康富硒食品深加工产业园项目",
  creditCode: "91610900MA70000010",
  stewardId: "steward-1",
  stewardName: "李管家",
  liaisons: new Map([["zrzy", { id: "zrzy-liaison", name: "自然资源联络员" }]]),
};
const trigger = (type: string, fields: Record<string, unknown>): Trigger => ({ type, sourceId: "e1", occurredAt: new Date("2026-03-02T02:00:00Z"), subjectId: "item-1", fields });
const supplement = trigger("routing.item.supplement_requested", { caseId: "c1", itemId: "item-1", itemCode: "ZRZY-YDGH", departmentCode: "zrzy", materials: ["规划总平面图", "土地权属证明"], reason: "图纸比例不符", dueOn: "" });

describe("planning notices", () => {
  it("tells the project's enterprise and steward of a 补正, with names for codes", () => {
    const notices = planNotices(supplement, team, rules, names);
    expect(notices.map((n) => [n.recipient, n.template, n.urgency])).toEqual([
      [{ kind: "enterprise", id: "91610900MA70000010" }, "supplement.enterprise", "prompt"],
      [{ kind: "steward", id: "steward-1" }, "supplement.steward", "digest"],
    ]);
    expect(notices[0]!.values).toMatchObject({ projectName: team.projectName, itemName: "建设用地规划许可证", departmentName: "自然资源局" });
  });

  it("leaves out whom it cannot resolve (no liaison yet, no steward) and tells a person once", () => {
    const red = trigger("routing.item.overdue", { caseId: "c1", itemId: "item-1", itemCode: "X-1", departmentCode: "sthj", committedDueOn: "2026-03-01" });
    expect(planNotices(red, team, rules, names).map((n) => n.recipient)).toEqual([{ kind: "department", id: "sthj" }]);
    expect(planNotices(supplement, { liaisons: new Map() }, rules, names)).toEqual([]);
    const toSelf = trigger("agreement.steward.assigned", { projectId: "p1", stewardId: "steward-1", previousStewardId: "steward-1", stewardName: "李管家", note: "" });
    expect(planNotices(toSelf, team, rules, names).map((n) => n.template)).toEqual(["handover.new"]);
  });

  it("takes a recipient's id from the field the rule names (the new and the previous steward of a hand-over)", () => {
    const handover = trigger("agreement.steward.assigned", { projectId: "p1", stewardId: "steward-2", previousStewardId: "steward-1", stewardName: "王管家", note: "交接" });
    expect(planNotices(handover, team, rules, names).map((n) => [n.recipient.id, n.template])).toEqual([
      ["steward-2", "handover.new"],
      ["steward-1", "handover.previous"],
    ]);
    const release = trigger("agreement.steward.assigned", { projectId: "p1", stewardId: "", previousStewardId: "steward-1", stewardName: "", note: "项目完成" });
    expect(planNotices(release, team, rules, names).map((n) => n.recipient.id)).toEqual(["steward-1"]);
  });
});

describe("channels", () => {
  const [toEnterprise, toSteward] = planNotices(supplement, team, rules, names);
  const red = planNotices(trigger("routing.item.overdue", { caseId: "c1", itemId: "i", itemCode: "ZRZY-YDGH", departmentCode: "zrzy", committedDueOn: "2026-03-01" }), team, rules, names);

  it("gives people the inbox always, and the channels they chose or their kind's default that they have an address for", () => {
    expect(channelsFor(toSteward!, undefined, testRulesFile.channels, new Set())).toEqual(["inbox"]); // no mobile number known
    expect(channelsFor(toSteward!, { channels: [], hasPhone: true, hasEmail: false }, testRulesFile.channels, new Set())).toEqual(["inbox", "sms"]);
    expect(channelsFor(toSteward!, { channels: ["email"], hasPhone: true, hasEmail: true }, testRulesFile.channels, new Set())).toEqual(["inbox", "email"]);
    // The enterprise's mobile number is intake's, looked up when sending.
    expect(channelsFor(toEnterprise!, undefined, testRulesFile.channels, new Set())).toEqual(["inbox", "sms"]);
  });

  it("reaches a department system by its registered webhook, and narrows to the rule's channels", () => {
    const department = red.find((n) => n.recipient.kind === "department")!;
    expect(channelsFor(department, undefined, testRulesFile.channels, new Set())).toEqual(["inbox"]);
    expect(channelsFor(department, undefined, testRulesFile.channels, new Set(["department:zrzy"]))).toEqual(["webhook", "inbox"]);
    expect(channelsFor({ ...department, channels: ["webhook"] }, undefined, testRulesFile.channels, new Set(["department:zrzy"]))).toEqual(["webhook"]);
    expect(channelsFor({ ...toSteward!, channels: ["inbox"] }, { channels: [], hasPhone: true, hasEmail: true }, testRulesFile.channels, new Set())).toEqual(["inbox"]);
  });
});

describe("when a delivery goes", () => {
  const schedule = testRulesFile.schedule;
  // Asia/Shanghai is UTC+8: 02:00Z is 10:00 local, 14:00Z is 22:00 local.
  const day = new Date("2026-03-02T02:00:00Z");
  const night = new Date("2026-03-02T14:00:00Z");
  const earlyMorning = new Date("2026-03-02T23:00:00Z"); // 07:00 local, 3 March

  it("sends urgent notices at once, day or night; prompt ones at once in the day; holds the rest for the morning digest", () => {
    expect(dispositionOf("sms", "urgent", night, schedule)).toEqual({ status: "pending" });
    expect(dispositionOf("sms", "prompt", day, schedule)).toEqual({ status: "pending" });
    expect(dispositionOf("sms", "prompt", night, schedule)).toEqual({ status: "held", digestDueAt: new Date("2026-03-03T00:30:00Z") });
    expect(dispositionOf("email", "digest", day, schedule)).toEqual({ status: "held", digestDueAt: new Date("2026-03-03T00:30:00Z") });
    expect(dispositionOf("sms", "prompt", earlyMorning, schedule)).toEqual({ status: "held", digestDueAt: new Date("2026-03-03T00:30:00Z") });
    expect(dispositionOf("inbox", "digest", night, schedule)).toEqual({ status: "delivered" });
    expect(dispositionOf("webhook", "prompt", night, schedule)).toEqual({ status: "pending" });
  });

  it("computes local times in Asia/Shanghai", () => {
    expect(nextLocalTime(new Date("2026-03-03T00:29:59Z"), "08:30")).toEqual(new Date("2026-03-03T00:30:00Z"));
    expect(nextLocalTime(new Date("2026-03-03T00:30:00Z"), "08:30")).toEqual(new Date("2026-03-04T00:30:00Z"));
    expect(localInstant("2026-10-09", "09:00")).toEqual(new Date("2026-10-09T01:00:00Z"));
  });

  it("renders each channel's text once per recipient and channel, keyed by the trigger", () => {
    const deliveries = deliveriesOf(planNotices(supplement, team, rules, names)[0]!, ["inbox", "sms"], "hanbin", rules.templates, schedule, day);
    expect(deliveries.map((d) => [d.channel, d.status, d.sourceId, d.templateVersion])).toEqual([
      ["inbox", "delivered", "e1", 3],
      ["sms", "pending", "e1", 3],
    ]);
    expect(deliveries[1]!.shortText).toBe("【项目管家】请补正规划总平面图、土地权属证明");
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(2);
  });

  it("backs off exponentially with jitter: between half and all of 1 s × 2^(n-1), capped at 10 minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempts, random) => {
        const ceiling = Math.min(1000 * 2 ** (attempts - 1), 600_000);
        const delay = retryDelayMs(attempts, () => random);
        return delay >= ceiling / 2 && delay <= ceiling;
      }),
    );
    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect(retryDelayMs(30, () => 0.999999)).toBe(600_000);
  });
});
