import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from "@nats-io/jetstream";
import type { Attributes, Context, Gauge, Span } from "@opentelemetry/api";
import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import type { Sql, TransactionSql } from "postgres";
import type { Logger } from "pino";
import { transaction } from "../db/index.js";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { caseAttributes, currentTraceCarrier, withCaseBaggage, type CaseRef, type TraceCarrier } from "../telemetry/case-trace.js";
import { createGauge, createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions as m } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import type { Heartbeat } from "../lifecycle/heartbeat.js";
import type { Bus } from "./bus.js";
import { isNotFound } from "./bus.js";
import { decodeEvent, type EventEnvelope } from "./envelope.js";
import { subjectFor } from "./subjects.js";

/** Handles one event inside the consumer's transaction; everything it writes commits with the inbox row. */
export type EventHandler = (tx: TransactionSql, event: EventEnvelope) => Promise<void>;

/**
 * Handles a fetched batch of events inside ONE transaction with their inbox rows. It receives only
 * events this consumer has not handled before, each once, in the order they were delivered. No
 * span is active while it runs (the batch has one per event): `traceOf` gives the trace context
 * of an event's consumer span — or, for an event of an earlier batch it kept and handles now, the
 * context the event was recorded in — to store with what it queues, so later work joins that trace.
 */
export type BatchEventHandler = (tx: TransactionSql, events: EventEnvelope[], traceOf: (event: EventEnvelope) => TraceCarrier) => Promise<void>;

export interface ConsumerOptions {
  bus: Bus;
  sql: Sql;
  logger: Logger;
  /** Durable consumer name, unique per service and purpose, e.g. "agreement-projects". */
  durable: string;
  /** Event types to receive, e.g. ["intake.project.registered"]. */
  eventTypes: string[];
  /**
   * Another stream of this bus to read instead of the region's own, with its subject filters
   * (e.g. assessment's history stream, which sources several regions' streams); every subject of
   * that stream when no filter is given. `eventTypes` is then ignored.
   */
  source?: { stream: string; subjects?: string[] };
  /** One transaction per event. Give exactly one of `handler` and `batchHandler`. */
  handler?: EventHandler;
  /**
   * One transaction per fetched batch: the batch's inbox rows and everything the handler writes
   * commit together, and the messages are acked after the commit. When a batch fails, its events
   * are handled one by one (each in a transaction of its own), so one poisonous event is retried
   * alone and does not hold back the others.
   */
  batchHandler?: BatchEventHandler;
  /** How long JetStream waits for an ack before redelivering. */
  ackWaitMs?: number;
  maxBatch?: number;
  /**
   * Batch handlers only: how long an event that finds the consumer idle waits for others to join
   * its batch (default 0: handled at once). Under load batches form by themselves (whatever
   * arrives while one is handled is the next); at a moderate rate events trickle in one at a time
   * and each costs a transaction, its statements and its commit. A window of a few tens of
   * milliseconds divides that by the events it gathers, for that much latency.
   */
  batchWindowMs?: number;
  /**
   * How long each pull request lives; JetStream heartbeats it every half of this. A consumer that
   * vanished without telling us (deleted while we were disconnected, lost by the server) is only
   * noticed after two missed heartbeats or two failed look-ups a pull apart, so this bounds how
   * long such a loss stalls delivery. Default 5 s (recovery in about 5-8 s); the client's own
   * default of 30 s meant stalls of 30-45 s, for the saving of one small pull request a few seconds.
   */
  pullExpiresMs?: number;
  /** Beats on every message and pull status, so readiness sees a loop that died or hangs. */
  heartbeat?: Heartbeat;
  /** The longest wait before a failed event is redelivered (default 2 s); see redeliveryDelayMs. */
  maxRedeliveryDelayMs?: number;
  /** How often the consumer's backlog (pending, ack pending, redelivered) is read from JetStream. */
  lagIntervalMs?: number;
}

const tracer = () => trace.getTracer("steward.platform");

/**
 * A durable pull consumer with explicit acks. Each message is handled exactly once per consumer:
 * the inbox row (consumer, event id) is inserted in the same transaction as the handler's writes,
 * so a redelivery or replay finds it and only acks. The consumer recreates itself when it is
 * deleted and restarts its pull loop after missed heartbeats.
 */
export class EventConsumer {
  private running = false;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private readonly duration = createHistogram(m.consumerDuration);
  private readonly lag: { pending: Gauge; ackPending: Gauge; redelivered: Gauge };
  private lagTimer: NodeJS.Timeout | undefined;
  private readonly labels: { [attributeNames.consumer]: string };
  private readonly failures: RateLimitedLog;

