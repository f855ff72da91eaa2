import { randomUUID } from "node:crypto";
import { createLogger } from "@steward/platform/logging";
import { eventPayloadsV1 } from "@steward/proto";
import { startMailpit, startSmsGatewayStandIn, startWebhookReceiver, type Mailpit, type SmsGatewayStandIn, type WebhookReceiverStandIn } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContactDirectory } from "../clients/intake.js";
import { Mailer } from "../clients/mailer.js";
import { SmsGateway } from "../clients/sms-gateway.js";
import { registerEndpointCommand, setPreferencesCommand } from "../commands/preferences.js";
import { eventOf, notificationTestBed, projectStory, type NotificationTestBed } from "../test-harness.js";
import { Dispatcher, type DispatcherOptions } from "./dispatcher.js";

const { ItemDeadlineAlert, ItemEscalated, SupplementRequested } = eventPayloadsV1;
const admin = { role: "admin", subject: "county-admin" };

let bed: NotificationTestBed;
let sms: SmsGatewayStandIn;
let mailpit: Mailpit;
let receiver: WebhookReceiverStandIn;
let mailer: Mailer;
let contacts: ContactDirectory;

beforeAll(async () => {
  [bed, sms, mailpit, receiver] = await Promise.all([notificationTestBed("channels"), startSmsGatewayStandIn(), startMailpit(), startWebhookReceiver()]);
  mailer = new Mailer({ url: mailpit.smtpUrl, from: "项目管家 <notify@steward.local>", timeoutMs: 5000 });
  // Not linked to intake: the enterprise's SMS cannot be addressed here (the end-to-end test looks it up in intake).
  contacts = new ContactDirectory(undefined, async () => "", 1000);
  await setPreferencesCommand(bed.deps, admin, { kind: "steward", id: "steward-1" }, { phone: "13900000001", email: "", channels: [] });
  await setPreferencesCommand(bed.deps, admin, { kind: "admin", id: "" }, { phone: "", email: "duty@hanbin.gov.cn", channels: ["email"] });
  await setPreferencesCommand(bed.deps, admin, { kind: "joint_meeting", id: "" }, { phone: "", email: "lianxi@hanbin.gov.cn", channels: ["email"] });
  const { secret } = unwrapOk(await registerEndpointCommand(bed.deps, admin, { kind: "department", id: "zrzy" }, receiver.url));
  receiver.useSecret(secret);
});

afterAll(async () => {
  mailer?.close();
  await Promise.all([bed?.close(), sms?.close(), mailpit?.stop(), receiver?.close()]);
});

function unwrapOk<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const dispatcher = (options: Partial<DispatcherOptions> = {}) =>
  new Dispatcher({
    sql: bed.sql,
    region: bed.region,
    logger: createLogger({ service: "notification", region: bed.region, level: "silent" }),
    sms: new SmsGateway({ url: sms.url, apiKey: sms.apiKey, sign: "项目管家", timeoutMs: 2000 }),
    mailer,
    contacts,
    maxAttempts: 3,
    timeoutMs: 2000,
    now: () => bed.clock.now,
    ...options,
  });

/** Runs rounds (moving the clock past every back-off) until nothing is pending. */
async function drain(d: Dispatcher, rounds = 12): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await d.round();
    const [row] = await bed.sql<{ pending: number }[]>`select count(*)::int as pending from deliveries where region = ${bed.region} and status = 'pending'`;
    if (row!.pending === 0) return;
    bed.clock.now = new Date(bed.clock.now.getTime() + 11 * 60_000);
  }
  throw new Error("deliveries still pending");
}

const delivery = async (source: string, recipient: string, channel: string) =>
  (await bed.sql<{ id: string; status: string; attempts: number; last_error: string | null }[]>`
    select id, status, attempts, last_error from deliveries where region = ${bed.region} and source_id = ${source} and recipient = ${recipient} and channel = ${channel}`)[0];

async function redLight(caseId: string) {
  const event = eventOf(bed.region, { $case: "itemOverdue", value: ItemDeadlineAlert.fromPartial({ caseId, itemId: randomUUID(), itemCode: "ZRZY-YDGH", departmentCode: "zrzy", committedDueOn: "2026-09-25" }) }, bed.clock.now);
  await bed.handle(event);
  return event;
}

