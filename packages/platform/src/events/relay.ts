import { headers as natsHeaders } from "@nats-io/nats-core";
import type { JetStreamClient } from "@nats-io/jetstream";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import { jobHeartbeat, type HeartbeatRegistry, type JobHeartbeat } from "../lifecycle/heartbeat.js";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createCounter, createGauge, createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions as m } from "../telemetry/names.js";
import { contextFromHeaders, traceHeaders } from "../telemetry/propagation.js";

export interface OutboxRelayOptions {
  sql: Sql;
  js: JetStreamClient;
  logger: Logger;
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
  /** How often the backlog (steward.outbox.pending, steward.outbox.oldest_age) is measured. */
  backlogIntervalMs?: number;
  /**
   * The service's readiness, which watches the relay as the job `outbox-relay` (a loop that died
   * or hangs makes the service not ready). Without it only the job's last-success clock is kept.
   */
  readiness?: HeartbeatRegistry;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  subject: string;
  event_type: string;
  payload: Buffer;
  headers: Record<string, string>;
}

const job = "outbox-relay";

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
  private readonly tracer = trace.getTracer("steward.events");
  private readonly published = createCounter(m.outboxPublished, []);
  private readonly publishFailures = createCounter(m.outboxPublishFailures);
  private readonly publishDuration = createHistogram(m.outboxPublishDuration);
  private readonly pending = createGauge(m.outboxPending);
  private readonly oldestAge = createGauge(m.outboxOldestAge);
  /** Beats every round and batch; a flush that went through is a success. */
  private readonly heartbeat: JobHeartbeat;
  private readonly failures: RateLimitedLog;
  private nextBacklogCheck = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.heartbeat = options.readiness?.job(job, 60_000) ?? jobHeartbeat(job);
    this.failures = new RateLimitedLog(options.logger);
  }

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
    this.heartbeat.stop();
    this.wake?.();
    await this.loop;
    await this.unlisten?.().catch(() => {});
  }

  /** Publishes everything pending now; returns how many events went out. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.publishBatch();
      this.heartbeat.beat(); // a long backlog is many batches, each proof the loop still turns
      total += count;
      if (count < (this.options.batchSize ?? 256)) return total;
    }
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollIntervalMs ?? 1000;
    let lastCleanup = 0;
    while (this.running) {
      this.heartbeat.beat();
      try {
        this.notified = false;
        await this.flush();
        this.heartbeat.succeeded();
        if (Date.now() - lastCleanup > 60_000) {
          lastCleanup = Date.now();
          await this.cleanup();
        }
      } catch (error) {
        this.failures.error("outbox relay", { err: error }, "outbox relay batch failed; retrying");
        await sleep(500);
      }
      // Measured whether or not publishing works: a backlog matters most when it does not.
      if (Date.now() >= this.nextBacklogCheck) {
        this.nextBacklogCheck = Date.now() + (this.options.backlogIntervalMs ?? 5000);
        await this.measureBacklog().catch((error: unknown) => this.failures.warn("outbox backlog", { err: error }, "could not measure the outbox backlog"));
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
    // Issued back to back on one connection, so JetStream stores them in seq order.
    const outcomes = await Promise.allSettled(rows.map((row) => this.publish(row)));
    const acknowledged = rows.filter((_, index) => outcomes[index]!.status === "fulfilled");
    const refused = rows.filter((_, index) => outcomes[index]!.status === "rejected");
    await this.markPublished(acknowledged);
    for (const row of acknowledged) this.published.add(1, { [attributeNames.eventType]: row.event_type });
    if (acknowledged.length > 0) this.publishDuration.record((performance.now() - started) / 1000);
    if (refused.length > 0) {
      this.publishFailures.add(1);
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

  /**
   * One publish, as a PRODUCER span under the span that recorded the event (its context is in the
   * row's headers); the message carries the PRODUCER span's context, so consumers continue it.
   */
  private publish(row: OutboxRow): Promise<unknown> {
    const recorded = contextFromHeaders((key) => row.headers?.[key]);
    const span = this.tracer.startSpan(
      `publish ${row.event_type}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          [attributeNames.messagingSystem]: "nats",
          [attributeNames.messagingDestination]: row.subject,
          [attributeNames.messagingOperationName]: "publish",
          [attributeNames.messagingOperationType]: "send",
          [attributeNames.messagingMessageId]: row.event_id,
          [attributeNames.eventType]: row.event_type,
        },
      },
      recorded,
    );
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(traceHeaders(trace.setSpan(recorded, span)))) headers.set(key, value);
    const timeout = this.options.publishTimeoutMs ?? 5000;
    return this.options.js.publish(row.subject, row.payload, { msgID: row.event_id, headers, timeout }).then(
      (ack) => {
        span.end();
        return ack;
      },
      (error: unknown) => {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        throw error;
      },
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

  /** Unpublished events and the age of the oldest (seq order is recording order). */
  private async measureBacklog(): Promise<void> {
    const [row] = await this.options.sql<{ pending: number; age: number | null }[]>`
      select count(*)::int as pending,
             extract(epoch from now() - (select created_at from outbox where published_at is null order by seq limit 1))::float8 as age
      from outbox where published_at is null`;
    this.pending.record(row?.pending ?? 0);
    this.oldestAge.record(Math.max(0, row?.age ?? 0));
  }

  private async cleanup(): Promise<void> {
    const hours = this.options.retentionHours ?? 72;
    await this.options.sql`delete from outbox where published_at < now() - make_interval(hours => ${hours})`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
