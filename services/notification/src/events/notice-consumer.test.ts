import { randomUUID } from "node:crypto";
import { eventPayloadsV1 } from "@steward/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestRound } from "../commands/digests.js";
import { invitationOf, recordCallBack, recordRectified, reinvitationRound, submitReview } from "../commands/follow-ups.js";
import { upsertPolicyCommand } from "../commands/policies.js";
import { registerEndpointCommand, setPreferencesCommand } from "../commands/preferences.js";
import { reminderRound } from "../commands/reminders.js";
import { resolveStrandedRound } from "../commands/stranded.js";
import { eventOf, notificationTestBed, projectStory, type NotificationTestBed } from "../test-harness.js";
import { createLogger } from "@steward/platform/logging";

const { SupplementRequested, ItemRouted, ItemDeadlineAlert, ItemAccepted, ItemTransitioned, CaseCompleted, ItemDecided, ProjectUpdated } = eventPayloadsV1;
const admin = { role: "admin", subject: "county-admin" };
const logger = createLogger({ service: "notification", region: "test", level: "silent" });

let bed: NotificationTestBed;
beforeAll(async () => {
  bed = await notificationTestBed("consumer");
  // The steward wants SMS; the admin office reads e-mail; the natural-resources department's system takes webhooks.
  await setPreferencesCommand(bed.deps, { role: "steward", subject: "steward-1" }, { kind: "steward", id: "steward-1" }, { phone: "13900000001", email: "", channels: [] });
  await setPreferencesCommand(bed.deps, admin, { kind: "admin", id: "" }, { phone: "", email: "duty@hanbin.gov.cn", channels: ["email"] });
  await registerEndpointCommand(bed.deps, admin, { kind: "department", id: "zrzy" }, "https://zrzy.example.gov.cn/steward");
});
afterAll(async () => bed?.close());

interface Row {
  recipient: string;
  channel: string;
  template: string;
  status: string;
  source_id: string;
  short_text: string;
  digest_id: string | null;
}

const deliveriesOf = async (where: { source?: string; template?: string } = {}) =>
  bed.sql<Row[]>`
    select recipient, channel, template, status, source_id, short_text, digest_id from deliveries
    where region = ${bed.region}
      ${where.source ? bed.sql`and source_id = ${where.source}` : bed.sql``}
      ${where.template ? bed.sql`and template like ${`${where.template}%`}` : bed.sql``}
    order by recipient, channel, template, status, source_id`;
// The summaries are compared as lists, so the order above must be total over what they show:
// one recipient and channel often holds several notices (held ones, the digest, an urgent one).
const summary = (rows: Row[]) => rows.map((row) => `${row.recipient} ${row.channel} ${row.template} ${row.status}`);

const item = (caseId: string, itemId = randomUUID()) => ({ caseId, itemId, itemCode: "ZRZY-YDGH", departmentCode: "zrzy" });