  constructor(private readonly options: ConsumerOptions) {
    if ((options.handler === undefined) === (options.batchHandler === undefined)) throw new TypeError(`consumer ${options.durable}: give exactly one of handler and batchHandler`);
    this.labels = { [attributeNames.consumer]: options.durable };
    this.lag = {
      pending: createGauge(m.consumerPending, [this.labels]),
      ackPending: createGauge(m.consumerAckPending, [this.labels]),
      redelivered: createGauge(m.consumerRedelivered, [this.labels]),
    };
    this.failures = new RateLimitedLog(options.logger);
  }

  async start(): Promise<void> {
    this.running = true;
    await this.ensureConsumer();
    this.loop = this.run().catch((error: unknown) => this.options.heartbeat?.died(error));
    this.measureLag();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.options.heartbeat?.stop();
    clearTimeout(this.lagTimer);
    await this.messages?.close().catch(() => {});
    await this.loop;
  }

  /**
   * Reads the consumer's backlog from JetStream now and every lagIntervalMs: what is waiting,
   * what is out unacknowledged, and what keeps being redelivered. A failed read keeps the last values.
   */
  private measureLag(): void {
    const { bus, durable } = this.options;
    void bus.jsm.consumers
      .info(this.stream, durable)
      .then(
        (info) => {
          this.lag.pending.record(info.num_pending, this.labels);
          this.lag.ackPending.record(info.num_ack_pending, this.labels);
          this.lag.redelivered.record(info.num_redelivered, this.labels);
        },
        (error: unknown) => this.failures.warn(`lag ${durable}`, { err: error, consumer: durable }, "could not read the consumer's backlog"),
      )
      .finally(() => {
        if (this.running) this.lagTimer = setTimeout(() => this.measureLag(), this.options.lagIntervalMs ?? 5000);
      });
  }

  /** The stream this consumer reads: the region's, or the one `source` names. */
  private get stream(): string {
    return this.options.source?.stream ?? this.options.bus.stream;
  }

  private async ensureConsumer(): Promise<void> {
    const { bus, durable, source } = this.options;
    const stream = this.stream;
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subjects: source ? (source.subjects ?? []) : this.options.eventTypes.map((type) => subjectFor(bus.region, type)),
      ack_wait: (this.options.ackWaitMs ?? 30_000) * 1_000_000,
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await bus.jsm.consumers.info(stream, durable);
      await bus.jsm.consumers.update(stream, durable, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await bus.jsm.consumers.add(stream, config);
    }
  }

