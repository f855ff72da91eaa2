import { randomUUID } from "node:crypto";
import { status, type ServiceError } from "@grpc/grpc-js";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { GrpcServer, createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { createHttpApp } from "@steward/platform/http";
import { createLogger } from "@steward/platform/logging";
import { eventPayloadsV1, notificationInboxV1, notificationV1 } from "@steward/proto";
import { testAuthSecret } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerNotificationHttp, loadReviewPage, reviewFormRoutes } from "../http/app.js";
import { eventOf, notificationTestBed, projectStory, type NotificationTestBed } from "../test-harness.js";
import { inboxHandlers } from "./inbox/handlers.js";
import { notificationHandlers } from "./notification-service/handlers.js";

const { SupplementRequested, CaseCompleted } = eventPayloadsV1;
const keys = { secret: testAuthSecret };
const { RecipientKind, Channel, DeliveryStatus } = notificationV1;

let bed: NotificationTestBed;
let server: GrpcServer;
let address: string;
let http: ReturnType<typeof createHttpApp>;
const creditCode = "91610900MA70000010";
let caseId = "";

beforeAll(async () => {
  bed = await notificationTestBed("handlers");
  const logger = createLogger({ service: "notification", region: bed.region, level: "silent" });
  const tokens = new TokenVerifier(keys);
  server = new GrpcServer({ region: bed.region, logger, tokens });
  server.add(notificationV1.NotificationServiceService, notificationHandlers(bed.deps));
  server.add(notificationInboxV1.InboxServiceService, inboxHandlers(bed.deps));
  address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
  http = createHttpApp({ service: "notification", region: bed.region, tokens, formRoutes: reviewFormRoutes, logger, readiness: { report: () => ({ ready: true, draining: false, components: {} }) }, prometheusText: async () => "" });
  registerNotificationHttp(http, bed.deps, loadReviewPage());
  caseId = randomUUID();
  await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId, creditCode }));
  await bed.handle(eventOf(bed.region, { $case: "supplementRequested", value: SupplementRequested.fromPartial({ caseId, itemId: randomUUID(), itemCode: "ZRZY-YDGH", departmentCode: "zrzy", materials: ["规划总平面图"], reason: "比例不符" }) }, bed.clock.now));
});

afterAll(async () => {
  await server?.shutdown(1000);
  await bed?.close();
});

const token = (principal: Omit<Principal, "region">) => signDevToken(keys, { region: bed.region, ...principal });
const clients = async (principal: Omit<Principal, "region">) => {
  const bearer = await token(principal);
  const options = { address, token: () => bearer, defaultDeadlineMs: 10_000 };
  return { inbox: createClient(notificationInboxV1.InboxServiceService, options), notification: createClient(notificationV1.NotificationServiceService, options) };
};
const closeAll = (c: Awaited<ReturnType<typeof clients>>) => {
  c.inbox.close();
  c.notification.close();
};
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: ServiceError) => error);
const get = async (path: string, principal?: Omit<Principal, "region">, init: RequestInit = {}) =>
  http.request(path, { ...init, headers: { ...(principal ? { authorization: `Bearer ${await token(principal)}` } : {}), ...(init.headers as Record<string, string>) } });