describe("the notice consumer", () => {
  it("tells the enterprise and the steward of a 补正 on their channels, once, however often the event comes", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    await bed.handle(...projectStory(bed, { projectId, caseId }));
    const request = eventOf(bed.region, { $case: "supplementRequested", value: SupplementRequested.fromPartial({ ...item(caseId), materials: ["规划总平面图"], reason: "比例不符" }) }, bed.clock.now);
    await bed.handle(request);
    await bed.handle(request);
    await bed.handle(request, request);

    const rows = await deliveriesOf({ source: request.id });
    expect(summary(rows)).toEqual([
      "enterprise:91610900MA70000010 inbox supplement-requested.enterprise delivered",
      "enterprise:91610900MA70000010 sms supplement-requested.enterprise pending",
      "steward:steward-1 inbox supplement-requested.steward delivered",
      "steward:steward-1 sms supplement-requested.steward pending",
    ]);
    expect(rows.find((row) => row.channel === "sms" && row.recipient.startsWith("enterprise"))?.short_text).toBe("【项目管家】项目“安康富硒食品深加工产业园项目”的“建设用地规划许可证”需补正：规划总平面图。原因：比例不符。");
    const inbox = await bed.sql`select owner, title from inbox_messages where region = ${bed.region} and id in (select id from deliveries where source_id = ${request.id}) order by owner`;
    expect(inbox.map((row) => [row.owner, row.title])).toEqual([
      ["enterprise:91610900MA70000010", "请补正材料：建设用地规划许可证"],
      ["steward:steward-1", "企业需补正材料：建设用地规划许可证"],
    ]);
  });

  it("keeps routing's events until agreement tells the case's project, then tells the department and its liaison", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    const routed = eventOf(bed.region, { $case: "itemRouted", value: ItemRouted.fromPartial(item(caseId)) }, bed.clock.now);
    // routing.item.routed is published before agreement learns the case from SubmitPlan's answer.
    await bed.handle(...projectStory(bed, { projectId, caseId }).slice(0, 3), routed);
    expect(await deliveriesOf({ source: routed.id })).toEqual([]);
    expect((await bed.sql`select count(*)::int as n from parked_events where region = ${bed.region} and case_id = ${caseId}`)[0]!.n).toBe(1);

    await bed.handle(projectStory(bed, { projectId, caseId })[3]!);
    expect(summary(await deliveriesOf({ source: routed.id }))).toEqual([
      "department:zrzy inbox item-routed.department delivered",
      "department:zrzy webhook item-routed.department pending",
      "liaison:zrzy-liaison inbox item-routed.liaison delivered",
    ]);
    expect((await bed.sql`select count(*)::int as n from parked_events where region = ${bed.region} and case_id = ${caseId}`)[0]!.n).toBe(0);
  });

  it("asks routing for the project of a case the bus never explained", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    await bed.handle(...projectStory(bed, { projectId, caseId }).slice(0, 3));
    const red = eventOf(bed.region, { $case: "itemOverdue", value: ItemDeadlineAlert.fromPartial({ ...item(caseId), committedDueOn: "2026-09-25" }) }, bed.clock.now);
    await bed.handle(red);
    const asked: string[] = [];
    const projectOfCase = async (id: string) => (asked.push(id), id === caseId ? projectId : undefined);
    expect(await resolveStrandedRound(bed.deps, projectOfCase, logger)).toBe(0); // not stranded long enough yet
    bed.clock.now = new Date(bed.clock.now.getTime() + 60_000);
    expect(await resolveStrandedRound(bed.deps, projectOfCase, logger)).toBe(1);
    expect(asked).toContain(caseId);
    expect(summary(await deliveriesOf({ source: red.id }))).toEqual([
      "admin: email red-light.admin pending",
      "admin: inbox red-light.admin delivered",
      "department:zrzy inbox red-light.department delivered",
      "department:zrzy webhook red-light.department pending",
      "liaison:zrzy-liaison inbox red-light.liaison delivered",
      "steward:steward-1 inbox red-light.steward delivered",
      "steward:steward-1 sms red-light.steward pending",
    ]);
  });
});

describe("quiet hours and the morning digest", () => {
  it("holds prompt and digest SMS at night for one morning digest per recipient and channel; urgent ones go at once", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    bed.clock.now = new Date("2026-09-28T14:30:00Z"); // 22:30 in Beijing
    await bed.handle(...projectStory(bed, { projectId, caseId, creditCode: "91610902MA70000011", stewardId: "steward-night" }));
    await setPreferencesCommand(bed.deps, admin, { kind: "steward", id: "steward-night" }, { phone: "13900000002", email: "", channels: [] });
    const first = eventOf(bed.region, { $case: "supplementRequested", value: SupplementRequested.fromPartial({ ...item(caseId), materials: ["甲"], reason: "一" }) }, bed.clock.now);
    const second = eventOf(bed.region, { $case: "supplementRequested", value: SupplementRequested.fromPartial({ ...item(caseId), materials: ["乙"], reason: "二" }) }, bed.clock.now);
    const red = eventOf(bed.region, { $case: "itemOverdue", value: ItemDeadlineAlert.fromPartial({ ...item(caseId), committedDueOn: "2026-09-25" }) }, bed.clock.now);
    await bed.handle(first, second, red);
    const sms = async () =>
      (await deliveriesOf()).filter((row) => row.channel === "sms" && (row.recipient === "steward:steward-night" || row.recipient === "enterprise:91610902MA70000011") && !row.template.startsWith("steward-assigned"));
    expect(summary(await sms())).toEqual([
      "enterprise:91610902MA70000011 sms supplement-requested.enterprise held",
      "enterprise:91610902MA70000011 sms supplement-requested.enterprise held",
      "steward:steward-night sms red-light.steward pending",
      "steward:steward-night sms supplement-requested.steward held",
      "steward:steward-night sms supplement-requested.steward held",
    ]);

    bed.clock.now = new Date("2026-09-29T00:29:00Z"); // 08:29: not yet
    expect(await digestRound(bed.deps)).toBe(0);
    bed.clock.now = new Date("2026-09-29T00:30:00Z");
    expect(await digestRound(bed.deps)).toBeGreaterThanOrEqual(2);
    expect(await digestRound(bed.deps)).toBe(0);
    const after = await sms();
    expect(summary(after)).toEqual([
      "enterprise:91610902MA70000011 sms digest pending",
      "enterprise:91610902MA70000011 sms supplement-requested.enterprise digested",
      "enterprise:91610902MA70000011 sms supplement-requested.enterprise digested",
      "steward:steward-night sms digest pending",
      "steward:steward-night sms red-light.steward pending",
      "steward:steward-night sms supplement-requested.steward digested",
      "steward:steward-night sms supplement-requested.steward digested",
    ]);
    const digest = after.find((row) => row.template === "digest" && row.recipient.startsWith("enterprise"))!;
    // The hand-over notice of the evening is held too, and gathered with the two 补正 notices.
    expect(digest.short_text).toBe("【项目管家】您有3条新通知：1.您的项目管家：李管家；2.请补正材料：建设用地规划许可证；3.请补正材料：建设用地规划许可证。详情请登录查看站内信。");
    bed.clock.now = new Date("2026-09-29T02:00:00Z");
  });
});

