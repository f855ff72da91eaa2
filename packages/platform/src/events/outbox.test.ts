import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JetStreamClient } from "@nats-io/jetstream";
import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, stack, uniqueRegion, type TestDatabase } from "@steward/testing";
import { Readiness } from "../lifecycle/readiness.js";
import { startTelemetry } from "../telemetry/index.js";
import { createDatabase, migrate, transaction, type Sql } from "../db/index.js";
import { connectBus, type Bus } from "./bus.js";
import { decodeEvent, newEvent, type EventEnvelope } from "./envelope.js";
import { recordEvents } from "./outbox.js";
import { OutboxRelay } from "./relay.js";
import { subjectFor } from "./subjects.js";
import { eventPayloadsV1 } from "@steward/proto";

const logger = pino({ level: "silent" });

let db: TestDatabase;
let migrations: string;
let sql: Sql;
let bus: Bus;
let region: string;

beforeAll(async () => {
  db = await createTestDatabase("outbox");
  migrations = await mkdtemp(join(tmpdir(), "steward-outbox-"));
  await migrate({ databaseUrl: db.url, dir: migrations });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 15_000, applicationName: "outbox-test" });
  region = uniqueRegion("ob");
  bus = await connectBus({ url: stack.natsUrl, name: "outbox-test", region, logger });
});

