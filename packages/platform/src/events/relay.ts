import { headers as natsHeaders } from "@nats-io/nats-core";
import type { JetStreamClient } from "@nats-io/jetstream";
import { metrics } from "@opentelemetry/api";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import type { Heartbeat } from "../lifecycle/readiness.js";
import { attributeNames, metricNames } from "../telemetry/names.js";

export interface OutboxRelayOptions {
  sql: Sql;
  js: JetStreamClient;
  logger: Logger;
  region: string;
  /** Rows claimed per round. */
  batchSize?: number;
  /** Fallback poll when no notification arrives (e.g. after a reconnect). */
  pollIntervalMs?: number;
  /**
   * How long a publish waits for JetStream's acknowledgement (default 5 s). Nothing is held in
   * Postgres meanwhile; a batch not acknowledged in time is released and tried again.
   */
  publishTimeoutMs?: number;
  /**
   * How long a claim keeps other relays off a batch (default 30 s): well above the publish
   * timeout, well below JetStream's 2-minute duplicate window, so rows of a relay that died
   * mid-batch go out again half a minute later and are stored once.
   */
  claimLeaseMs?: number;
  /** Published rows older than this are deleted. */
  retentionHours?: number;
  /** Beats on every round, so readiness sees a relay loop that died or hangs. */
  heartbeat?: Heartbeat;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  subject: string;
  event_type: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/**
 * Publishes recorded events to JetStream, off the request path, in batches of three steps, none
 * inside a transaction: claim a batch (one statement: SKIP LOCKED and a lease, so replicas share
 * the work without publishing a row twice at once), publish it (Nats-Msg-Id = event id; a
 * duplicate ack is a success), then mark what JetStream acknowledged and release the rest. A crash
 * between ack and mark republishes into the duplicate window, where it is dropped.
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  /** Set by a notification; cleared when a flush starts. */
  private notified = false;
  private loop: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly published = metrics.getMeter("steward.platform").createCounter(metricNames.outboxPublished, {
    description: "Events the outbox relay published to JetStream",
  });
  private readonly publishDuration = metrics.getMeter("steward.platform").createHistogram(metricNames.outboxPublishDuration, {
    description: "Time to publish one outbox batch and mark it published",
    unit: "s",
  });

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.running = true;
    const listener = await this.options.sql.listen("steward_outbox", () => {
      this.notified = true;
      this.wake?.();
    });
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

  /** Publishes everything pending now; returns how many events went out. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.publishBatch();
      total += count;
      if (count < (this.options.batchSize ?? 256)) return total;
    }
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollIntervalMs ?? 1000;
    let lastCleanup = 0;
    while (this.running) {
      this.options.heartbeat?.beat();
      try {
        this.notified = false;
        await this.flush();
        if (Date.now() - lastCleanup > 60_000) {
          lastCleanup = Date.now();
          await this.cleanup();
        }
      } catch (error) {
        this.options.logger.error({ err: error }, "outbox relay batch failed; retrying");
        await sleep(500);
      }
      if (!this.running) break;
      // A notification that arrived while a batch was in flight found no `wake` to call: without
      // this check its event would wait for the next poll or commit instead of going out now.
      if (this.notified) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One batch: claim, publish, then mark what was acknowledged and release the rest. */
  private async publishBatch(): Promise<number> {
    const started = performance.now();
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const outcomes = await this.publish(rows);
    const acknowledged = rows.filter((_, index) => outcomes[index]!.status === "fulfilled");
    const refused = rows.filter((_, index) => outcomes[index]!.status === "rejected");
    await this.markPublished(acknowledged);
    for (const row of acknowledged) this.published.add(1, { [attributeNames.eventType]: row.event_type, [attributeNames.region]: this.options.region });
    if (acknowledged.length > 0) this.publishDuration.record((performance.now() - started) / 1000, { [attributeNames.region]: this.options.region });
    if (refused.length > 0) {
      await this.release(refused);
      throw (outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason;
    }
    return rows.length;
  }

  /** Claims the oldest unclaimed pending rows for a lease, in seq order. */
  private async claim(): Promise<OutboxRow[]> {
    const batchSize = this.options.batchSize ?? 256;
    const leaseMs = this.options.claimLeaseMs ?? 30_000;
    const rows = await this.options.sql<OutboxRow[]>`
      update outbox set claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
      where seq in (
        select seq from outbox
        where published_at is null and (claimed_until is null or claimed_until < now())
        order by seq
        limit ${batchSize}
        for update skip locked)
      returning seq, event_id, subject, event_type, payload, headers`;
    return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  }

  /** Publishes every row, issued back to back on one connection so JetStream stores them in seq order. */
  private publish(rows: OutboxRow[]): Promise<PromiseSettledResult<unknown>[]> {
    const timeout = this.options.publishTimeoutMs ?? 5000;
    return Promise.allSettled(
      rows.map((row) => {
        const headers = natsHeaders();
        for (const [key, value] of Object.entries(row.headers ?? {})) headers.set(key, value);
        return this.options.js.publish(row.subject, row.payload, { msgID: row.event_id, headers, timeout });
      }),
    );
  }

  private async markPublished(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.options.sql`update outbox set published_at = now(), claimed_until = null where seq = any(${rows.map((row) => row.seq)}::bigint[])`;
  }

  /** Gives rows JetStream did not acknowledge back at once, rather than when their lease ends. */
  private async release(rows: OutboxRow[]): Promise<void> {
    await this.options.sql`update outbox set claimed_until = null where seq = any(${rows.map((row) => row.seq)}::bigint[]) and published_at is null`;
  }

  private async cleanup(): Promise<void> {
    const hours = this.options.retentionHours ?? 72;
    await this.options.sql`delete from outbox where published_at < now() - make_interval(hours => ${hours})`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