describe("escalating reminders", () => {
  it("starts a 容缺 supplement clock on acceptance and reminds blue then orange on working days, and stops when the materials come", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    bed.clock.now = new Date("2026-09-21T02:00:00Z");
    await bed.handle(...projectStory(bed, { projectId, caseId, creditCode: "91610902MA70000012", stewardId: "steward-r" }));
    const accepted = item(caseId);
    await bed.handle(
      eventOf(bed.region, { $case: "itemAccepted", value: ItemAccepted.fromPartial({ ...accepted, mode: "tolerant", missingMaterials: ["水土保持方案"], committedDueOn: "2026-10-30", supplementDueOn: "2026-10-09" }) }, bed.clock.now),
    );
    const reminders = async () => (await deliveriesOf({ template: "reminder.supplement" })).filter((row) => row.recipient === "enterprise:91610902MA70000012" && row.channel === "inbox");
    expect(await reminderRound(bed.deps)).toBe(0);
    bed.clock.now = new Date("2026-09-29T01:00:00Z"); // 09:00 on 29 Sept: 3 working days before 9 Oct (National Day in between)
    expect(await reminderRound(bed.deps)).toBe(1);
    expect(await reminderRound(bed.deps)).toBe(0);
    bed.clock.now = new Date("2026-10-08T01:00:00Z");
    expect(await reminderRound(bed.deps)).toBe(1);
    const titles = await bed.sql`select title from inbox_messages where region = ${bed.region} and owner = 'enterprise:91610902MA70000012' and template like 'reminder.%' order by created_at`;
    expect(titles.map((row) => row.title)).toEqual(["【蓝色提醒】请按期补交容缺材料", "【橙色提醒】请按期补交容缺材料"]);
    expect(await reminders()).toHaveLength(2);

    // Another tolerant item whose materials come before the first point: no reminder at all.
    bed.clock.now = new Date("2026-09-21T02:00:00Z");
    const other = item(caseId);
    await bed.handle(
      eventOf(bed.region, { $case: "itemAccepted", value: ItemAccepted.fromPartial({ ...other, mode: "tolerant", missingMaterials: ["x"], committedDueOn: "2026-10-30", supplementDueOn: "2026-10-09" }) }, bed.clock.now),
      eventOf(bed.region, { $case: "itemTransitioned", value: ItemTransitioned.fromPartial({ ...other, action: "supplement_received" }) }, bed.clock.now),
    );
    bed.clock.now = new Date("2026-10-09T01:00:00Z");
    await reminderRound(bed.deps);
    expect(await reminders()).toHaveLength(2);
    bed.clock.now = new Date("2026-09-29T02:00:00Z");
  });
});

