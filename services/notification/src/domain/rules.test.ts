import { describe, expect, it } from "vitest";
import { checkRules, compileRules, inQuietHours, ruleApplies, RulesError, type Rule } from "./rules.js";
import { testRulesFile, testSchemas, testTemplates } from "./test-rules.js";

const builtIn = [{ template: "digest", trigger: "notification.digest" }];
const withTemplate = (name: string, body: string) => ({ ...testTemplates, templates: { ...testTemplates.templates, [name]: { title: "标题", body } } });

describe("rules and templates, checked together at start", () => {
  it("accepts a consistent set and indexes its rules by trigger", () => {
    const compiled = compileRules(testRulesFile, testTemplates, testSchemas, builtIn);
    expect(compiled.byTrigger.get("routing.item.overdue")?.map((r) => r.id)).toEqual(["red"]);
  });

  it("refuses a template naming a field its event does not have, naming the template, the variable and the event", () => {
    const problems = checkRules(testRulesFile, withTemplate("red.department", "时限 {committedDueOn}，企业电话 {contactPhone}"), testSchemas, builtIn);
    expect(problems).toEqual(["template red.department (rule red notify[0]): {contactPhone} is not a field of routing.item.overdue"]);
    expect(() => compileRules(testRulesFile, withTemplate("red.department", "{contactPhone}"), testSchemas, builtIn)).toThrow(RulesError);
  });

  it("refuses unknown triggers, conditions and recipient fields, missing templates, impossible channels and a digest in the quiet hours", () => {
    const rules: Rule[] = [
      { id: "a", on: "routing.item.teleported", notify: [{ recipient: "steward", template: "red.liaison", urgency: "urgent" }] },
      { id: "b", on: "routing.item.overdue", when: { colour: ["red"] }, notify: [{ recipient: "steward", from: "ownerId", template: "nope", urgency: "urgent", channels: ["webhook"] }] },
      { id: "b", on: "agreement.steward.assigned", notify: [{ recipient: "liaison", template: "handover.new", urgency: "prompt" }] },
    ];
    const problems = checkRules({ ...testRulesFile, rules, schedule: { ...testRulesFile.schedule, digestAt: "07:00" } }, testTemplates, testSchemas, builtIn);
    expect(problems).toEqual([
      "rule a: no trigger routing.item.teleported",
      "rule b: condition on colour, which routing.item.overdue does not have",
      "rule b notify[0]: from ownerId, which routing.item.overdue does not have",
      "rule b notify[0]: a steward cannot be reached by webhook",
      "rule b notify[0]: template nope is missing",
      "rule b: the id is used twice",
      'rule b notify[0]: agreement.steward.assigned has no departmentCode; name the field holding the department with "from"',
      "schedule.digestAt 07:00 lies in the quiet hours",
    ]);
  });

  it("checks the templates the code renders by name (the digest)", () => {
    const templates = withTemplate("digest", "{count} 条：{recipientPhone}");
    expect(checkRules(testRulesFile, templates, testSchemas, builtIn)).toEqual(["template digest: {recipientPhone} is not a field of notification.digest"]);
  });

  it("tells quiet hours across midnight and within a day", () => {
    const night = { from: "21:00", to: "08:00" };
    expect([20 * 60 + 59, 21 * 60, 0, 7 * 60 + 59, 8 * 60].map((minute) => inQuietHours(minute, night))).toEqual([false, true, true, true, false]);
    expect([12 * 60 - 1, 12 * 60, 13 * 60].map((minute) => inQuietHours(minute, { from: "12:00", to: "13:00" }))).toEqual([false, true, false]);
    expect(inQuietHours(3 * 60, { from: "00:00", to: "00:00" })).toBe(false);
  });

  it("applies a rule when every condition holds", () => {
    const rule: Rule = { id: "x", on: "t", when: { action: ["suspend", "return_late"], bad: [true] }, notify: [] as never };
    expect(ruleApplies(rule, { action: "suspend", bad: true })).toBe(true);
    expect(ruleApplies(rule, { action: "suspend", bad: false })).toBe(false);
    expect(ruleApplies(rule, { action: "resume", bad: true })).toBe(false);
  });

  it("does not apply a rule when an exclusion holds", () => {
    const rule: Rule = { id: "x", on: "routing.case.completed", unless: { completion: [0, 1] }, notify: [] as never };
    expect([0, 1, 2, 3].map((completion) => ruleApplies(rule, { completion }))).toEqual([false, false, true, true]);
  });

  it("refuses an exclusion on a field the trigger does not have", () => {
    const file = { ...testRulesFile, rules: testRulesFile.rules.map((r) => (r.id === "red" ? { ...r, unless: { colour: ["red"] } } : r)) };
    expect(checkRules(file, testTemplates, testSchemas, builtIn)).toEqual(["rule red: condition on colour, which routing.item.overdue does not have"]);
  });
});