describe("the inbox, over gRPC and HTTP", () => {
  const steward = { subject: "steward-1", role: "steward" as const };
  const enterprise = { subject: "ent-user", role: "enterprise" as const, creditCode };

  it("shows every caller its own messages only, with the unread count", async () => {
    const own = await clients(steward);
    const other = await clients({ subject: "steward-2", role: "steward" });
    const company = await clients(enterprise);
    const stranger = await clients({ subject: "ent-other", role: "enterprise", creditCode: "91610902MA70000011" });
    try {
      const mine = await own.inbox.listInbox({ unreadOnly: false, pageSize: 0, pageToken: "" });
      // Both written at the test clock's one instant: compared without their order.
      expect(mine.messages.map((m) => [m.owner, m.title]).sort()).toEqual([
        ["steward:steward-1", "企业需补正材料：建设用地规划许可证"],
        ["steward:steward-1", "您已被指定为项目管家"],
      ]);
      expect((await own.inbox.countUnread({})).unread).toBe(2);
      expect((await other.inbox.listInbox({ unreadOnly: false, pageSize: 0, pageToken: "" })).messages).toEqual([]);
      expect((await company.inbox.listInbox({ unreadOnly: false, pageSize: 0, pageToken: "" })).messages.map((m) => m.title)).toContain("请补正材料：建设用地规划许可证");
      expect((await stranger.inbox.countUnread({})).unread).toBe(0);
    } finally {
      for (const c of [own, other, company, stranger]) closeAll(c);
    }
  });

  it("marks read what is the caller's; another's message is NOT_FOUND and nothing is marked", async () => {
    const own = await clients(steward);
    const company = await clients(enterprise);
    try {
      const [message] = (await company.inbox.listInbox({ unreadOnly: true, pageSize: 1, pageToken: "" })).messages;
      const refused = await refusal(own.inbox.markRead({ ids: [message!.id], all: false }));
      expect(refused?.code).toBe(status.NOT_FOUND);
      const bad = await refusal(own.inbox.markRead({ ids: ["x"], all: false }));
      expect(bad?.code).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(bad!).map((v) => v.field)).toEqual(["ids[0]"]);
      expect(await company.inbox.markRead({ ids: [message!.id], all: false })).toEqual({ marked: 1, unread: 1 });
      expect(await company.inbox.markRead({ ids: [message!.id], all: false })).toEqual({ marked: 0, unread: 1 });
      const unread = await company.inbox.listInbox({ unreadOnly: true, pageSize: 0, pageToken: "" });
      expect(unread.messages.map((m) => m.id)).not.toContain(message!.id);
    } finally {
      for (const c of [own, company]) closeAll(c);
    }
  });

  it("serves the same over HTTP, with a bearer token of the region", async () => {
    // The platform takes JSON bodies only (415 otherwise), an empty object included.
    const post = { method: "POST", body: "{}", headers: { "content-type": "application/json" } };
    expect((await get("/v1/inbox")).status).toBe(401);
    const list = await get("/v1/inbox?unreadOnly=true", steward);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { messages: { id: string; title: string; readAt: string | null }[] };
    expect(body.messages.length).toBe(2);
    const first = body.messages[0]!;
    expect((await (await get(`/v1/inbox/${first.id}/read`, steward, post)).json())).toEqual({ marked: 1, unread: 1 });
    expect((await get(`/v1/inbox/${first.id}/read`, { subject: "steward-2", role: "steward" }, post)).status).toBe(404);
    expect((await get("/v1/inbox/not-an-id/read", steward, post)).status).toBe(400);
    expect(await (await get("/v1/inbox/read-all", steward, post)).json()).toEqual({ marked: 1, unread: 0 });
    expect(await (await get("/v1/inbox/unread-count", steward)).json()).toEqual({ unread: 0 });
  });
});