  private async run(): Promise<void> {
    const { bus, durable } = this.options;
    let backoffMs = 100;
    while (this.running) {
      try {
        const consumer = await bus.js.consumers.get(this.stream, durable);
        const messages = await consumer.consume({ max_messages: this.options.maxBatch ?? 256, expires: this.options.pullExpiresMs ?? 5000 });
        this.messages = messages;
        // stop() may have run while we were awaiting the consumer: it found no `messages` to
        // close, so without this the new pull loop would run on and stop() never return. (Not
        // awaited: close() settles only once the loop below has drained the iterator.)
        if (!this.running) void messages.close().catch(() => {});
        void (async () => {
          for await (const status of messages.status()) {
            this.options.heartbeat?.beat(); // a pull every `expires` keeps an idle consumer beating
            const recreate = status.type === "consumer_deleted" || (status.type === "consumer_not_found" && status.count >= 2);
            const stalled = status.type === "heartbeats_missed" && status.count >= 2;
            if (recreate || stalled) {
              this.failures.warn(`lost ${durable}`, { consumer: durable, status: status.type }, "consumer lost; recovering");
              await messages.close().catch(() => {});
              return;
            }
          }
        })();
        if (this.options.batchHandler) {
          await this.consumeInBatches(messages);
        } else {
          for await (const message of messages) {
            await this.handle(message);
            this.options.heartbeat?.beat();
            backoffMs = 100;
          }
        }
        backoffMs = 100;
      } catch (error) {
        if (!this.running) break;
        this.failures.warn(`loop ${durable}`, { err: error, consumer: durable }, "consumer loop failed; recovering");
      }
      if (!this.running) break;
      this.options.heartbeat?.beat(); // recovering is alive too; a dead NATS shows as its own check
      // The pull loop only ends on its own when the consumer was lost or the stream stalled.
      await sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5000);
      await this.ensureConsumer().catch((error) => this.failures.warn(`recreate ${durable}`, { err: error, consumer: durable }, "could not recreate consumer"));
    }
  }

  /**
   * Reads messages as they arrive and hands them over in batches: whatever arrived while the
   * previous batch was being handled forms the next one (up to maxBatch). A quiet stream gets
   * each event handled at once, or after batchWindowMs with those that came meanwhile; a busy one
   * gets large batches and few transactions.
   */
  private async consumeInBatches(messages: ConsumerMessages): Promise<void> {
    const maxBatch = this.options.maxBatch ?? 256;
    const windowMs = this.options.batchWindowMs ?? 0;
    const pending: JsMsg[] = [];
    let draining: Promise<void> | undefined;
    // Ends the idle window early once a whole batch is waiting.
    let windowFull: (() => void) | undefined;
    const drain = async () => {
      try {
        if (windowMs > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, windowMs);
            windowFull = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          windowFull = undefined;
        }
        while (pending.length > 0) {
          await this.handleBatch(pending.splice(0, maxBatch));
          this.options.heartbeat?.beat();
        }
      } finally {
        // Cleared in the same turn as the last emptiness check: a message pushed after it starts a new drain.
        draining = undefined;
      }
    };
    for await (const message of messages) {
      pending.push(message);
      draining ??= drain();
      // Back-pressure: no more than a batch waits while one is being handled.
      if (pending.length >= maxBatch) {
        windowFull?.();
        await draining;
      }
    }
    // Stopping (or a lost pull) does not wait out the window: what arrived is handled now.
    windowFull?.();
    await draining;
  }

  private async handleBatch(messages: JsMsg[]): Promise<void> {
    const { durable, logger } = this.options;
    const started = performance.now();
    const decoded: { message: JsMsg; event: EventEnvelope; span: Span; context: Context }[] = [];
    for (const message of messages) {
      let event: EventEnvelope;
      try {
        event = decodeEvent(message.data);
      } catch (error) {
        logger.error({ err: error, consumer: durable, subject: message.subject, seq: message.seq }, "undecodable event terminated");
        message.term("undecodable");
        continue;
      }
      // Each event's trace goes on into the consumer: one span per event, ended with its batch.
      const { parent, attributes } = this.spanOf(message, event);
      const span = tracer().startSpan(`consume ${event.type}`, { kind: SpanKind.CONSUMER, attributes: { ...attributes, [attributeNames.batchSize]: messages.length } }, parent);
      decoded.push({ message, event, span, context: trace.setSpan(parent, span) });
    }
    if (decoded.length === 0) return;
    const contexts = new Map(decoded.map((entry) => [entry.event.id, entry.context]));
    const traceOf = (event: EventEnvelope): TraceCarrier => {
      const consumed = contexts.get(event.id);
      return consumed ? context.with(consumed, currentTraceCarrier) : event.traceContext;
    };
    let outcomes: Map<JsMsg, "handled" | "duplicate" | "failed">;
    try {
      const fresh = await this.inTransaction(decoded.map((entry) => entry.event), traceOf);
      outcomes = new Map(decoded.map(({ message, event }) => [message, fresh.has(event) ? "handled" : "duplicate"]));
      for (const { message } of decoded) message.ack();
    } catch (error) {
      if (decoded.length > 1) this.failures.warn(`batch ${durable}`, { err: error, consumer: durable, events: decoded.length }, "event batch failed; handling its events one by one");
      outcomes = new Map();
      for (const { message, event, span, context: consumed } of decoded) {
        try {
          const fresh = await this.inTransaction([event], traceOf);
          outcomes.set(message, fresh.size > 0 ? "handled" : "duplicate");
          message.ack();
        } catch (single) {
          outcomes.set(message, "failed");
          span.recordException(single as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          context.with(consumed, () =>
            this.failures.error(`handler ${durable}`, { err: single, consumer: durable, eventId: event.id, type: event.type }, "event handler failed; will redeliver"),
          );
          message.nak(redeliveryDelayMs(message.info.deliveryCount, this.options.maxRedeliveryDelayMs));
        }
      }
    }
    // Every event of a batch shares its cost.
    const seconds = (performance.now() - started) / 1000 / decoded.length;
    for (const { message, event, span, context: consumed } of decoded) {
      const outcome = outcomes.get(message) ?? "failed";
      this.duration.record(seconds, { [attributeNames.consumer]: durable, [attributeNames.eventType]: event.type, [attributeNames.outcome]: outcome });
      // The access log of events: one line per delivery of an event to this consumer, written
      // under the event's own consumer span so that it carries that trace's id.
      context.with(consumed, () =>
        logger.info(
          { access: "event", consumer: durable, type: event.type, eventId: event.id, outcome, delivery: message.info.deliveryCount, durationMs: Math.round(seconds * 1000), batch: decoded.length },
          "event",
        ),
      );
      span.end();
    }
  }

  /**
   * The context an event's consumer span starts under — the producer's, with the case's ids as
   * baggage, so everything the handler starts or records (events, deliveries, calls) carries them
   * on — and the span's attributes (the messaging conventions, the case's ids).
   */
  private spanOf(message: JsMsg, event: EventEnvelope): { parent: Context; attributes: Attributes } {
    const ref = caseOf(event);
    const parent = withCaseBaggage(ref, contextFromHeaders((key) => message.headers?.get(key) || event.traceContext[key]));
    return {
      parent,
      attributes: {
        [attributeNames.consumer]: this.options.durable,
        [attributeNames.eventType]: event.type,
        ...caseAttributes(ref),
        [attributeNames.messagingSystem]: "nats",
        [attributeNames.messagingDestination]: message.subject,
        [attributeNames.messagingOperationName]: "process",
        [attributeNames.messagingOperationType]: "process",
        [attributeNames.messagingMessageId]: event.id,
      },
    };
  }

  /**
   * Inserts the inbox rows of `events` and hands the ones not seen before (each once) to the batch
   * handler, all in one transaction. Returns the events that were handled.
   */
  private async inTransaction(events: EventEnvelope[], traceOf: (event: EventEnvelope) => TraceCarrier): Promise<Set<EventEnvelope>> {
    const { durable } = this.options;
    const batchHandler = this.options.batchHandler!;
    return transaction(this.options.sql, async (tx) => {
      const inserted = await tx<{ event_id: string }[]>`
        insert into inbox (consumer, event_id, region, event_type)
        select ${durable}, id, region, type
        from unnest(${events.map((event) => event.id)}::uuid[], ${events.map((event) => event.region)}::text[], ${events.map((event) => event.type)}::text[]) as e(id, region, type)
        on conflict do nothing
        returning event_id`;
      const ids = new Set(inserted.map((row) => row.event_id));
      // The same event twice in one batch (a replay under another message id) is handled once.
      const fresh = events.filter((event) => ids.delete(event.id));
      if (fresh.length > 0) await batchHandler(tx, fresh, traceOf);
      return new Set(fresh);
    });
  }

  private async handle(message: JsMsg): Promise<void> {
    const { durable, logger } = this.options;
    const started = performance.now();
    let event: EventEnvelope;
    try {
      event = decodeEvent(message.data);
    } catch (error) {
      // A message that cannot be decoded never will be: stop redelivering it, keep a record.
      logger.error({ err: error, consumer: durable, subject: message.subject, seq: message.seq }, "undecodable event terminated");
      message.term("undecodable");
      return;
    }
    const { parent, attributes: spanAttributes } = this.spanOf(message, event);
    const attributes = { [attributeNames.consumer]: durable, [attributeNames.eventType]: event.type };
    await context.with(parent, () =>
      tracer().startActiveSpan(`consume ${event.type}`, { kind: SpanKind.CONSUMER, attributes: spanAttributes }, async (span) => {
        let outcome = "handled";
        try {
          const handled = await transaction(this.options.sql, async (tx) => {
            const inserted = await tx`
              insert into inbox (consumer, event_id, region, event_type)
              values (${durable}, ${event.id}, ${event.region}, ${event.type})
              on conflict do nothing
              returning event_id`;
            if (inserted.length === 0) return false;
            await this.options.handler!(tx, event);
            return true;
          });
          if (!handled) outcome = "duplicate";
          message.ack();
        } catch (error) {
          outcome = "failed";
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          this.failures.error(`handler ${durable}`, { err: error, consumer: durable, eventId: event.id, type: event.type }, "event handler failed; will redeliver");
          message.nak(redeliveryDelayMs(message.info.deliveryCount, this.options.maxRedeliveryDelayMs));
        } finally {
          const seconds = (performance.now() - started) / 1000;
          this.duration.record(seconds, { ...attributes, [attributeNames.outcome]: outcome });
          // The access log of events: one line per delivery of an event to this consumer.
          logger.info(
            { access: "event", consumer: durable, type: event.type, eventId: event.id, outcome, delivery: message.info.deliveryCount, durationMs: Math.round(seconds * 1000) },
            "event",
          );
          span.end();
        }
      }),
    );
  }
}

/**
 * How long JetStream waits before redelivering an event whose handler failed: doubling from
 * 250 ms, capped (default 2 s). The cap is what brings a consumer back within seconds once the
 * service it calls returns: an uncapped or 30 s backoff left agreement failing for most of a
 * minute after approval routing restarted.
 */
export function redeliveryDelayMs(deliveryCount: number, capMs = 2000): number {
  return Math.min(250 * 2 ** Math.max(0, Math.min(deliveryCount - 1, 16)), capMs);
}

/**
 * The case and project an event is about, read from its payload: routing's events name a case,
 * most name a project. Ids only — never the payload's other fields.
 */
function caseOf(event: EventEnvelope): CaseRef {
  const value = event.payload?.value as { caseId?: unknown; projectId?: unknown } | undefined;
  return {
    caseId: typeof value?.caseId === "string" && value.caseId !== "" ? value.caseId : undefined,
    projectId: typeof value?.projectId === "string" && value.projectId !== "" ? value.projectId : undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
