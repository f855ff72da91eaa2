import { headers as natsHeaders } from "@nats-io/nats-core";
import type { JetStreamClient } from "@nats-io/jetstream";
import { metrics } from "@opentelemetry/api";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import { attributeNames, metricNames } from "../telemetry/names.js";

export interface OutboxRelayOptions {
  sql: Sql;
  js: JetStreamClient;
  logger: Logger;
  region: string;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Fallback poll when no notification arrives (e.g. after a reconnect). */
  pollIntervalMs?: number;

  /** Published rows older than this are deleted. */
  retentionHours?: number;
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

  private async publishBatch(): Promise<number> {
    const { sql, js } = this.options;
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
      const acks = rows.map((row) => {
        const headers = natsHeaders();
        for (const [key, value] of Object.entries(row.headers ?? {})) headers.set(key, value);
        return js.publish(row.subject, row.payload, { msgID: row.event_id, headers, timeout: 10_000 });
      });
      await Promise.all(acks); // a duplicate ack is a success: the event is stored once
      for (const row of rows) this.published.add(1, { [attributeNames.eventType]: row.event_type, [attributeNames.region]: this.options.region });
      return rows.length;
    });
    if (count > 0) this.publishDuration.record((performance.now() - started) / 1000, { [attributeNames.region]: this.options.region });
    return count;
  }

  private async cleanup(): Promise<void> {
    const hours = this.options.retentionHours ?? 72;
    await this.options.sql`delete from outbox where published_at < now() - make_interval(hours => ${hours})`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
