import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRules } from "./config.js";
import { planNotices, type Names, type Team, type Trigger } from "./domain/notices.js";
import { render } from "./domain/templates.js";

/**
 * The bundled rules and templates for a case's life after approval: completion, reopening (a
 * revoked approval on commitment, or a plan revision), completion again, deemed acceptance,
 * post-approval verification (审后核查) due / overdue / failed, and the bar on a false commitment.
 */
const rules = loadRules(fileURLToPath(new URL("../rules/notification-rules.json", import.meta.url)), fileURLToPath(new URL("../templates/zh-CN.json", import.meta.url)));
const names: Names = { item: (code) => ({ "STHJ-HPB": "建设项目环境影响评价审批" })[code], department: (code) => ({ sthj: "生态环境局" })[code] };
const team: Team = {
  projectId: "p1",
  projectName: "安康富硒茶饮料生产线",
  enterpriseName: "安康富硒茶业有限公司",
  creditCode: "91610902MA7000BB22",
  stewardId: "steward-1",
  stewardName: "李管家",
  liaisons: new Map([["sthj", { id: "sthj-liaison", name: "生态环境联络员" }]]),
};
const trigger = (type: string, fields: Record<string, unknown>): Trigger => ({ type, sourceId: "e1", occurredAt: new Date("2026-05-06T02:00:00Z"), subjectId: "c1", fields });
const completed = (completion: number) => trigger("routing.case.completed", { caseId: "c1", projectId: "p1", planId: "plan-1", projectName: team.projectName, itemCount: 3, completion });
const reopened = (cause: "revoked" | "revised", reason: string) =>
  trigger("routing.case.reopened", { caseId: "c1", projectId: "p1", planId: "plan-1", projectName: team.projectName, cause, reason, undoesCompletion: 1, itemId: "i1", itemCode: cause === "revoked" ? "STHJ-HPB" : "" });
const item = { caseId: "c1", itemId: "i1", itemCode: "STHJ-HPB", departmentCode: "sthj" };
/** Who hears of a trigger, and with which template. */
const told = (t: Trigger) => planNotices(t, team, rules, names).map((notice) => `${notice.recipient.kind}:${notice.template}`);
/** Each notice rendered, by recipient kind; no placeholder may be left. */
const rendered = (t: Trigger) =>
  new Map(
    planNotices(t, team, rules, names).map((notice) => {
      const message = render(rules.templates, notice.template, notice.values);
      expect(JSON.stringify(message), notice.template).not.toMatch(/\{\w+\}/);
      return [notice.recipient.kind, message] as const;
    }),
  );

describe("the bundled case notices", () => {
  it("announces a first completion as 全部办结 (events from before completions were numbered carry 0)", () => {
    for (const completion of [0, 1]) expect(told(completed(completion))).toEqual(["steward:case-completed.steward", "enterprise:case-completed.enterprise"]);
  });

  it("announces a completion after a reopening as a completion again, numbered, never a second plain 全部办结", () => {
    expect(told(completed(2))).toEqual(["steward:case-completed-again.steward", "enterprise:case-completed-again.enterprise", "admin:case-completed-again.admin"]);
    const first = rendered(completed(1));
    const again = rendered(completed(3));
    for (const kind of ["steward", "enterprise"] as const) {
      expect(again.get(kind)!.title).not.toBe(first.get(kind)!.title);
      expect(again.get(kind)!.body).toContain("第 3 次办结");
      expect(again.get(kind)!.sms).toContain("第3次办结");
    }
  });

  it("tells the steward and the administration that a completed case is open again, and why", () => {
    expect(told(reopened("revoked", "承诺内容与现场不符"))).toEqual(["steward:case-reopened.steward", "admin:case-reopened.admin"]);
    const notice = rendered(reopened("revoked", "承诺内容与现场不符"));
    expect(notice.get("steward")!.title).toBe("已办结项目重新打开");
    expect(notice.get("steward")!.body).toContain("安康富硒茶饮料生产线");
    expect(notice.get("steward")!.body).toContain("（审批被撤销）：承诺内容与现场不符");
    expect(notice.get("admin")!.body).toContain("第 1 次办结不再计入");
  });

  it("tells the enterprise of a reopening by plan revision; of a revocation it hears from the verification notice", () => {
    expect(told(reopened("revised", "新增事项 FGW-JN"))).toEqual(["steward:case-reopened.steward", "admin:case-reopened.admin", "enterprise:case-reopened.enterprise"]);
    expect(rendered(reopened("revised", "新增事项 FGW-JN")).get("enterprise")!.body).toContain("因代办计划调整已重新打开：新增事项 FGW-JN");
  });
});

