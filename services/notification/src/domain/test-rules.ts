import type { CompiledRules, RulesFile, TriggerSchema } from "./rules.js";
import { compileRules } from "./rules.js";
import type { TemplateSet } from "./templates.js";

/** A small rule set for the domain's tests (the bundled one is checked in config.test.ts). */
export const testTemplates: TemplateSet = {
  locale: "zh-CN",
  version: 3,
  labels: { mode: { tolerant: "容缺受理" }, noApplication: { true: "免申即享", false: "需申请" } },
  templates: {
    "supplement.enterprise": { title: "请补正：{itemName}", body: "项目“{projectName}”需补正：{materials}。", sms: "请补正{materials}" },
    "supplement.steward": { title: "企业需补正：{itemName}", body: "{departmentName}要求补正。" },
    "red.department": { title: "红灯：{itemName}", body: "承诺时限 {committedDueOn}" },
    "red.liaison": { title: "红灯：{itemName}", body: "请督办，时限 {committedDueOn}" },
    "handover.new": { title: "您已接手{projectName}", body: "{note}" },
    "handover.previous": { title: "项目已交接", body: "{stewardName}" },
    digest: { title: "通知汇总（{count} 条）", body: "{lines}", sms: "您有{count}条通知：{shortLines}" },
  },
};

export const testSchemas: ReadonlyMap<string, TriggerSchema> = new Map([
  ["routing.item.supplement_requested", { fields: new Set(["caseId", "itemId", "itemCode", "departmentCode", "materials", "reason", "dueOn"]), context: new Set(["projectName", "itemName", "departmentName"]) }],
  ["routing.item.overdue", { fields: new Set(["caseId", "itemId", "itemCode", "departmentCode", "committedDueOn"]), context: new Set(["projectName", "itemName", "departmentName"]) }],
  ["agreement.steward.assigned", { fields: new Set(["projectId", "stewardId", "stewardName", "previousStewardId", "note"]), context: new Set(["projectName"]) }],
  ["notification.digest", { fields: new Set(["count", "lines", "shortLines"]), context: new Set() }],
]);

export const testRulesFile: RulesFile = {
  version: 7,
  source: "tests",
  schedule: { timeZone: "Asia/Shanghai", quietHours: { from: "21:00", to: "08:00" }, digestAt: "08:30", remindAt: "09:00" },
  channels: {
    steward: ["inbox", "sms"],
    liaison: ["inbox", "sms"],
    enterprise: ["inbox", "sms"],
    department: ["webhook", "inbox"],
    admin: ["inbox", "email"],
    joint_meeting: ["inbox", "email"],
    hotline: ["webhook"],
  },
  reminders: { source: "tests", tracks: { supplement: [{ level: "blue", workingDaysBefore: 3 }, { level: "orange", workingDaysBefore: 1 }], item: [{ level: "blue", shareElapsed: 0.5 }], consultation: [] } },
  followUps: { source: "tests", inviteOn: ["routing.item.overdue"], reinviteAfterDays: 3, invitationValidDays: 30, rectificationWorkingDays: { "1": 5, "2": 10 } },
  policies: { source: "tests", scaleBands: [{ name: "small", belowWanYuan: 5000 }, { name: "medium", belowWanYuan: 50000 }, { name: "large", belowWanYuan: null }] },
  rules: [
    {
      id: "supplement",
      on: "routing.item.supplement_requested",
      notify: [
        { recipient: "enterprise", template: "supplement.enterprise", urgency: "prompt" },
        { recipient: "steward", template: "supplement.steward", urgency: "digest" },
      ],
    },
    {
      id: "red",
      on: "routing.item.overdue",
      notify: [
        { recipient: "department", template: "red.department", urgency: "urgent" },
        { recipient: "liaison", template: "red.liaison", urgency: "urgent" },
      ],
    },
    {
      id: "handover",
      on: "agreement.steward.assigned",
      notify: [
        { recipient: "steward", from: "stewardId", template: "handover.new", urgency: "prompt" },
        { recipient: "steward", from: "previousStewardId", template: "handover.previous", urgency: "prompt" },
      ],
    },
  ],
};

export const testRules = (): CompiledRules => compileRules(testRulesFile, testTemplates, testSchemas, [{ template: "digest", trigger: "notification.digest" }]);
