import { headers as natsHeaders } from "@nats-io/nats-core";
import type { JetStreamClient } from "@nats-io/jetstream";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createCounter, createGauge, createHistogram } from "../telemetry/instruments.js";
import { jobHeartbeat } from "../telemetry/jobs.js";
import { attributeNames, metricDefinitions as m } from "../telemetry/names.js";
import { contextFromHeaders, traceHeaders } from "../telemetry/propagation.js";

export interface OutboxRelayOptions {
  sql: Sql;
  js: JetStreamClient;
  logger: Logger;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Fallback poll when no notification arrives (e.g. after a reconnect). */
  pollIntervalMs?: number;

  /** Published rows older than this are deleted. */
  retentionHours?: number;
  /** How often the backlog (steward.outbox.pending, steward.outbox.oldest_age) is measured. */
  backlogIntervalMs?: number;
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
 * Publishes recorded events to JetStream, off the request path, in batches. Rows are claimed with
 * SKIP LOCKED so several replicas share the work without publishing a row twice at once; a row
 * is marked published only after JetStream acknowledged it, with Nats-Msg-Id = event id, so a
 * crash between ack and mark republishes into the duplicate window and is dropped there.
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
  private readonly succeeded = jobHeartbeat("outbox-relay");
  private readonly failures: RateLimitedLog;
  private nextBacklogCheck = 0;

  constructor(private readonly options: OutboxRelayOptions) {
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
      try {
        this.notified = false;
        await this.flush();
        this.succeeded();
        if (Date.now() - lastCleanup > 60_000) {
          lastCleanup = Date.now();
          await this.cleanup();
        }
      } catch (error) {
        this.publishFailures.add(1);
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

  private async publishBatch(): Promise<number> {
    const { sql } = this.options;
    const batchSize = this.options.batchSize ?? 256;
    const started = performance.now();
    const count = await sql.begin(async (tx) => {
      // Claimed and marked in one statement; the mark commits only if every publish was
      // acknowledged, so a failed batch stays pending (the transaction rolls back).
      const rows = await tx<OutboxRow[]>`
        update outbox set published_at = now()
        where seq in (
          select seq from outbox
          where published_at is null
          order by seq
          limit ${batchSize}
          for update skip locked)
        returning seq, event_id, subject, event_type, payload, headers`;
      if (rows.length === 0) return 0;
      rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      // Issued back to back on one connection, so JetStream stores them in seq order.
      const acks = rows.map((row) => this.publish(row));
      await Promise.all(acks); // a duplicate ack is a success: the event is stored once
      for (const row of rows) this.published.add(1, { [attributeNames.eventType]: row.event_type });
      return rows.length;
    });
    if (count > 0) this.publishDuration.record((performance.now() - started) / 1000);
    return count;
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
    return this.options.js.publish(row.subject, row.payload, { msgID: row.event_id, headers, timeout: 10_000 }).then(
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