describe("preferences, endpoints and dead letters", () => {
  it("lets a person set their own preferences (an admin anyone's), naming every bad field; operators read addresses masked", async () => {
    const steward = await clients({ subject: "steward-9", role: "steward" });
    const operator = await clients({ subject: "ops", role: "operator" });
    try {
      const own = { kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-9" };
      const set = await steward.notification.setPreferences({ recipient: own, phone: "13912345678", email: "li@hanbin.gov.cn", channels: [Channel.CHANNEL_SMS, Channel.CHANNEL_EMAIL] });
      expect(set.preferences).toMatchObject({ phone: "13912345678", email: "li@hanbin.gov.cn", channels: [Channel.CHANNEL_SMS, Channel.CHANNEL_EMAIL], updatedBy: "steward-9" });
      const foreign = await refusal(steward.notification.setPreferences({ recipient: { kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-1" }, phone: "", email: "", channels: [] }));
      expect(foreign?.code).toBe(status.PERMISSION_DENIED);
      const bad = await refusal(steward.notification.setPreferences({ recipient: own, phone: "12345", email: "nope", channels: [Channel.CHANNEL_WEBHOOK] }));
      expect(bad?.code).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(bad!).map((v) => v.field)).toEqual(["phone", "email", "channels[0]"]);
      const masked = await operator.notification.getPreferences({ recipient: own });
      expect(masked.preferences).toMatchObject({ phone: "139****5678", email: "l***@hanbin.gov.cn" });
    } finally {
      for (const c of [steward, operator]) closeAll(c);
    }
  });

  it("registers a department system's endpoint for admins only, answering its secret once", async () => {
    const admin = await clients({ subject: "county-admin", role: "admin" });
    const steward = await clients({ subject: "steward-1", role: "steward" });
    try {
      const recipient = { kind: RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: "sthj" };
      expect((await refusal(steward.notification.registerWebhookEndpoint({ recipient, url: "https://sthj.example/hook" })))?.code).toBe(status.PERMISSION_DENIED);
      const refused = await refusal(admin.notification.registerWebhookEndpoint({ recipient: { kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-1" }, url: "ftp://x" }));
      expect(fieldViolationsOf(refused!).map((v) => v.field)).toEqual(["recipient.kind", "url"]);
      const registered = await admin.notification.registerWebhookEndpoint({ recipient, url: "https://sthj.example/hook" });
      expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const listed = await admin.notification.listWebhookEndpoints({});
      expect(listed.endpoints.map((e) => [e.recipient?.id, e.url])).toEqual([["sthj", "https://sthj.example/hook"]]);
      expect(JSON.stringify(listed)).not.toContain(registered.secret);
    } finally {
      for (const c of [admin, steward]) closeAll(c);
    }
  });

  it("replays dead letters for operators: the ones named, or a recipient's on a channel; anything else is refused and nothing changes", async () => {
    const operator = await clients({ subject: "ops", role: "operator" });
    const steward = await clients({ subject: "steward-1", role: "steward" });
    try {
      const completed = eventOf(bed.region, { $case: "caseCompleted", value: CaseCompleted.fromPartial({ caseId, projectId: "", projectName: "安康富硒食品深加工产业园项目", itemCount: 2 }) }, bed.clock.now);
      await bed.handle(completed);
      const page = await operator.notification.listDeliveries({ subjectId: "", pageSize: 100, pageToken: "", recipient: { kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-1" }, status: DeliveryStatus.DELIVERY_STATUS_UNSPECIFIED });
      const inbox = page.deliveries.find((d) => d.template === "case-completed.steward" && d.channel === "inbox")!;
      expect(inbox.recipient).toEqual({ kind: RecipientKind.RECIPIENT_KIND_STEWARD, id: "steward-1" });
      const alive = await refusal(operator.notification.replayDeliveries({ deliveryIds: [inbox.id], recipient: undefined, channel: Channel.CHANNEL_UNSPECIFIED }));
      expect(alive?.code).toBe(status.FAILED_PRECONDITION);
      expect(alive?.details).toContain("not a dead letter");
      expect((await refusal(operator.notification.replayDeliveries({ deliveryIds: [randomUUID()], recipient: undefined, channel: 0 })))?.code).toBe(status.NOT_FOUND);
      expect((await refusal(steward.notification.replayDeliveries({ deliveryIds: [inbox.id], recipient: undefined, channel: 0 })))?.code).toBe(status.PERMISSION_DENIED);

      const dead = await bed.sql<{ id: string }[]>`
        update deliveries set status = 'failed', attempts = 8, last_error = 'the SMS gateway answered 503 (gave up after 8 attempts)'
        where region = ${bed.region} and source_id = ${completed.id} and recipient = ${`enterprise:${creditCode}`} and channel = 'sms' returning id`;
      expect(dead).toHaveLength(1);
      const byRecipient = await operator.notification.replayDeliveries({ deliveryIds: [], recipient: { kind: RecipientKind.RECIPIENT_KIND_ENTERPRISE, id: creditCode }, channel: Channel.CHANNEL_SMS });
      expect(byRecipient.deliveries.map((d) => [d.id, d.status, d.attempts, d.lastError])).toEqual([[dead[0]!.id, DeliveryStatus.DELIVERY_STATUS_PENDING, 0, ""]]);
      expect((await operator.notification.replayDeliveries({ deliveryIds: [], recipient: { kind: RecipientKind.RECIPIENT_KIND_ENTERPRISE, id: creditCode }, channel: Channel.CHANNEL_SMS })).deliveries).toEqual([]);
    } finally {
      for (const c of [operator, steward]) closeAll(c);
    }
  });
});

describe("paging deliveries", () => {
  // Issue 8 (finding 4): forged page tokens (a non-UUID id, a quote, year 275760) reached the query
  // and answered INTERNAL. Every token is tried, whatever the others answer.
  it("refuses forged page tokens on ListDeliveries with INVALID_ARGUMENT naming page_token", async () => {
    const operator = await clients({ subject: "ops", role: "operator" });
    try {
      const unsigned = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");
      const forged = [
        unsigned(["2026-03-02T00:00:00.000Z", "not-a-uuid"]),
        unsigned(["2026-03-02T00:00:00.000Z", "x' or '1'='1"]),
        unsigned(["+275760-09-13T00:00:00.000Z", randomUUID()]),
      ];
      const answers: string[] = [];
      for (const pageToken of forged) {
        const request = notificationV1.ListDeliveriesRequest.fromPartial({ pageSize: 1, pageToken });
        const error = await refusal(operator.notification.listDeliveries(request));
        answers.push(error ? `${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`.trim() : "OK");
      }
      expect(answers).toEqual(forged.map(() => "INVALID_ARGUMENT page_token"));
    } finally {
      closeAll(operator);
    }
  });
});

describe("the rating page behind the tokenized link", () => {
  it("describes the invitation (JSON, or the page with the form for a browser) and takes one rating, by form or JSON", async () => {
    const [row] = await bed.sql<{ short_text: string }[]>`select short_text from deliveries where region = ${bed.region} and source_id like 'review:%' and channel = 'sms' limit 1`;
    const token = /\/v1\/reviews\/([A-Za-z0-9_-]{43})/.exec(row!.short_text)![1]!;
    expect(row!.short_text).toContain(`https://steward.example.gov.cn/notification/v1/reviews/${token}`);

    const described = await get(`/v1/reviews/${token}`);
    expect(await described.json()).toMatchObject({ subjectKind: "case", projectName: "安康富硒食品深加工产业园项目", round: 1, reviewed: false });
    const page = await get(`/v1/reviews/${token}`, undefined, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("您的项目“安康富硒食品深加工产业园项目”的全部审批事项");
    expect(html).toContain('name="rating" value="1"');
    expect((await get(`/v1/reviews/${"A".repeat(43)}`)).status).toBe(404);
    expect((await get("/v1/reviews/short")).status).toBe(400);

    const refused = await get(`/v1/reviews/${token}`, undefined, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rating: 9 }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { "invalid-params": { name: string }[] })["invalid-params"].map((p) => p.name)).toEqual(["rating"]);

    const rated = await get(`/v1/reviews/${token}`, undefined, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" }, body: "rating=2&comment=%E7%AD%89%E5%BE%85%E5%A4%AA%E4%B9%85" });
    expect(rated.status).toBe(201);
    expect(await rated.text()).toContain("我们已启动整改，整改期限");
    const twice = await get(`/v1/reviews/${token}`, undefined, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rating: 5 }) });
    expect(twice.status).toBe(409);
    const [review] = await bed.sql`select rating, comment from reviews where region = ${bed.region}`;
    expect(review).toEqual({ rating: 2, comment: "等待太久" });
  });
});