describe("follow-ups (回访 and 好差评)", () => {
  const linkOf = async (subjectSource: string) => {
    const [row] = await bed.sql<{ short_text: string }[]>`select short_text from deliveries where region = ${bed.region} and source_id like ${`review:%`} and channel = 'sms' and subject_id = ${subjectSource} order by created_at desc limit 1`;
    return /\/v1\/reviews\/([A-Za-z0-9_-]{43})/.exec(row?.short_text ?? "")?.[1];
  };

  it("invites the enterprise to rate a completed case by a tokenized link; a bad rating opens a rectification that a call-back closes", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    await bed.handle(...projectStory(bed, { projectId, caseId, creditCode: "91610902MA70000013" }));
    const completed = eventOf(bed.region, { $case: "caseCompleted", value: CaseCompleted.fromPartial({ caseId, projectId, planId: "p", projectName: "安康富硒食品深加工产业园项目", itemCount: 2 }) }, bed.clock.now);
    await bed.handle(completed);
    await bed.handle(completed);
    const token = await linkOf(caseId);
    expect(token).toBeDefined();
    expect((await bed.outbox()).filter((event) => event.type === "notification.review.invited" && event.aggregateId === caseId)).toHaveLength(1);

    const invitation = await invitationOf(bed.deps, token!);
    expect(invitation.ok && [invitation.value.subjectKind, invitation.value.projectName]).toEqual(["case", "安康富硒食品深加工产业园项目"]);
    const rated = await submitReview(bed.deps, token!, { rating: 1, comment: "等待太久" });
    if (!rated.ok) throw new Error(rated.error.message);
    const rectification = rated.value.rectification!;
    // 5 working days from Tuesday 29 Sept, across the National Day holiday, the make-up Saturday counting.
    expect([rectification.departmentCode, rectification.dueOn, rectification.status]).toEqual(["service_centre", "2026-10-12", "open"]);
    const again = await submitReview(bed.deps, token!, { rating: 5, comment: "" });
    expect(!again.ok && again.error.reason).toBe("REVIEW_ALREADY_GIVEN");

    const recorded = (await bed.outbox()).filter((event) => event.payload?.$case === "reviewRecorded" && event.payload.value.reviewId === rated.value.reviewId);
    expect(recorded.map((event) => event.payload?.$case === "reviewRecorded" && [event.payload.value.rating, event.payload.value.level, event.payload.value.bad, event.payload.value.hasComment])).toEqual([[1, "very_dissatisfied", true, true]]);
    expect((await bed.outbox()).some((event) => event.payload?.$case === "rectificationOpened" && event.payload.value.rectificationId === rectification.id)).toBe(true);
    expect(summary(await deliveriesOf({ template: "bad-review" })).filter((line) => line.startsWith("steward:steward-1") || line.startsWith("admin:"))).toEqual(
      expect.arrayContaining(["steward:steward-1 inbox bad-review.steward delivered", "admin: inbox bad-review.admin delivered"]),
    );

    // No call-back before the unit reports the rectification done; a department cannot touch another's.
    const early = await recordCallBack(bed.deps, rectification.id, { satisfied: true, note: "满意" }, admin);
    expect(!early.ok && early.error.reason).toBe("RECTIFICATION_STATE_CONFLICT");
    const foreign = await recordRectified(bed.deps, rectification.id, "整改完毕", { role: "department", subject: "sthj-system", department: "sthj" });
    expect(!foreign.ok && foreign.error.code).toBe("not_found");
    const done = await recordRectified(bed.deps, rectification.id, "约谈窗口人员，优化流程", admin);
    expect(done.ok && done.value.status).toBe("rectified");
    const closed = await recordCallBack(bed.deps, rectification.id, { satisfied: true, note: "企业表示满意" }, { role: "steward", subject: "steward-1" });
    expect(closed.ok && [closed.value.status, closed.value.callBacks]).toEqual(["closed", 1]);
    const types = (await bed.outbox()).filter((event) => event.aggregateId === rectification.id).map((event) => event.type);
    expect(types).toEqual(["notification.rectification.opened", "notification.rectification.rectified", "notification.rectification.called_back"]);
  });

  it("invites once more after three days without a rating, with a link of its own; the first link still works", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    await bed.handle(...projectStory(bed, { projectId, caseId, creditCode: "91610902MA70000014" }));
    const decided = item(caseId);
    await bed.handle(eventOf(bed.region, { $case: "itemDecided", value: ItemDecided.fromPartial({ ...decided, outcome: "approved" }) }, bed.clock.now));
    const first = await linkOf(decided.itemId);
    expect(await reinvitationRound(bed.deps)).toBe(0);
    bed.clock.now = new Date(bed.clock.now.getTime() + 3 * 86_400_000 + 1000);
    expect(await reinvitationRound(bed.deps)).toBe(1);
    expect(await reinvitationRound(bed.deps)).toBe(0);
    const second = await linkOf(decided.itemId);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const invited = (await bed.outbox()).filter((event) => event.payload?.$case === "reviewInvited" && event.payload.value.subjectId === decided.itemId);
    expect(invited.map((event) => event.payload?.$case === "reviewInvited" && event.payload.value.round)).toEqual([1, 2]);
    const rated = await submitReview(bed.deps, first!, { rating: 4, comment: "" });
    expect(rated.ok && rated.value.rectification).toBeUndefined();
    bed.clock.now = new Date("2026-09-29T02:00:00Z");
  });
});

