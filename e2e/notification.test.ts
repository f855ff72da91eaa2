import { notificationFollowUpV1, notificationV1, routingV1 } from "@steward/proto";
import { eventually } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAndApprovePlan } from "./agreement-flow.js";
import { startPlatform, type PlatformClients, type RunningPlatform } from "./platform.js";

const creditCode = "91610900MA70000010";
const project = {
  name: "安康富硒食品深加工产业园项目",
  enterpriseName: "安康富硒生物科技有限公司",
  creditCode,
  investmentCode: "2026-610902-14-03-000101",
  investmentWanYuan: 58000,
  industryChain: "富硒食品",
  contactName: "王经理",
  contactPhone: "13800000007",
};
const phones = { steward: "13900000001", sthjLiaison: "13900000003" };
const { RecipientKind, Channel } = notificationV1;

/**
 * The story end to end, the five services as real processes: a 补正 request, a red light
 * and a completed case each reach the right people on the right channels — SMS at the stand-in
 * gateway, e-mail at mailpit, signed webhooks at the department's system, inbox messages — once.
 */
describe("notification: every person who must act is told, on their channel, once", () => {
  let platform: RunningPlatform;
  const clients: Record<string, PlatformClients> = {};
  let caseId = "";
  const items: Record<string, string> = {};

  const as = async (name: string, principal: Parameters<RunningPlatform["token"]>[0]) => (clients[name] = platform.clients(await platform.token(principal)));
  const smsTo = (phone: string, text: string) => platform.sms.messages.filter((message) => message.to === phone && message.text.includes(text));
  const inboxOf = async (name: string, template: string) => (await clients[name]!.inbox.listInbox({ unreadOnly: false, pageSize: 200, pageToken: "" })).messages.filter((m) => m.template === template);
  const settled = async () => {
    const sql = postgres(platform.databases.notification.url, { max: 1, onnotice: () => {} });
    try {
      await eventually(async () => (Number((await sql`select count(*)::int as n from deliveries where status = 'pending'`)[0]!.n) === 0 ? true : undefined), "every delivery sent", 30_000);
    } finally {
      await sql.end();
    }
  };

  beforeAll(async () => {
    platform = await startPlatform();
    const admin = await as("admin", { subject: "county-admin", role: "admin" });
    await as("steward", { subject: "steward-1", role: "steward" });
    await as("enterprise", { subject: "ent-1", role: "enterprise", creditCode });
    const sthjLiaison = await as("sthjLiaison", { subject: "sthj-liaison", role: "liaison", department: "sthj" });
    await as("zrzy", { subject: "zrzy-system", role: "department", department: "zrzy" });
    await as("sthj", { subject: "sthj-system", role: "department", department: "sthj" });
    // Contact points and channel choices, set before anything happens: the steward's and a liaison's
    // mobile numbers (a person sets their own), the duty office's e-mail, the environment bureau's system.
    await clients.steward!.notification.setPreferences({ recipient: { kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-1" }, phone: phones.steward, email: "", channels: [] });
    await sthjLiaison.notification.setPreferences({ recipient: { kind: RecipientKind.RECIPIENT_KIND_LIAISON, id: "sthj-liaison" }, phone: phones.sthjLiaison, email: "", channels: [Channel.CHANNEL_SMS] });
    await admin.notification.setPreferences({ recipient: { kind: RecipientKind.RECIPIENT_KIND_ADMIN, id: "" }, phone: "", email: "duty@hanbin.gov.cn", channels: [Channel.CHANNEL_EMAIL] });
    const { secret } = await admin.notification.registerWebhookEndpoint({ recipient: { kind: RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: "sthj" }, url: platform.systems.url });
    platform.systems.useSecret(secret);

    const token = await platform.token({ subject: "ent-1", role: "enterprise", creditCode });
    const response = await fetch(`http://127.0.0.1:${platform.services.intake.httpPort}/v1/projects`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(project) });
    expect(response.status).toBe(201);
    const projectId = ((await response.json()) as { id: string }).id;
    const agreement = await eventually(async () => (await admin.agreement.listAgreements({ projectId, pageSize: 10, pageToken: "", stewardId: "", status: 0 })).agreements[0], "the draft agreement");
    await signAndApprovePlan(platform, agreement.id, { items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }, { itemCode: "STHJ-HPB", departmentCode: "sthj" }] });
    for (const department of ["zrzy", "sthj"]) {
      const item = await eventually(async () => (await clients[department]!.gateway.listAssignments({ pageSize: 10, pageToken: "" })).items[0], `${department}'s item`);
      items[department] = item.id;
      caseId = item.caseId;
      await clients[department]!.gateway.acceptItem({ itemId: item.id, requestId: `${department}-accept`, mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    }
  });

  afterAll(async () => {
    for (const c of Object.values(clients)) c.close();
    await platform?.stop();
  });

  it("a 补正 request reaches the enterprise by SMS at intake's contact number and in its inbox, and the steward by SMS and inbox", async () => {
    await clients.zrzy!.gateway.requestSupplement({ itemId: items.zrzy!, requestId: "zrzy-supplement", materials: ["选址论证报告", "用地红线图"], reason: "红线图坐标系不符" });
    const toEnterprise = await eventually(() => smsTo(project.contactPhone, "需补正").at(0), "the enterprise's SMS");
    // Item and department names come from routing's catalogue (CatalogueService, read over gRPC).
    expect(toEnterprise.text).toBe("【项目管家】项目“安康富硒食品深加工产业园项目”的“建设项目用地预审与选址意见书”需补正：选址论证报告、用地红线图。原因：红线图坐标系不符。");
    await eventually(() => smsTo(phones.steward, "补正").at(0), "the steward's SMS");
    expect((await inboxOf("enterprise", "supplement-requested.enterprise")).map((m) => m.title)).toEqual(["请补正材料：建设项目用地预审与选址意见书"]);
    expect(await inboxOf("steward", "supplement-requested.steward")).toHaveLength(1);
    // Nobody else hears of it: not the liaison of another department, not the administration.
    expect(await inboxOf("sthjLiaison", "supplement-requested.steward")).toEqual([]);
  });

  it("a red light reaches the department's system by signed webhook, its liaison and the steward by SMS at once, the administration by e-mail", async () => {
    // The committed deadline passes (routing's clock scheduler looks every second): moved into the
    // past in routing's own table, as days passing would; the yellow light is taken as given.
    const sql = postgres(platform.databases["approval-routing"].url, { max: 1, onnotice: () => {} });
    try {
      await sql`update case_items set committed_due_on = current_date - 3, warned_at = now() where id = ${items.sthj!}`;
    } finally {
      await sql.end();
    }
    const webhook = await eventually(() => platform.systems.received.find((w) => w.body.type === "routing.item.overdue"), "the environment bureau's webhook", 30_000);
    expect(webhook.body).toMatchObject({ recipient: "department:sthj", template: "red-light.department", urgency: "urgent", data: { caseId, itemId: items.sthj, itemCode: "STHJ-HPB" } });
    expect(webhook.idempotencyKey).toBe(webhook.id);
    await eventually(() => smsTo(phones.sthjLiaison, "红色提醒").at(0), "the liaison's SMS");
    await eventually(() => smsTo(phones.steward, "红色提醒").at(0), "the steward's SMS");
    const mail = await eventually(async () => (await platform.mail.messages()).find((m) => m.Subject.startsWith("红灯超期")), "the administration's e-mail");
    expect(mail.To.map((to) => to.Address)).toEqual(["duty@hanbin.gov.cn"]);
    expect(mail.Subject).toBe("红灯超期：生态环境局 建设项目环境影响报告表审批");
  });

  it("a completed case reaches the steward and the enterprise, who is invited to rate it; a bad rating opens a rectification for the service centre", async () => {
    await clients.zrzy!.gateway.recordSupplement({ itemId: items.zrzy!, requestId: "zrzy-supplied", materials: ["选址论证报告", "用地红线图"] });
    for (const department of ["zrzy", "sthj"]) {
      await clients[department]!.gateway.decideItem({ itemId: items[department]!, requestId: `${department}-approve`, decision: routingV1.Decision.DECISION_APPROVE, reason: "材料齐全", documentRefs: [`${department}-2026-1`] });
    }
    await eventually(() => smsTo(project.contactPhone, "审批事项已全部办结").at(0), "the enterprise's SMS of completion");
    await eventually(() => smsTo(phones.steward, "审批事项已全部办结").at(0), "the steward's SMS of completion");
    const invitation = await eventually(() => smsTo(project.contactPhone, "请评价本次服务").find((m) => m.text.includes("全部审批事项")), "the case's rating link");
    const token = /\/v1\/reviews\/([A-Za-z0-9_-]{43})/.exec(invitation.text)![1]!;
    const notification = `http://127.0.0.1:${platform.services.notification.httpPort}`;
    const rated = await fetch(`${notification}/v1/reviews/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rating: 2, comment: "补正往返两次" }) });
    expect(rated.status).toBe(201);
    const { rectifications } = await eventually(async () => {
      const page = await clients.admin!.followUps.listRectifications({ status: notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_OPEN, pageSize: 10, pageToken: "" });
      return page.rectifications.length > 0 ? page : undefined;
    }, "the rectification");
    expect(rectifications.map((r) => [r.departmentCode, r.rating, r.projectName])).toEqual([["service_centre", 2, project.name]]);
  });

  it("told each of them once: one SMS, webhook, e-mail and inbox message per notice", async () => {
    await settled();
    const once = (list: unknown[], what: string) => expect(list, what).toHaveLength(1);
    once(smsTo(project.contactPhone, "需补正"), "the enterprise's 补正 SMS");
    once(smsTo(phones.steward, "要求项目"), "the steward's 补正 SMS");
    once(smsTo(phones.sthjLiaison, "红色提醒"), "the liaison's red-light SMS");
    once(smsTo(phones.steward, "红色提醒"), "the steward's red-light SMS");
    once(smsTo(project.contactPhone, "审批事项已全部办结"), "the enterprise's completion SMS");
    once(smsTo(phones.steward, "审批事项已全部办结"), "the steward's completion SMS");
    once(platform.systems.received.filter((w) => w.body.type === "routing.item.overdue"), "the red-light webhook");
    once((await platform.mail.messages()).filter((m) => m.Subject.startsWith("红灯超期")), "the red-light e-mail");
    once(await inboxOf("enterprise", "case-completed.enterprise"), "the enterprise's completion message");
    once(await inboxOf("steward", "case-completed.steward"), "the steward's completion message");
    // No SMS went out twice under one idempotency key, and nothing is left undelivered.
    const keys = platform.sms.messages.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const steward = clients.steward!;
    const failed = await steward.notification.listDeliveries({ subjectId: "", pageSize: 500, pageToken: "", recipient: undefined, status: notificationV1.DeliveryStatus.DELIVERY_STATUS_FAILED });
    expect(failed.deliveries.map((d) => `${d.template} ${d.channel} ${d.lastError}`)).toEqual([]);
  });
});