describe("the bundled verification and acceptance notices", () => {
  const deemed = trigger("routing.item.deemed_accepted", { ...item, receivedOn: "2026-04-20", acceptanceDueOn: "2026-04-24", committedDueOn: "2026-05-22", deadlineProvisional: false });
  const verification = { ...item, commitmentRef: "CN-2026-301", verificationDueOn: "2026-06-30", deadlineProvisional: true };

  it("tells the department, its liaison and the enterprise that an item counts as accepted from its day of receipt", () => {
    expect(told(deemed)).toEqual(["department:item-deemed-accepted.department", "liaison:item-deemed-accepted.liaison", "enterprise:item-deemed-accepted.enterprise", "steward:item-deemed-accepted.steward"]);
    const enterprise = rendered(deemed).get("enterprise")!;
    expect(enterprise.body).toContain("建设项目环境影响评价审批");
    expect(enterprise.body).toContain("（2026-04-20）起视为受理，承诺办结日期 2026-05-22。");
  });

  it("tells the department and its liaison when a verification falls due, and the administration too when it is overdue", () => {
    expect(told(trigger("routing.item.verification_warned", verification))).toEqual(["department:verification-due.department", "liaison:verification-due.liaison"]);
    expect(rendered(trigger("routing.item.verification_warned", verification)).get("department")!.body).toContain("2026-06-30（节假日安排尚未公布，期限为暂定）前完成");
    expect(told(trigger("routing.item.verification_overdue", verification))).toEqual(["department:verification-overdue.department", "liaison:verification-overdue.liaison", "admin:verification-overdue.admin"]);
  });

  it("tells the enterprise and the steward when a verification fails and the approval is revoked, and nobody of other transitions", () => {
    const revoked = trigger("routing.item.transitioned", { ...item, action: "revoke", fromState: "approved", toState: "revoked", reason: "承诺内容与现场不符" });
    expect(told(revoked)).toEqual(["enterprise:verification-failed.enterprise", "steward:verification-failed.steward"]);
    expect(rendered(revoked).get("enterprise")!.sms).toContain("审后核查未通过，审批已撤销：承诺内容与现场不符");
    expect(told(trigger("routing.item.transitioned", { ...item, action: "resume_clock", fromState: "in_review", toState: "in_review", reason: "" }))).toEqual([]);
  });

  it("tells a barred enterprise once: from the region of the revoked item, not from every region that records the bar", () => {
    const bar = { creditCode: team.creditCode, originRegion: "hanbin", originItemId: "i1", itemCode: "STHJ-HPB", revokedOn: "2026-05-06", barredThrough: "2026-11-05", reason: "承诺内容与现场不符", modes: ["commitment", "tolerant"] };
    const here = trigger("routing.enterprise.barred", { ...bar, caseId: "c1" });
    expect(told(here)).toEqual(["enterprise:enterprise-barred.enterprise", "steward:enterprise-barred.steward"]);
    expect(rendered(here).get("enterprise")!.body).toContain("至 2026-11-05（含）不得以告知承诺、容缺受理方式申请");
    expect(planNotices(trigger("routing.enterprise.barred", { ...bar, caseId: "" }), { liaisons: new Map() }, rules, names)).toEqual([]);
  });
});