describe("policy push", () => {
  it("pushes a policy to each matching project once: when it is added, when a project changes, when a milestone is reached", async () => {
    const [projectId, caseId] = [randomUUID(), randomUUID()];
    await bed.handle(...projectStory(bed, { projectId, caseId, creditCode: "91610902MA70000015" }));
    const chain = await upsertPolicyCommand(
      bed.deps,
      { code: "AK-2026-017", title: "富硒产业链项目贴息", summary: "对富硒食品产业链重点项目给予贷款贴息。", issuer: "安康市发展和改革委员会", url: "https://fgw.ankang.gov.cn/p/17", tags: { industryChains: ["富硒食品"], divisionCodes: ["610900"], scales: [], stages: [], milestones: [], keyProjectsOnly: true }, noApplication: true, active: true, validUntil: "" },
      "county-admin",
    );
    expect(chain.ok && chain.value.newMatches).toBeGreaterThanOrEqual(1);
    const milestone = await upsertPolicyCommand(
      bed.deps,
      { code: "AK-2026-030", title: "竣工投产奖励", summary: "竣工验收备案后给予一次性奖励。", issuer: "", url: "", tags: { industryChains: [], divisionCodes: [], scales: ["large"], stages: [], milestones: ["ZJ-JGYS"], keyProjectsOnly: false }, noApplication: false, active: true, validUntil: "" },
      "county-admin",
    );
    expect(milestone.ok && milestone.value.newMatches).toBe(0);

    // A change to the project does not push the same policy again; the milestone pushes the other.
    await bed.handle(eventOf(bed.region, { $case: "projectUpdated", value: ProjectUpdated.fromPartial({ projectId, projectName: "安康富硒食品深加工产业园项目", creditCode: "91610902MA70000015", keyProject: true, investmentWanYuanExact: "60000", changedFields: ["investmentWanYuan"] }) }, bed.clock.now));
    await bed.handle(eventOf(bed.region, { $case: "itemDecided", value: ItemDecided.fromPartial({ caseId, itemId: randomUUID(), itemCode: "ZJ-JGYS", departmentCode: "zjj", outcome: "approved" }) }, bed.clock.now));
    const matched = (await bed.outbox()).filter((event) => event.payload?.$case === "policyMatched" && event.payload.value.projectId === projectId);
    expect(matched.map((event) => event.payload?.$case === "policyMatched" && [event.payload.value.policyCode, event.payload.value.trigger, event.payload.value.noApplication])).toEqual([
      ["AK-2026-017", "notification.policy.upserted", true],
      ["AK-2026-030", "routing.item.decided", false],
    ]);
    const inbox = await bed.sql`select title, body from inbox_messages where region = ${bed.region} and owner = 'enterprise:91610902MA70000015' and template = 'policy-push.enterprise'`;
    const bodyOf = (title: string) => inbox.find((row) => row.title === `惠企政策推送：${title}`)?.body as string;
    expect(inbox).toHaveLength(2);
    expect(bodyOf("富硒产业链项目贴息")).toContain("本政策免申即享，无需申请。");
    expect(bodyOf("竣工投产奖励")).toContain("请按政策要求提出申请。");
  });
});
