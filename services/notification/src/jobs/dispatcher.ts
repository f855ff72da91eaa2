import { transaction, type Sql } from "@steward/platform/db";
import { recordEvents, type EventEnvelope } from "@steward/platform/events";
import { jobHeartbeat, type HeartbeatRegistry, type JobHeartbeat } from "@steward/platform/lifecycle";
import { RateLimitedLog, type Logger } from "@steward/platform/logging";
import { attributeNames, createCounter, createGauge, createHistogram, metricDefinitions as m, spanContextOf } from "@steward/platform/telemetry";
import type { ContactDirectory } from "../clients/intake.js";
import type { Mailer } from "../clients/mailer.js";
import type { SendResult } from "../clients/provider.js";
import type { SmsGateway } from "../clients/sms-gateway.js";
import { postWebhook } from "../clients/webhooks.js";
import { leaseDue, pendingDeliveries, recordOutcomes, type AttemptOutcome, type LeasedDelivery } from "../db/deliveries.js";
import { retryDelayMs } from "../domain/delivery.js";
import { recipientKey } from "../domain/recipients.js";
import { deliveryDelivered, deliveryFailed } from "../events/notification-events.js";

export interface DispatcherOptions {
  sql: Sql;
  region: string;
  logger: Logger;
  /** Providers; a channel whose provider is not configured dead-letters its deliveries (replayable once it is). */
  sms: SmsGateway | undefined;
  mailer: Mailer | undefined;
  contacts: ContactDirectory;
  maxAttempts: number;
  /** Per attempt. */
  timeoutMs: number;
  /** Deliveries leased per round, and sent side by side at most. */
  batch?: number;
  concurrency?: number;
  pollIntervalMs?: number;
  /** How often the queue (steward.notification.deliveries.pending) is counted. */
  backlogIntervalMs?: number;
  now?: () => Date;
  /**
   * The service's readiness, which watches the dispatcher as the job `notification-dispatcher` (a
   * loop that died or hangs makes the service not ready). Without it only the last-success clock is kept.
   */
  readiness?: HeartbeatRegistry;
}

const job = "notification-dispatcher";

/** The channels providers send on (the inbox is written when planned), and what an attempt can come to. */
const sentChannels = ["sms", "email", "webhook"] as const;
const attemptOutcomes = ["delivered", "failed", "given_up", "skipped"] as const;
type AttemptMetricOutcome = (typeof attemptOutcomes)[number];
const metricOutcome: Record<AttemptOutcome["kind"], AttemptMetricOutcome> = { delivered: "delivered", retry: "failed", dead: "given_up", skipped: "skipped" };

/** How long past an attempt's own timeout its lease lasts: room for the contact look-up and the record. */
const leaseMarginMs = 30_000;

/**
 * Sends what is due on every channel but the inbox (written when planned). A round leases its
 * deliveries in one committed statement (the claim of the attempt), calls the providers with no
 * transaction open — each with the delivery id as its idempotency key — and records every outcome
 * of the round with its events in one transaction, each fenced by the attempt it was leased for.
 * A failed attempt is retried with exponential back-off and jitter until the last attempt, then
 * dead-lettered (notification.failed; ReplayDeliveries puts it back). A process that dies
 * mid-round leaves its leases to run out; the next attempt goes under the same key.
 *
 * Every attempt is counted by channel and outcome and written to the access log of deliveries
 * (ids, never addresses or text); SMS and webhook POSTs and SMTP sends are CLIENT spans under the
 * trace that queued the delivery (the POSTs send its traceparent).
 */
export class Dispatcher {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly attempts = createCounter(
    m.deliveryAttempts,
    sentChannels.flatMap((channel) => attemptOutcomes.map((outcome) => ({ [attributeNames.channel]: channel, [attributeNames.outcome]: outcome }))),
  );
  private readonly latency = createHistogram(m.deliveryLatency);
  private readonly webhookDuration = createHistogram(m.webhookDuration);
  private readonly pending = createGauge(m.deliveriesPending);
  /** Beats every round; a round whose statements went through is a success. */
  private readonly heartbeat: JobHeartbeat;
  private readonly failures: RateLimitedLog;
  private nextBacklogCheck = 0;