describe("channels against real servers", () => {
  it("SMS: through the gateway contract with the delivery id as idempotency key; an outage is retried under the same key and sends one message", async () => {
    const caseId = randomUUID();
    await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId }));
    await drain(dispatcher()); // the hand-over's own notices
    const red = await redLight(caseId);
    sms.failNext(2, 503);
    await drain(dispatcher());
    const row = (await delivery(red.id, "steward:steward-1", "sms"))!;
    expect([row.status, row.attempts]).toEqual(["delivered", 3]);
    const keyed = sms.requests.filter((request) => request.idempotencyKey === row.id);
    expect(keyed.map((request) => request.status)).toEqual([503, 503, 202]);
    const sent = sms.messages.filter((message) => message.idempotencyKey === row.id);
    expect(sent.map((message) => [message.to, message.sign])).toEqual([["13900000001", "项目管家"]]);
    expect(sent[0]!.text).toContain("【红色提醒】项目“安康富硒食品深加工产业园项目”的“建设用地规划许可证”（自然资源局）已超期");
    const events = (await bed.outbox()).filter((event) => event.payload?.$case === "notificationDelivered" && event.payload.value.deliveryId === row.id);
    expect(events.map((event) => event.payload?.$case === "notificationDelivered" && [event.payload.value.channel, event.payload.value.recipient, event.payload.value.attempts])).toEqual([["sms", "steward:steward-1", 3]]);
  });

  it("SMS: a number the gateway refuses goes to the dead letters at once; a recipient without a number is skipped", async () => {
    const caseId = randomUUID();
    await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId, stewardId: "steward-badnumber" }));
    // Stored as a mobile number, refused by the provider (a number that no longer exists).
    await bed.sql`insert into recipient_preferences (region, recipient, phone, channels, updated_by) values (${bed.region}, 'steward:steward-badnumber', '19999999999x', '{}', 'test')`;
    const red = await redLight(caseId);
    const supplement = eventOf(bed.region, { $case: "supplementRequested", value: SupplementRequested.fromPartial({ caseId, itemId: randomUUID(), itemCode: "ZRZY-YDGH", departmentCode: "zrzy", materials: ["甲"], reason: "乙" }) }, bed.clock.now);
    await bed.handle(supplement);
    await drain(dispatcher());
    expect(await delivery(red.id, "steward:steward-badnumber", "sms")).toMatchObject({ status: "failed", attempts: 1, last_error: "the SMS gateway refused it (422)" });
    // The enterprise's number is intake's; without intake linked it cannot be addressed: a dead letter to replay once it is.
    expect(await delivery(supplement.id, "enterprise:91610900MA70000010", "sms")).toMatchObject({ status: "failed", last_error: "intake is not linked: the enterprise's mobile number cannot be looked up" });
  });

  it("e-mail: over SMTP to mailpit, the delivery id as Message-ID, one message per delivery", async () => {
    const caseId = randomUUID();
    await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId }));
    const red = await redLight(caseId);
    const escalated = eventOf(bed.region, { $case: "itemEscalated", value: ItemEscalated.fromPartial({ caseId, itemId: randomUUID(), itemCode: "ZRZY-YDGH", departmentCode: "zrzy", escalationId: randomUUID(), cause: "overdue", reason: "committed deadline passed" }) }, bed.clock.now);
    await bed.handle(escalated);
    await drain(dispatcher());
    const toAdmin = (await delivery(red.id, "admin:", "email"))!;
    const toMeeting = (await delivery(escalated.id, "joint_meeting:", "email"))!;
    expect([toAdmin.status, toMeeting.status]).toEqual(["delivered", "delivered"]);
    const messages = await mailpit.messages();
    const adminMail = messages.filter((message) => message.MessageID === `${toAdmin.id}@notification.steward`);
    expect(adminMail.map((message) => [message.To[0]?.Address, message.Subject])).toEqual([["duty@hanbin.gov.cn", "红灯超期：自然资源局 建设用地规划许可证"]]);
    const meetingMail = messages.filter((message) => message.MessageID === `${toMeeting.id}@notification.steward`);
    expect(meetingMail.map((message) => [message.To[0]?.Address, message.Subject])).toEqual([["lianxi@hanbin.gov.cn", "提请联席会议：建设用地规划许可证"]]);
    expect(await mailpit.text(meetingMail[0]!.ID)).toContain("因超过承诺时限提请联席会议协调");
  });

  it("webhooks: signed for the department's system, retried with back-off, dead-lettered after the last attempt, and replayed under the same id", async () => {
    const caseId = randomUUID();
    await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId }));
    receiver.failAlways(500);
    const red = await redLight(caseId);
    await drain(dispatcher());
    const dead = (await delivery(red.id, "department:zrzy", "webhook"))!;
    expect(dead).toMatchObject({ status: "failed", attempts: 3, last_error: "the receiver answered 500 (gave up after 3 attempts)" });
    const failed = (await bed.outbox()).filter((event) => event.payload?.$case === "notificationFailed" && event.payload.value.deliveryId === dead.id);
    expect(failed).toHaveLength(1);

    receiver.failAlways(undefined);
    const { requeue } = await import("../db/deliveries.js");
    await bed.sql.begin((tx) => requeue(tx, bed.region, [dead.id], bed.clock.now));
    await drain(dispatcher());
    expect(await delivery(red.id, "department:zrzy", "webhook")).toMatchObject({ status: "delivered", attempts: 1 });
    const got = receiver.received.filter((webhook) => webhook.id === dead.id);
    expect(got).toHaveLength(1);
    expect(got[0]!.idempotencyKey).toBe(dead.id);
    expect(got[0]!.body).toMatchObject({ type: "routing.item.overdue", recipient: "department:zrzy", template: "red-light.department", urgency: "urgent", data: { caseId, itemCode: "ZRZY-YDGH", committedDueOn: "2026-09-25" } });
  });

  it("webhooks: a receiver slower than the timeout is tried again; a request not signed with the endpoint's secret is refused by the receiver", async () => {
    const caseId = randomUUID();
    await bed.handle(...projectStory(bed, { projectId: randomUUID(), caseId }));
    receiver.delay(1500);
    const red = await redLight(caseId);
    await dispatcher({ timeoutMs: 300 }).round();
    expect(await delivery(red.id, "department:zrzy", "webhook")).toMatchObject({ status: "pending", attempts: 1, last_error: "no answer from the receiver in 300 ms" });
    receiver.delay(0);
    bed.clock.now = new Date(bed.clock.now.getTime() + 60_000);
    await drain(dispatcher());
    expect(await delivery(red.id, "department:zrzy", "webhook")).toMatchObject({ status: "delivered" });

    const refusedBefore = receiver.refused;
    await fetch(receiver.url, { method: "POST", headers: { "content-type": "application/json", "webhook-id": "x", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,Zm9yZ2Vk" }, body: "{}" });
    expect(receiver.refused).toBe(refusedBefore + 1);
  });
});
