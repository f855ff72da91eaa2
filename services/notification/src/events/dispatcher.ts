import { transaction, type Sql } from "@steward/platform/db";
import { recordEvents, type EventEnvelope } from "@steward/platform/events";
import type { Heartbeat } from "@steward/platform/lifecycle";
import type { Logger } from "@steward/platform/logging";
import { leaseDue, markAttemptFailed, markDelivered } from "../db/deliveries.js";
import { retryDelayMs, type Delivery } from "../domain/delivery.js";
import { deliveryDelivered, deliveryFailed } from "./delivery-events.js";

export interface DispatcherOptions {
  sql: Sql;
  logger: Logger;
  webhookUrl: string;
  maxAttempts: number;
  timeoutMs: number;
  pollIntervalMs?: number;
  /** Beats every round, so readiness sees a dispatcher loop that died or hangs. */
  heartbeat?: Heartbeat;
}

/**
 * Sends pending deliveries to the webhook, retrying with backoff and giving up after the
 * configured attempts. Each outcome and its event commit together; the receiver gets an
 * Idempotency-Key (the delivery id) because a crash after sending and before recording resends.
 */
export class Dispatcher {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: DispatcherOptions) {}

  private unlisten: (() => Promise<void>) | undefined;

  /** Starts sending; a committed delivery wakes the loop through LISTEN, the poll is a fallback. */
  async start(): Promise<void> {
    this.running = true;
    const listener = await this.options.sql.listen("steward_deliveries", () => this.wake?.());
    this.unlisten = () => listener.unlisten();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.options.heartbeat?.stop();
    this.wake?.();
    await this.loop;
    await this.unlisten?.().catch(() => {});
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.options.heartbeat?.beat();
      let sent = 0;
      try {
        sent = await this.dispatchBatch();
      } catch (error) {
        this.options.logger.error({ err: error }, "delivery batch failed");
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
    const outcomes = await Promise.all(due.map(async (delivery) => ({ delivery, failure: await this.send(delivery) })));
    const delivered = outcomes.filter((outcome) => outcome.failure === undefined).map((outcome) => outcome.delivery);
    const failed = outcomes.filter((outcome): outcome is { delivery: Delivery; failure: string } => outcome.failure !== undefined);
    await transaction(this.options.sql, async (tx) => {
      const now = new Date();
      const events: EventEnvelope[] = delivered.map(deliveryDelivered);
      const writes: Promise<unknown>[] = [markDelivered(tx, delivered, now)];
      for (const { delivery, failure } of failed) {
        const attempts = delivery.attempts + 1;
        const giveUp = attempts >= this.options.maxAttempts;
        writes.push(markAttemptFailed(tx, delivery, failure, giveUp ? undefined : new Date(now.getTime() + retryDelayMs(attempts))));
        if (giveUp) events.push(deliveryFailed(delivery, failure));
      }
      writes.push(recordEvents(tx, events));
      await Promise.all(writes);
    });
    for (const { delivery, failure } of failed) {
      const attempts = delivery.attempts + 1;
      this.options.logger.warn({ deliveryId: delivery.id, attempts, giveUp: attempts >= this.options.maxAttempts, reason: failure }, "delivery attempt failed");
    }
    return due.length;
  }

  /** One POST; returns the failure reason, or undefined when the receiver accepted it. */
  private async send(delivery: Delivery): Promise<string | undefined> {
    try {
      const response = await fetch(this.options.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "Idempotency-Key": delivery.id },
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
      return response.ok ? undefined : `receiver answered ${response.status}`;
    } catch (error) {
      return (error as Error).name === "TimeoutError" ? "receiver timed out" : `receiver unreachable: ${(error as Error).message}`;
    }
  }
}
