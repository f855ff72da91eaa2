import { transaction, type Sql } from "@steward/platform/db";
import { recordEvents, type EventEnvelope } from "@steward/platform/events";
import { tracedFetch } from "@steward/platform/http";
import { jobHeartbeat, type HeartbeatRegistry, type JobHeartbeat } from "@steward/platform/lifecycle";
import { RateLimitedLog, type Logger } from "@steward/platform/logging";
import { attributeNames, createCounter, createGauge, createHistogram, metricDefinitions as m, spanContextOf } from "@steward/platform/telemetry";
import { leaseDue, markAttemptFailed, markDelivered, pendingDeliveries, type LeasedDelivery } from "../db/deliveries.js";
import { retryDelayMs, type Delivery } from "../domain/delivery.js";
import { deliveryDelivered, deliveryFailed } from "./delivery-events.js";

export interface DispatcherOptions {
  sql: Sql;
  logger: Logger;
  webhookUrl: string;
  maxAttempts: number;
  timeoutMs: number;
  pollIntervalMs?: number;
  /** How often the queue (steward.notification.deliveries.pending) is counted. */
  backlogIntervalMs?: number;
  /**
   * The service's readiness, which watches the dispatcher as the job `notification-dispatcher` (a
   * loop that died or hangs makes the service not ready). Without it only the last-success clock is kept.
   */
  readiness?: HeartbeatRegistry;
}

const job = "notification-dispatcher";

/** What one attempt came to. */
interface Attempt {
  delivery: Delivery;
  /** Why the receiver did not take it; undefined when it did. */
  failure: string | undefined;
  giveUp: boolean;
}

const outcomes = ["delivered", "failed", "given_up"] as const;

/**
 * Sends pending deliveries to the webhook, retrying with backoff and giving up after the
 * configured attempts. Each outcome and its event commit together; the receiver gets an
 * Idempotency-Key (the delivery id) because a crash after sending and before recording resends.
 * Every POST is a span under the trace that queued the delivery and carries its traceparent.
 */
export class Dispatcher {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly attempts = createCounter(m.deliveryAttempts, outcomes.map((outcome) => ({ [attributeNames.outcome]: outcome })));
  private readonly latency = createHistogram(m.deliveryLatency);
  private readonly postDuration = createHistogram(m.webhookDuration);
  private readonly pending = createGauge(m.deliveriesPending);
  /** Beats every round; a round whose statements went through is a success. */
  private readonly heartbeat: JobHeartbeat;
  private readonly failures: RateLimitedLog;
  private nextBacklogCheck = 0;

  constructor(private readonly options: DispatcherOptions) {
    // A round lasts at most the webhook timeout plus a few statements: a minute without one is a hung loop.
    this.heartbeat = options.readiness?.job(job, 60_000) ?? jobHeartbeat(job);
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
        sent = await this.dispatchBatch();
        this.heartbeat.succeeded();
      } catch (error) {
        this.failures.error("delivery batch", { err: error }, "delivery batch failed");
      }
      if (Date.now() >= this.nextBacklogCheck) {
        this.nextBacklogCheck = Date.now() + (this.options.backlogIntervalMs ?? 5000);
        await pendingDeliveries(this.options.sql).then(
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

  /**
   * Sends a round of due deliveries at once, outside any transaction (a slow receiver must not
   * hold locks), then records every outcome of the round and its events in one transaction: one
   * UPDATE for all that were delivered, so a busy round costs the database a few statements, not a
   * transaction per delivery.
   */
  private async dispatchBatch(): Promise<number> {
    const due = await leaseDue(this.options.sql, 50, this.options.timeoutMs * 2);
    if (due.length === 0) return 0;
    const attempts = await Promise.all(due.map((leased) => this.attempt(leased)));
    const delivered = attempts.filter((attempt) => attempt.failure === undefined).map((attempt) => attempt.delivery);
    const failed = attempts.filter((attempt): attempt is Attempt & { failure: string } => attempt.failure !== undefined);
    await transaction(this.options.sql, async (tx) => {
      const now = new Date();
      const events: EventEnvelope[] = delivered.map(deliveryDelivered);
      const writes: Promise<unknown>[] = [markDelivered(tx, delivered, now)];
      for (const { delivery, failure, giveUp } of failed) {
        writes.push(markAttemptFailed(tx, delivery, failure, giveUp ? undefined : new Date(now.getTime() + retryDelayMs(delivery.attempts + 1))));
        if (giveUp) events.push(deliveryFailed(delivery, failure));
      }
      writes.push(recordEvents(tx, events));
      await Promise.all(writes);
    });
    return due.length;
  }

  /** One POST, measured and logged: the access log of deliveries. */
  private async attempt({ delivery, trace }: LeasedDelivery): Promise<Attempt> {
    const started = performance.now();
    const { failure, status } = await this.send(delivery, trace);
    const seconds = (performance.now() - started) / 1000;
    const attempt = delivery.attempts + 1;
    const giveUp = failure !== undefined && attempt >= this.options.maxAttempts;
    const outcome = failure === undefined ? "delivered" : giveUp ? "given_up" : "failed";
    this.attempts.add(1, { [attributeNames.outcome]: outcome });
    this.postDuration.record(seconds, { [attributeNames.outcome]: failure === undefined ? "delivered" : "failed" });
    if (failure === undefined) this.latency.record(Math.max(0, (Date.now() - delivery.createdAt.getTime()) / 1000));
    const fields = { access: "delivery", deliveryId: delivery.id, template: delivery.template, outcome, status, attempt, durationMs: Math.round(seconds * 1000), trace_id: spanContextOf(trace)?.traceId };
    this.options.logger.info(fields, "delivery");
    if (failure !== undefined) this.failures.warn("delivery attempt", { deliveryId: delivery.id, attempt, giveUp, reason: failure, trace_id: fields.trace_id }, "delivery attempt failed");
    return { delivery, failure, giveUp };
  }

  /** One POST under the delivery's trace; the failure reason, or undefined when the receiver accepted it. */
  private async send(delivery: Delivery, trace: LeasedDelivery["trace"]): Promise<{ failure: string | undefined; status?: number }> {
    try {
      const response = await tracedFetch(this.options.webhookUrl, {
        method: "POST",
        parent: trace,
        headers: { "content-type": "application/json", "idempotency-key": delivery.id },
        body: JSON.stringify({
          id: delivery.id,
          region: delivery.region,
          template: delivery.template,
          subjectId: delivery.subjectId,
          title: delivery.title,
          body: delivery.body,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      return { failure: response.ok ? undefined : `receiver answered ${response.status}`, status: response.status };
    } catch (error) {
      return { failure: (error as Error).name === "TimeoutError" ? "receiver timed out" : `receiver unreachable: ${(error as Error).message}` };
    }
  }
}