  constructor(private readonly options: DispatcherOptions) {
    // A round lasts at most one attempt's timeout (attempts go side by side) plus the contact
    // look-ups and a few statements: a round not over within twice that and a minute is a hung loop.
    this.heartbeat = options.readiness?.job(job, 2 * options.timeoutMs + 60_000) ?? jobHeartbeat(job);
    this.failures = new RateLimitedLog(options.logger);
  }

  /** Starts sending; a committed delivery wakes the loop through LISTEN, the poll is a fallback. */
  async start(): Promise<void> {
    this.running = true;
    const listener = await this.options.sql.listen("steward_deliveries", () => this.wake?.());
    this.unlisten = () => listener.unlisten();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.heartbeat.stop();
    this.wake?.();
    await this.loop;
    await this.unlisten?.().catch(() => {});
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.heartbeat.beat();
      let sent = 0;
      try {
        sent = await this.round();
        this.heartbeat.succeeded();
      } catch (error) {
        this.failures.error("delivery round", { err: error }, "delivery round failed");
      }
      if (Date.now() >= this.nextBacklogCheck) {
        this.nextBacklogCheck = Date.now() + (this.options.backlogIntervalMs ?? 5000);
        await pendingDeliveries(this.options.sql, this.options.region).then(
          (count) => this.pending.record(count),
          (error: unknown) => this.failures.warn("delivery backlog", { err: error }, "could not count pending deliveries"),
        );
      }
      if (!this.running) break;
      if (sent > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One round; returns how many deliveries it attempted. */
  async round(): Promise<number> {
    const { sql, region } = this.options;
    const now = this.options.now ?? (() => new Date());
    const start = now();
    const leased = await leaseDue(sql, region, this.options.batch ?? 200, start, new Date(start.getTime() + this.options.timeoutMs + leaseMarginMs));
    if (leased.length === 0) return 0;
    const outcomes = await mapLimit(leased, this.options.concurrency ?? 32, (delivery) => this.attempt(delivery, now));
    const at = now();
    const recorded = await transaction(sql, async (tx) => {
      const ids = await recordOutcomes(tx, region, outcomes, at);
      const events: EventEnvelope[] = [];
      for (const { delivery, outcome } of outcomes) {
        if (!ids.has(delivery.id)) continue;
        if (outcome.kind === "delivered") events.push(deliveryDelivered(delivery));
        if (outcome.kind === "dead") events.push(deliveryFailed(delivery, outcome.error));
      }
      await recordEvents(tx, events);
      return ids;
    });
    for (const { delivery, outcome } of outcomes) {
      if (outcome.kind === "delivered") continue;
      // The recipient key names a person by id only; addresses never reach the log.
      this.failures.warn(
        `delivery ${delivery.channel} ${outcome.kind}`,
        { deliveryId: delivery.id, channel: delivery.channel, recipient: recipientKey(delivery.recipient), attempt: delivery.attempts, outcome: outcome.kind, reason: outcome.error, recorded: recorded.has(delivery.id), trace_id: spanContextOf(delivery.trace)?.traceId },
        "delivery attempt not delivered",
      );
    }
    return leased.length;
  }

  /** One attempt, measured and logged: the access log of deliveries. */
  private async attempt(delivery: LeasedDelivery, now: () => Date): Promise<{ delivery: LeasedDelivery; outcome: AttemptOutcome }> {
    const started = performance.now();
    const result = await this.send(delivery);
    const seconds = (performance.now() - started) / 1000;
    const at = now();
    const outcome = this.outcomeOf(delivery, result, at);
    const counted = metricOutcome[outcome.kind];
    const channel = { [attributeNames.channel]: delivery.channel };
    this.attempts.add(1, { ...channel, [attributeNames.outcome]: counted });
    if (delivery.channel === "webhook" && outcome.kind !== "skipped") this.webhookDuration.record(seconds, { [attributeNames.outcome]: outcome.kind === "delivered" ? "delivered" : "failed" });
    if (outcome.kind === "delivered") this.latency.record(Math.max(0, (at.getTime() - delivery.createdAt.getTime()) / 1000), channel);
    this.options.logger.info(
      {
        access: "delivery",
        deliveryId: delivery.id,
        channel: delivery.channel,
        template: delivery.template,
        outcome: counted,
        status: "status" in result ? result.status : undefined,
        attempt: delivery.attempts,
        durationMs: Math.round(seconds * 1000),
        trace_id: spanContextOf(delivery.trace)?.traceId,
      },
      "delivery",
    );
    return { delivery, outcome };
  }

  private outcomeOf(delivery: LeasedDelivery, result: SendResult | { kind: "skipped"; error: string }, now: Date): AttemptOutcome {
    switch (result.kind) {
      case "delivered":
        return { kind: "delivered", providerMessageId: result.providerMessageId };
      case "skipped":
        return result;
      case "permanent":
        return { kind: "dead", error: result.error };
      default:
        return delivery.attempts >= this.options.maxAttempts
          ? { kind: "dead", error: `${result.error} (gave up after ${delivery.attempts} attempts)` }
          : { kind: "retry", error: result.error, retryAt: new Date(now.getTime() + retryDelayMs(delivery.attempts)) };
    }
  }

  private async send(delivery: LeasedDelivery): Promise<SendResult | { kind: "skipped"; error: string }> {
    switch (delivery.channel) {
      case "sms": {
        if (!this.options.sms) return { kind: "permanent", error: "no SMS gateway is configured" };
        let phone = delivery.phone;
        if (delivery.recipient.kind === "enterprise") {
          if (!this.options.contacts.linked) return { kind: "permanent", error: "intake is not linked: the enterprise's mobile number cannot be looked up" };
          try {
            phone = await this.options.contacts.enterprisePhone(delivery.recipient.id);
          } catch (error) {
            return { kind: "retry", error: `could not ask intake for the contact: ${(error as Error).message}` };
          }
        }
        if (!phone) return { kind: "skipped", error: "no mobile number" };
        return this.options.sms.send({ idempotencyKey: delivery.id, to: phone, text: delivery.shortText, trace: delivery.trace });
      }
      case "email":
        if (!this.options.mailer) return { kind: "permanent", error: "no mail server is configured" };
        if (!delivery.email) return { kind: "skipped", error: "no e-mail address" };
        return this.options.mailer.send({ deliveryId: delivery.id, to: delivery.email, subject: delivery.title, text: delivery.body, trace: delivery.trace });
      case "webhook":
        if (!delivery.endpoint) return { kind: "skipped", error: "no webhook endpoint registered" };
        return postWebhook(delivery.endpoint, delivery.id, webhookBody(delivery), this.options.timeoutMs, delivery.trace);
      default:
        return { kind: "skipped", error: `nothing sends on ${delivery.channel}` };
    }
  }
}

/** What a department system or the 12345 system receives: the notice and the event's fields. */
function webhookBody(delivery: LeasedDelivery) {
  return {
    id: delivery.id,
    type: delivery.eventType,
    region: delivery.region,
    recipient: recipientKey(delivery.recipient),
    template: delivery.template,
    urgency: delivery.urgency,
    subjectId: delivery.subjectId,
    sourceId: delivery.sourceId,
    title: delivery.title,
    body: delivery.body,
    data: delivery.data ?? {},
    createdAt: delivery.createdAt.toISOString(),
  };
}

/** Maps with at most `limit` calls in flight. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