afterAll(async () => {
  await bus?.jsm.streams.delete(bus.stream).catch(() => {});
  await bus?.close();
  await sql?.end();
  await db?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

// Each test starts from an empty outbox and an empty stream.
beforeEach(async () => {
  await sql`truncate outbox`;
  await bus.jsm.streams.purge(bus.stream);
});

let relays: OutboxRelay[] = [];
afterEach(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  relays = [];
});

function relay(options: { js?: JetStreamClient; pollIntervalMs?: number; batchSize?: number; publishTimeoutMs?: number; claimLeaseMs?: number } = {}): OutboxRelay {
  const created = new OutboxRelay({ sql, logger, ...options, js: options.js ?? bus.js });
  relays.push(created);
  return created;
}

function projectRegistered(name: string): EventEnvelope {
  return newEvent({
    region,
    aggregateId: `project-${name}`,
    payload: {
      $case: "projectRegistered",
      value: eventPayloadsV1.ProjectRegistered.fromPartial({ projectId: `project-${name}`, projectName: name, enterpriseName: "Hanbin Agritech", creditCode: "91610902MA70000000", investmentWanYuanExact: "1200", industryChain: "agriculture" }),
    },
  });
}

async function streamMessages(): Promise<number> {
  return (await bus.jsm.streams.info(bus.stream)).state.messages;
}

async function storedMessages() {
  const { first_seq: first, last_seq: last, messages } = (await bus.jsm.streams.info(bus.stream)).state;
  if (messages === 0) return [];
  const stored = [];
  for (let seq = first; seq <= last; seq++) {
    const message = await bus.jsm.streams.getMessage(bus.stream, { seq });
    if (message) stored.push(message);
  }
  return stored;
}

describe("recordEvents and OutboxRelay", () => {
  it("publishes nothing for events recorded in a transaction that rolls back", async () => {
    await expect(
      transaction(sql, async (tx) => {
        await recordEvents(tx, [projectRegistered("rolled-back-1"), projectRegistered("rolled-back-2")]);
        throw new Error("business rule refused");
      }),
    ).rejects.toThrow("business rule refused");

    expect(await sql`select event_id from outbox`).toEqual([]);
    expect(await relay().flush()).toBe(0);
    expect(await streamMessages()).toBe(0);
  });

  it("publishes committed events to JetStream in seq order, with Nats-Msg-Id = event id, and marks them published", async () => {
    const recorded: EventEnvelope[] = [];
    for (const size of [12, 1, 12]) {
      const events = Array.from({ length: size }, (_, i) => projectRegistered(`p${recorded.length + i}`));
      await transaction(sql, (tx) => recordEvents(tx, events));
      recorded.push(...events);
    }

    // Several batches, each with many publishes in flight at once.
    expect(await relay({ batchSize: 10 }).flush()).toBe(25);

    const stored = await storedMessages();
    expect(stored.map((message) => message.header.get("Nats-Msg-Id"))).toEqual(recorded.map((event) => event.id));
    expect(stored.map((message) => message.subject)).toEqual(recorded.map((event) => subjectFor(region, event.type)));
    expect(stored.map((message) => decodeEvent(message.data))).toEqual(recorded.map((event) => ({ ...event, traceContext: {} })));

    const rows = await sql<{ event_id: string; published_at: Date | null }[]>`select event_id, published_at from outbox order by seq`;
    expect(rows.map((row) => row.event_id)).toEqual(recorded.map((event) => event.id));
    for (const row of rows) expect(row.published_at).toBeInstanceOf(Date);

    // Nothing is left to publish.
    expect(await relay().flush()).toBe(0);
    expect(await streamMessages()).toBe(25);
  });

  it("leaves a batch pending when JetStream does not acknowledge it, and publishes it once it can", async () => {
    await transaction(sql, (tx) => recordEvents(tx, [projectRegistered("unacked-1"), projectRegistered("unacked-2")]));
    // No stream: the server answers every publish with "no responders", and nothing is stored.
    await bus.jsm.streams.delete(bus.stream);
    await expect(relay().flush()).rejects.toThrow();
    expect(await sql`select count(*)::int as pending from outbox where published_at is null`).toEqual([{ pending: 2 }]);

    const again = await connectBus({ url: stack.natsUrl, name: "outbox-test-again", region, logger }); // creates the stream again
    try {
      expect(await relay({ js: again.js }).flush()).toBe(2);
    } finally {
      await again.close();
    }
    expect(await streamMessages()).toBe(2);
    expect(await sql`select count(*)::int as pending from outbox where published_at is null`).toEqual([{ pending: 0 }]);
  });

  it("stores a republished event once (crash between ack and mark) and counts the duplicate ack as success", async () => {
    const events = [projectRegistered("dup-1"), projectRegistered("dup-2")];
    await transaction(sql, (tx) => recordEvents(tx, events));
    const relayer = relay();
    expect(await relayer.flush()).toBe(2);
    expect(await streamMessages()).toBe(2);

    // The relay crashed after JetStream acknowledged but before the mark committed.
    await sql`update outbox set published_at = null where event_id = ${events[0]!.id}`;
    expect(await relayer.flush()).toBe(1);

    expect(await streamMessages()).toBe(2);
    const stored = await storedMessages();
    expect(stored.map((message) => message.header.get("Nats-Msg-Id"))).toEqual(events.map((event) => event.id));
    const [row] = await sql<{ published_at: Date | null }[]>`select published_at from outbox where event_id = ${events[0]!.id}`;
    expect(row!.published_at).toBeInstanceOf(Date);
  });

  it("holds no Postgres session while JetStream does not answer, and gives the batch back when the publish times out", async () => {
    const stalled = projectRegistered("stalled");
    await transaction(sql, (tx) => recordEvents(tx, [stalled]));
    // A JetStream that never acknowledges (NATS killed mid-publish): the publish fails only when
    // its timeout runs out.
    let publishing!: () => void;
    const publishStarted = new Promise<void>((resolve) => (publishing = resolve));
    const silent = {
      publish: (_subject: string, _payload: Uint8Array, options: { timeout: number }) => {
        publishing();
        return new Promise((_, reject) => setTimeout(() => reject(new Error("TIMEOUT")), options.timeout));
      },
    } as unknown as JetStreamClient;

    const flushing = relay({ js: silent, publishTimeoutMs: 1500 }).flush();
    await publishStarted;
    const held = await sql`
      select pid, state from pg_stat_activity
      where datname = current_database() and application_name = 'outbox-test' and state like 'idle in transaction%'`;
    expect(held).toEqual([]);
    await expect(flushing).rejects.toThrow("TIMEOUT");

    // Released at once, not left to its lease: the next round publishes it.
    expect(await sql`select count(*)::int as claimed from outbox where claimed_until is not null`).toEqual([{ claimed: 0 }]);
    expect(await relay().flush()).toBe(1);
    expect((await storedMessages()).map((message) => message.header.get("Nats-Msg-Id"))).toEqual([stalled.id]);
  });

  it("never publishes a batch another relay has claimed, and takes over a dead relay's claim when its lease runs out", async () => {
    const events = [projectRegistered("claimed-1"), projectRegistered("claimed-2")];
    await transaction(sql, (tx) => recordEvents(tx, events));
    let publishing!: () => void;
    const publishStarted = new Promise<void>((resolve) => (publishing = resolve));
    // A relay that claims the batch and dies before publishing anything.
    const dying = { publish: () => (publishing(), new Promise(() => {})) } as unknown as JetStreamClient;
    void relay({ js: dying, claimLeaseMs: 1500 }).flush();
    await publishStarted;

    expect(await relay().flush()).toBe(0); // claimed: another relay keeps off it
    await eventually(async () => ((await relay().flush()) === 2 ? true : undefined), "the batch published once the lease ran out", 10_000);
    expect((await storedMessages()).map((message) => message.header.get("Nats-Msg-Id"))).toEqual(events.map((event) => event.id));
  });

  it("publishes each event as a PRODUCER span under the span that recorded it, and sends that span's context", async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ serviceName: "outbox-test", region, otlpEndpoint: undefined, spanExporter: exporter });
    try {
      const { traceId, spanId, event } = await telemetry.tracer.startActiveSpan("register project", async (span) => {
        const recorded = projectRegistered("traced");
        await transaction(sql, (tx) => recordEvents(tx, [recorded]));
        span.end();
        return { ...span.spanContext(), event: recorded };
      });
      expect(trace.getActiveSpan()).toBeUndefined();
      expect(await relay().flush()).toBe(1);
      await telemetry.flush();
      const producer = exporter.getFinishedSpans().find((span) => span.name === "publish intake.project.registered")!;
      expect(producer.kind).toBe(SpanKind.PRODUCER);
      expect(producer.spanContext().traceId).toBe(traceId);
      expect(producer.parentSpanContext?.spanId).toBe(spanId);
      expect(producer.attributes).toMatchObject({
        "messaging.system": "nats",
        "messaging.destination.name": subjectFor(region, "intake.project.registered"),
        "messaging.operation.name": "publish",
        "messaging.message.id": event.id,
      });
      const [stored] = await storedMessages();
      expect(stored!.header.get("Nats-Msg-Id")).toBe(event.id);
      expect(stored!.header.get("traceparent")).toBe(`00-${traceId}-${producer.spanContext().spanId}-01`);
      // The envelope keeps the recording span's context, for consumers reading long after.
      expect(decodeEvent(stored!.data).traceContext.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    } finally {
      await telemetry.shutdown();
    }
  });

  it("measures the backlog while JetStream refuses it: pending events, the oldest's age, failed batches", async () => {
    const telemetry = startTelemetry({ serviceName: "outbox-test", region, otlpEndpoint: undefined });
    try {
      const sample = async (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, "m").exec(await telemetry.prometheusText())?.[1]);
      await transaction(sql, (tx) => recordEvents(tx, [projectRegistered("stuck-1"), projectRegistered("stuck-2")]));
      await bus.jsm.streams.delete(bus.stream); // every publish now fails
      const readiness = new Readiness({ logger });
      const running = new OutboxRelay({ sql, js: bus.js, logger, pollIntervalMs: 50, backlogIntervalMs: 50, readiness });
      relays.push(running);
      await running.start();
      await eventually(async () => ((await sample("steward_outbox_pending")) === 2 ? true : undefined), "two events pending");
      await eventually(async () => ((await sample("steward_outbox_publish_failures_total")) >= 2 ? true : undefined), "failed batches counted");
      const age = await sample("steward_outbox_oldest_age_seconds");
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(600);
      // No success yet: the relay's last-success clock (kept by its readiness heartbeat) still says never.
      expect(await telemetry.prometheusText()).toMatch(/^steward_job_last_success_timestamp_seconds\{[^}]*steward_job="outbox-relay"[^}]*\} 0$/m);

      const again = await connectBus({ url: stack.natsUrl, name: "outbox-test-again", region, logger }); // the stream is back
      try {
        await eventually(async () => ((await sample("steward_outbox_pending")) === 0 ? true : undefined), "the backlog drained", 15_000);
        expect(await sample("steward_outbox_oldest_age_seconds")).toBe(0);
        expect(await sample("steward_job_last_success_timestamp_seconds")).toBeGreaterThan(Date.now() / 1000 - 600);
      } finally {
        await again.close();
      }
    } finally {
      await telemetry.shutdown();
    }
  });

  it("a running relay publishes a committed event promptly, without waiting for its poll", async () => {
    const running = relay({ pollIntervalMs: 60_000 });
    await running.start();
    const event = projectRegistered("notified");
    await transaction(sql, (tx) => recordEvents(tx, [event]));
    await eventually(async () => ((await streamMessages()) === 1 ? true : undefined), "the notified event in the stream", 5000);
    const [stored] = await storedMessages();
    expect(stored!.header.get("Nats-Msg-Id")).toBe(event.id);
  });

  it("an event committed while the relay is publishing a batch is not left waiting for the poll", async () => {
    // The real JetStream client, with the first publish held until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let publishing!: () => void;
    const publishStarted = new Promise<void>((resolve) => (publishing = resolve));
    const gated = {
      publish: async (...args: Parameters<JetStreamClient["publish"]>) => {
        publishing();
        await gate;
        return bus.js.publish(...args);
      },
    } as unknown as JetStreamClient;

    const running = relay({ js: gated, pollIntervalMs: 60_000 });
    await running.start();
    const first = projectRegistered("first");
    await transaction(sql, (tx) => recordEvents(tx, [first]));
    await publishStarted; // the relay is mid-batch with `first`

    const second = projectRegistered("second");
    await transaction(sql, (tx) => recordEvents(tx, [second]));
    await new Promise((resolve) => setTimeout(resolve, 200)); // its notification arrives mid-batch
    release();

    await eventually(async () => ((await streamMessages()) === 2 ? true : undefined), "both events in the stream", 5000);
    const stored = await storedMessages();
    expect(stored.map((message) => message.header.get("Nats-Msg-Id"))).toEqual([first.id, second.id]);
  });
});
