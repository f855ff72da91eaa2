import { randomUUID } from "node:crypto";
import { jetstreamManager, jetstream, type JetStreamClient } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { signDevToken } from "@steward/platform/auth";
import { encodeEvent, newEvent, streamFor, subjectFor, type EventEnvelope, type EventPayload } from "@steward/platform/events";
import { createClient } from "@steward/platform/grpc";
import { eventPayloadsV1, notificationV1 } from "@steward/proto";
import { createTestDatabase, spawnService, stack, startSmsGatewayStandIn, startWebhookReceiver, testAuthSecret, uniqueRegion, type ServiceProcess } from "@steward/testing";
import postgres from "postgres";

export interface ExactlyOnceOptions {
  /** Distinct red-light events published. */
  events: number;
  /** Share of them published a second time under another Nats-Msg-Id (JetStream stores both). */
  redeliveredShare: number;
  /** How many times the notification process is killed (SIGKILL) while it consumes. */
  kills: number;
  /** Bound on the whole run. */
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface ExactlyOnceFigures {
  events: number;
  redelivered: number;
  /** Red lights JetStream stored (originals and repeats). */
  storedMessages: number;
  kills: number;
  /** The red lights' delivery claims, and the (source, recipient, channel) of any claim that is not exactly one. */
  deliveries: number;
  claimsNotOne: number;
  /** SMS the gateway sent to phones (one per idempotency key) and requests it answered (retries included). */
  smsSent: number;
  smsRequests: number;
  smsDuplicateKeys: number;
  /** Webhooks received: distinct webhook-ids, every request (a kill between POST and record resends the same id). */
  webhooksDistinct: number;
  webhookRequests: number;
  /** Deliveries to be sent that were not (pending or failed at the end). */
  unsent: number;
  consumeSeconds: number;
  totalSeconds: number;
}

const steward = "steward-eo";
const department = "zrzy";

/**
 * The exactly-once run: a real notification process consumes `events` red lights (each is one SMS
 * to the steward and one signed webhook to the department's system, plus inbox messages) while
 * 5 % of them arrive twice and the process is killed mid-batch and started again; then every
 * claim, SMS and webhook is counted. Used by the test (10^4 events) and by
 * `pnpm notify:exactly-once` (bigger), which prints the figures.
 */
export async function runExactlyOnce(options: ExactlyOnceOptions): Promise<ExactlyOnceFigures> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const region = uniqueRegion("eo");
  const [db, sms, receiver] = await Promise.all([createTestDatabase(`${region}_notification`), startSmsGatewayStandIn(), startWebhookReceiver()]);
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  const nats = await connect({ servers: stack.natsUrl });
  let service: ServiceProcess | undefined;
  const spawn = () =>
    spawnService("notification", {
      STEWARD_REGION: region,
      STEWARD_DATABASE_URL: db.url,
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_NOTIFICATION_SMS_GATEWAY_URL: sms.url,
      STEWARD_NOTIFICATION_SMS_API_KEY: sms.apiKey,
      STEWARD_NOTIFICATION_ROUND_INTERVAL_MS: "600000",
      STEWARD_LOG_LEVEL: "info",
    });
  try {
    service = await spawn();
    const token = await signDevToken({ secret: testAuthSecret }, { subject: "county-admin", region, role: "admin" });
    const client = createClient(notificationV1.NotificationServiceService, { address: `127.0.0.1:${service.grpcPort}`, token: () => token, defaultDeadlineMs: 10_000 });
    try {
      await client.setPreferences({ recipient: { kind: notificationV1.RecipientKind.RECIPIENT_KIND_STEWARD, id: steward }, phone: "13900000009", email: "", channels: [] });
      const { secret } = await client.registerWebhookEndpoint({ recipient: { kind: notificationV1.RecipientKind.RECIPIENT_KIND_DEPARTMENT, id: department }, url: receiver.url });
      receiver.useSecret(secret);
    } finally {
      client.close();
    }

    const js = jetstream(nats);
    const projectId = randomUUID();
    const caseId = randomUUID();
    const event = (payload: EventPayload) => newEvent({ region, aggregateId: caseId, payload });
    await publishAll(js, region, [
      event({ $case: "projectRegistered", value: eventPayloadsV1.ProjectRegistered.fromPartial({ projectId, projectName: "恰好一次压力测试项目", creditCode: "91610900MA70000010", enterpriseId: "ent-eo" }) }),
      event({ $case: "stewardAssigned", value: eventPayloadsV1.StewardAssigned.fromPartial({ projectId, stewardId: steward, stewardName: "压测管家" }) }),
      event({ $case: "planAccepted", value: eventPayloadsV1.PlanAccepted.fromPartial({ projectId, caseId, planId: randomUUID(), version: 1, itemCount: options.events }) }),
    ]);
    const lights = Array.from({ length: options.events }, (_, index) =>
      event({ $case: "itemOverdue", value: eventPayloadsV1.ItemDeadlineAlert.fromPartial({ caseId, itemId: randomUUID(), itemCode: `ZRZY-${index}`, departmentCode: department, committedDueOn: "2026-09-25" }) }),
    );
    const redelivered = lights.filter((_, index) => index % Math.round(1 / options.redeliveredShare) === 0);
    const consumeStart = Date.now();
    log(`publishing ${lights.length} red lights (${redelivered.length} of them twice)`);
    // Half of the repeats arrive with the originals, half after the first kill.
    const early = redelivered.slice(0, Math.ceil(redelivered.length / 2));
    await publishAll(js, region, [...lights, ...early.map((e) => ({ ...e, replay: true }))]);

    const handled = async () => Number((await sql`select count(*)::int as n from inbox where consumer = 'notification-notices' and event_type = 'routing.item.overdue'`)[0]!.n);
    for (let kill = 1; kill <= options.kills; kill++) {
      // Killed mid-batch: once a share of the events is handled, while the rest are.
      const threshold = Math.floor((options.events * kill) / (options.kills + 1));
      await until(async () => (await handled()) >= threshold, `${threshold} events handled`, deadline);
      log(`kill ${kill}: SIGKILL at ${await handled()} events handled`);
      service.child.kill("SIGKILL");
      await new Promise((resolve) => service!.child.once("exit", resolve));
      if (kill === 1) await publishAll(js, region, redelivered.slice(early.length).map((e) => ({ ...e, replay: true })));
      service = await spawn();
    }
    await until(async () => (await handled()) === options.events, "every event handled", deadline);
    const consumeSeconds = (Date.now() - consumeStart) / 1000;
    log(`consumed in ${consumeSeconds.toFixed(1)} s; waiting for the sends`);
    await until(async () => Number((await sql`select count(*)::int as n from deliveries where status = 'pending'`)[0]!.n) === 0, "nothing pending", deadline);

    const lightsSubject = subjectFor(region, "routing.item.overdue");
    const stored = (await (await jetstreamManager(nats)).streams.info(streamFor(region), { subjects_filter: lightsSubject })).state.subjects?.[lightsSubject] ?? 0;
    // Only the red lights' deliveries are counted (the hand-over before them has its own notices).
    const [counts] = await sql<{ deliveries: number; not_one: number; unsent: number }[]>`
      select (select count(*)::int from deliveries where event_type = 'routing.item.overdue') as deliveries,
             (select count(*)::int from (select source_id, recipient, channel from deliveries group by 1, 2, 3 having count(*) <> 1) x) as not_one,
             (select count(*)::int from deliveries where event_type = 'routing.item.overdue' and status in ('pending', 'failed') and channel <> 'inbox') as unsent`;
    const lightIds = new Set((await sql<{ id: string }[]>`select id from deliveries where event_type = 'routing.item.overdue' and channel in ('sms', 'webhook')`).map((row) => row.id));
    const smsKeys = sms.messages.map((message) => message.idempotencyKey).filter((key) => lightIds.has(key));
    const smsRequests = sms.requests.filter((request) => lightIds.has(request.idempotencyKey));
    const ids = new Set(receiver.received.map((webhook) => webhook.id));
    return {
      events: options.events,
      redelivered: redelivered.length,
      storedMessages: stored,
      kills: options.kills,
      deliveries: counts!.deliveries,
      claimsNotOne: counts!.not_one,
      smsSent: smsKeys.length,
      smsRequests: smsRequests.length,
      smsDuplicateKeys: smsKeys.length - new Set(smsKeys).size,
      webhooksDistinct: ids.size,
      webhookRequests: receiver.received.length,
      unsent: counts!.unsent,
      consumeSeconds,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await service?.stop();
    await sql.end();
    const jsm = await jetstreamManager(nats);
    await jsm.streams.delete(streamFor(region)).catch(() => false);
    await nats.close();
    await Promise.all([sms.close(), receiver.close()]);
    await db.drop();
  }
}

/** Publishes events in order, pipelined; a replay gets a Nats-Msg-Id of its own so JetStream stores it again. */
async function publishAll(js: JetStreamClient, region: string, events: (EventEnvelope & { replay?: boolean })[]): Promise<void> {
  const window = 500;
  for (let start = 0; start < events.length; start += window) {
    await Promise.all(
      events.slice(start, start + window).map(({ replay, ...event }) => js.publish(subjectFor(region, event.type), encodeEvent(event), { msgID: replay ? `${event.id}-replay` : event.id })),
    );
  }
}

async function until(probe: () => Promise<boolean>, what: string, deadline: number): Promise<void> {
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
