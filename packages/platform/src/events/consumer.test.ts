import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, connect as tcpConnect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, stack, uniqueRegion, type TestDatabase } from "@steward/testing";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry, type TraceCarrier } from "../telemetry/index.js";
import { createDatabase, migrate, type Sql } from "../db/index.js";
import { connectBus, type Bus } from "./bus.js";
import { EventConsumer, redeliveryDelayMs, type BatchEventHandler, type ConsumerOptions, type EventHandler } from "./consumer.js";
import { encodeEvent, eventTypes, newEvent, type EventEnvelope } from "./envelope.js";
import { subjectFor } from "./subjects.js";
import { eventPayloadsV1 } from "@steward/proto";

const logger = pino({ level: "silent" });

let db: TestDatabase;
let migrations: string;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase("consumer");
  migrations = await mkdtemp(join(tmpdir(), "steward-consumer-"));
  // What a handler writes: one row per time its effect ran, deliberately without a unique key.
  await writeFile(
    join(migrations, "0001_effects.sql"),
    "-- Up Migration\nCREATE TABLE effects (n bigint GENERATED ALWAYS AS IDENTITY, consumer text NOT NULL, event_id uuid NOT NULL, project text NOT NULL);\n",
  );
  await migrate({ databaseUrl: db.url, dir: migrations });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 15_000, applicationName: "consumer-test" });
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

// Every test gets its own region, so its own fresh stream.
let bus: Bus;
let consumers: EventConsumer[];
beforeEach(async () => {
  bus = await connectBus({ url: stack.natsUrl, name: "consumer-test", region: uniqueRegion("co"), logger });
  consumers = [];
});

afterEach(async () => {
  await Promise.all(consumers.map((consumer) => consumer.stop()));
  await bus.jsm.streams.delete(bus.stream).catch(() => {});
  await bus.close();
});

let durables = 0;
/** Starts a consumer with a fresh durable name; `handler` is built knowing that name. */
async function startConsumer(handler: (durable: string) => EventHandler, options: Partial<ConsumerOptions> = {}): Promise<{ consumer: EventConsumer; durable: string }> {
  const durable = `test-${++durables}`;
  const consumer = new EventConsumer({ bus, sql, logger, durable, eventTypes: [eventTypes.projectRegistered], handler: handler(durable), ...options });
  consumers.push(consumer);
  await consumer.start();
  return { consumer, durable };
}

/** The handler most tests use: records that its effect ran. */
function recordingHandler(durable: string): EventHandler {
  return async (tx, event) => {
    const value = event.payload?.$case === "projectRegistered" ? event.payload.value.projectName : "?";
    await tx`insert into effects (consumer, event_id, project) values (${durable}, ${event.id}, ${value})`;
  };
}

function projectRegistered(name: string): EventEnvelope {
  return newEvent({
    region: bus.region,
    aggregateId: `project-${name}`,
    payload: {
      $case: "projectRegistered",
      value: eventPayloadsV1.ProjectRegistered.fromPartial({ projectId: `project-${name}`, projectName: name, enterpriseName: "Hanbin Agritech", creditCode: "91610902MA70000000", investmentWanYuanExact: "800", industryChain: "agriculture" }),
    },
  });
}

async function publish(event: EventEnvelope, msgID = event.id): Promise<void> {
  await bus.js.publish(subjectFor(bus.region, event.type), encodeEvent(event), { msgID });
}

async function effects(durable: string): Promise<{ event_id: string; project: string }[]> {
  return sql<{ event_id: string; project: string }[]>`select event_id, project from effects where consumer = ${durable} order by n`;
}

async function inbox(durable: string): Promise<string[]> {
  const rows = await sql<{ event_id: string }[]>`select event_id from inbox where consumer = ${durable} order by handled_at, event_id`;
  return rows.map((row) => row.event_id);
}

/**
 * The bus of a process that dies between committing and acknowledging: the consumer it gives
 * handles messages as usual, but their acks never reach NATS.
 */
function droppingAcks(real: Bus): Bus {
  const bound = <T extends object>(target: T, key: string | symbol) => {
    const value = Reflect.get(target, key, target) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  const consumers = {
    get: async (stream: string, name: string) => {
      const consumer = await real.js.consumers.get(stream, name);
      return new Proxy(consumer, {
        get: (target, key) =>
          key !== "consume"
            ? bound(target, key)
            : async (...args: Parameters<typeof consumer.consume>) => {
                const messages = await target.consume(...args);
                return new Proxy(messages, {
                  get: (inner, innerKey) =>
                    innerKey !== Symbol.asyncIterator
                      ? bound(inner, innerKey)
                      : async function* () {
                          for await (const message of inner) {
                            (message as { ack: () => void }).ack = () => {};
                            yield message;
                          }
                        },
                });
              },
      });
    },
  };
  const js = new Proxy(real.js, { get: (target, key) => (key === "consumers" ? consumers : bound(target, key)) });
  return new Proxy(real, { get: (target, key) => (key === "js" ? js : bound(target, key)) });
}

/** Resolves once JetStream has nothing left to deliver or awaiting an ack for the consumer. */
async function settled(durable: string, delivered: number, timeoutMs = 10_000): Promise<void> {
  await eventually(
    async () => {
      const info = await bus.jsm.consumers.info(bus.stream, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0 && info.ack_floor.stream_seq >= delivered ? true : undefined;
    },
    `consumer ${durable} to ack through stream seq ${delivered}`,
    timeoutMs,
  );
}

describe("EventConsumer", () => {
  it("handles each event once, recording it in the inbox", async () => {
    const { durable } = await startConsumer(recordingHandler);
    const events = [projectRegistered("one"), projectRegistered("two"), projectRegistered("three")];
    for (const event of events) await publish(event);

    await settled(durable, 3);
    expect(await effects(durable)).toEqual(events.map((event) => ({ event_id: event.id, project: event.payload?.$case === "projectRegistered" ? event.payload.value.projectName : "" })));
    expect((await inbox(durable)).sort()).toEqual(events.map((event) => event.id).sort());
  });

  it("runs the effect once when the same event arrives again under a different Nats-Msg-Id", async () => {
    let calls = 0;
    const { durable } = await startConsumer((name) => async (tx, event) => {
      calls++;
      await recordingHandler(name)(tx, event);
    });
    const event = projectRegistered("replayed");
    await publish(event);
    await settled(durable, 1);
    // A replay that JetStream's duplicate window cannot catch, e.g. after the window passed.
    await publish(event, `${event.id}-replay`);
    expect((await bus.jsm.streams.info(bus.stream)).state.messages).toBe(2);
    await settled(durable, 2);

    expect(await effects(durable)).toHaveLength(1);
    expect(await inbox(durable)).toEqual([event.id]);
    // The handler never even ran for the replay: the inbox row was found first.
    expect(calls).toBe(1);
  });

  it("redelivers an event whose handler failed, rolling back the failed attempt's writes, until it succeeds once", async () => {
    let attempts = 0;
    const { durable } = await startConsumer((name) => async (tx, event) => {
      attempts++;
      await recordingHandler(name)(tx, event); // written, then rolled back on the first attempt
      if (attempts === 1) throw new Error("downstream unavailable");
    });
    const event = projectRegistered("flaky");
    await publish(event);

    await eventually(async () => ((await effects(durable)).length > 0 ? true : undefined), "the redelivered event handled", 15_000);
    await settled(durable, 1);
    expect(attempts).toBe(2);
    expect(await effects(durable)).toEqual([{ event_id: event.id, project: "flaky" }]);
    expect(await inbox(durable)).toEqual([event.id]);
    const info = await bus.jsm.consumers.info(bus.stream, durable);
    expect(info.num_redelivered).toBe(0); // nothing still waiting for another try
  });

  it("terminates an undecodable message and goes on with the ones after it", async () => {
    let calls = 0;
    const { durable } = await startConsumer(
      (name) => async (tx, event) => {
        calls++;
        await recordingHandler(name)(tx, event);
      },
      { ackWaitMs: 1000 },
    );
    // Field 1 with wire type 7, which protobuf does not have: no decoder will ever accept it.
    await bus.js.publish(subjectFor(bus.region, eventTypes.projectRegistered), Uint8Array.of(0x0f, 0x01, 0x02));
    const after = projectRegistered("after-garbage");
    await publish(after);

    await settled(durable, 2);
    expect(await effects(durable)).toEqual([{ event_id: after.id, project: "after-garbage" }]);
    expect(calls).toBe(1);
    // Terminated, not nak'd or left unacked: nothing comes back once the ack wait has passed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const info = await bus.jsm.consumers.info(bus.stream, durable);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
    expect(info.delivered.stream_seq).toBe(2);
  }, 20_000);

  it("stops promptly, even straight after starting", async () => {
    const { consumer } = await startConsumer(() => async () => {});
    const stopped = consumer.stop().then(() => "stopped");
    const timeout = new Promise((resolve) => setTimeout(() => resolve("still running"), 5000));
    expect(await Promise.race([stopped, timeout])).toBe("stopped");
  });

  it("recovers when its durable consumer is deleted underneath it", async () => {
    const { durable } = await startConsumer(recordingHandler);
    const before = projectRegistered("before-delete");
    await publish(before);
    await settled(durable, 1);

    await bus.jsm.consumers.delete(bus.stream, durable);
    const afterEvents = [projectRegistered("after-delete-1"), projectRegistered("after-delete-2")];
    for (const event of afterEvents) await publish(event);

    await eventually(async () => ((await effects(durable)).length === 3 ? true : undefined), "events published after the delete handled", 30_000);
    // The recreated consumer starts from the stream's beginning; the inbox keeps the first event
    // from running twice.
    await settled(durable, 3);
    expect((await effects(durable)).map((row) => row.project)).toEqual(["before-delete", "after-delete-1", "after-delete-2"]);
    expect(await inbox(durable)).toHaveLength(3);
  }, 45_000);

  it("recovers when its durable consumer is deleted while it is cut off from NATS", async () => {
    // The consumer reaches NATS through a proxy the test can cut, so it misses the deletion notice
    // and has to find out for itself once it is back.
    const proxy = await natsProxy();
    const proxied = await connectBus({ url: proxy.url, name: "consumer-test-proxied", region: bus.region, logger });
    try {
      const durable = `test-${++durables}`;
      const consumer = new EventConsumer({ bus: proxied, sql, logger, durable, eventTypes: [eventTypes.projectRegistered], handler: recordingHandler(durable) });
      await consumer.start();
      try {
        await publish(projectRegistered("before-cut"));
        await settled(durable, 1);

        proxy.cut();
        await bus.jsm.consumers.delete(bus.stream, durable);
        await publish(projectRegistered("while-cut"));
        await new Promise((resolve) => setTimeout(resolve, 1000));
        proxy.restore();

        // With the client's default 30 s pull expiry this took 30-45 s.
        await eventually(async () => ((await effects(durable)).length === 2 ? true : undefined), "the event published while cut off handled", 15_000);
        expect((await effects(durable)).map((row) => row.project)).toEqual(["before-cut", "while-cut"]);
      } finally {
        await consumer.stop();
      }
    } finally {
      await proxied.close();
      await proxy.close();
    }
  }, 30_000);
});

describe("EventConsumer with a batch handler", () => {
  /** Records each event's effect with the id of the transaction that wrote it. */
  const batchRecorder =
    (durable: string, batches: number[]): BatchEventHandler =>
    async (tx, events) => {
      batches.push(events.length);
      for (const event of events) {
        const name = event.payload?.$case === "projectRegistered" ? event.payload.value.projectName : "?";
        await tx`insert into effects (consumer, event_id, project) values (${durable}, ${event.id}, ${name + "@" + String((await tx`select txid_current() as x`)[0]!.x)})`;
      }
    };

  async function startBatchConsumer(handler: (durable: string) => BatchEventHandler, options: Partial<ConsumerOptions> = {}) {
    const durable = `batch-${++durables}`;
    const consumer = new EventConsumer({ bus, sql, logger, durable, eventTypes: [eventTypes.projectRegistered], batchHandler: handler(durable), ...options });
    consumers.push(consumer);
    await consumer.start();
    return durable;
  }

  it("handles a backlog in a few transactions, each event once, replays included, in the order delivered", async () => {
    const events = Array.from({ length: 300 }, (_, index) => projectRegistered(`backlog-${index}`));
    for (const event of events) await publish(event);
    // Replays JetStream cannot de-duplicate (other message ids), some landing in the same batch as their original.
    for (const event of events.filter((_, index) => index % 20 === 0)) await publish(event, `${event.id}-replay`);
    const batches: number[] = [];
    const durable = await startBatchConsumer((name) => batchRecorder(name, batches), { maxBatch: 100 });

    await settled(durable, 315);
    const rows = await effects(durable);
    expect(rows.map((row) => row.event_id)).toEqual(events.map((event) => event.id));
    const transactions = new Set(rows.map((row) => row.project.split("@")[1]));
    // 300 events; a batch holds at most 100, so at least 3 transactions, and far fewer than one per event.
    expect(transactions.size).toBeGreaterThanOrEqual(3);
    expect(transactions.size).toBeLessThan(60);
    expect(Math.max(...batches)).toBeLessThanOrEqual(100);
    expect(await inbox(durable)).toHaveLength(300);
  });

  it("with a batch window, events arriving one at a time to an idle consumer share one transaction", async () => {
    const batches: number[] = [];
    const durable = await startBatchConsumer((name) => batchRecorder(name, batches), { batchWindowMs: 1500 });
    const events = Array.from({ length: 5 }, (_, index) => projectRegistered(`trickle-${index}`));
    for (const event of events) await publish(event);

    await settled(durable, 5);
    const rows = await effects(durable);
    expect(rows.map((row) => row.event_id)).toEqual(events.map((event) => event.id));
    expect(new Set(rows.map((row) => row.project.split("@")[1])).size).toBe(1);
    expect(batches).toEqual([5]);
  });

  it("with a batch window, a full batch does not wait for the window to end", async () => {
    const batches: number[] = [];
    // A window longer than the test's own timeout: the events can only be handled if a full batch cuts it short.
    const durable = await startBatchConsumer((name) => batchRecorder(name, batches), { batchWindowMs: 600_000, maxBatch: 4 });
    const events = Array.from({ length: 8 }, (_, index) => projectRegistered(`full-${index}`));
    for (const event of events) await publish(event);

    await settled(durable, 8);
    expect((await effects(durable)).map((row) => row.event_id)).toEqual(events.map((event) => event.id));
    expect(batches.every((size) => size <= 4)).toBe(true);
  });

  it("handles the events of a failed batch one by one: the good ones commit, the failing one alone is retried until it succeeds", async () => {
    let poisonAttempts = 0;
    const batches: number[] = [];
    const events = ["a", "b", "poison", "c", "d"].map((name) => projectRegistered(name));
    for (const event of events) await publish(event);
    const durable = await startBatchConsumer((name) => async (tx, batch, traceOf) => {
      await batchRecorder(name, batches)(tx, batch, traceOf);
      if (batch.some((event) => event.payload?.$case === "projectRegistered" && event.payload.value.projectName === "poison") && ++poisonAttempts < 3) {
        throw new Error("the poison event fails");
      }
    });

    await eventually(async () => ((await effects(durable)).length === 5 ? true : undefined), "every event handled, the poison one at last", 20_000);
    await settled(durable, 5);
    expect((await effects(durable)).map((row) => row.project.split("@")[0]).sort()).toEqual(["a", "b", "c", "d", "poison"]);
    expect(poisonAttempts).toBe(3);
    expect(await inbox(durable)).toHaveLength(5);
  }, 30_000);

  it("handles a batch holding a replayed event and a poison event: the replay once, the poison alone redelivered, the others committed, later events not held back", async () => {
    // The first event holds its batch open until the rest have reached the consumer, so the rest
    // arrive as ONE batch: a, b, the poison, c, and b again under another message id.
    const gate = projectRegistered("gate");
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const batches: string[][] = [];
    let poisonAttempts = 0;
    await publish(gate);
    const durable = await startBatchConsumer(
      (name) => async (tx, batch) => {
        const names = batch.map((event) => (event.payload?.$case === "projectRegistered" ? event.payload.value.projectName : "?"));
        batches.push(names);
        if (names.includes("gate")) await opened;
        for (const [index, event] of batch.entries()) {
          if (names[index] === "poison") poisonAttempts++;
          // The poison's row breaks a NOT NULL constraint: a database error, as a malformed event causes.
          await tx`insert into effects (consumer, event_id, project) values (${name}, ${event.id}, ${names[index] === "poison" ? null : names[index]!})`;
        }
      },
      { maxRedeliveryDelayMs: 250 },
    );
    const [a, b, poison, c] = ["a", "b", "poison", "c"].map((name) => projectRegistered(name));
    for (const event of [a!, b!, poison!, c!]) await publish(event);
    await publish(b!, `${b!.id}-replay`);
    await eventually(async () => ((await bus.jsm.consumers.info(bus.stream, durable)).num_ack_pending === 6 ? true : undefined), "the batch delivered behind the gate");
    open();

    await eventually(async () => ((await effects(durable)).length === 4 ? true : undefined), "the gate, a, b and c committed");
    // The events after the poison go on while it keeps failing.
    const later = projectRegistered("later");
    await publish(later);
    await eventually(async () => ((await effects(durable)).length === 5 && poisonAttempts >= 3 ? true : undefined), "a later event handled, the poison retried alone", 20_000);

    expect(batches[1]).toEqual(["a", "b", "poison", "c"]);
    expect((await effects(durable)).map((row) => row.project)).toEqual(["gate", "a", "b", "c", "later"]);
    expect(await inbox(durable)).not.toContain(poison!.id);
    expect((await inbox(durable)).sort()).toEqual([gate, a!, b!, c!, later].map((event) => event.id).sort());
    // After the batch failed, the poison was only ever tried alone.
    expect(batches.slice(2).filter((names) => names.includes("poison") && names.length > 1)).toEqual([]);
  }, 30_000);

  it("after a crash between a batch's commit and its acks, the redelivered events are only acknowledged: nothing is stored twice", async () => {
    const events = Array.from({ length: 20 }, (_, index) => projectRegistered(`crash-${index}`));
    for (const event of events) await publish(event);
    const durable = `batch-${++durables}`;
    const batches: number[] = [];
    const options = { sql, logger, durable, eventTypes: [eventTypes.projectRegistered], batchHandler: batchRecorder(durable, batches), ackWaitMs: 1000 };
    // The first process commits its batches and dies before any ack reaches NATS.
    const crashed = new EventConsumer({ ...options, bus: droppingAcks(bus) });
    await crashed.start();
    await eventually(async () => ((await effects(durable)).length === 20 ? true : undefined), "the first process to commit every event");
    await crashed.stop();
    expect((await bus.jsm.consumers.info(bus.stream, durable)).num_ack_pending).toBe(20);
    const handledBeforeCrash = batches.reduce((sum, size) => sum + size, 0);

    const restarted = new EventConsumer({ ...options, bus });
    consumers.push(restarted);
    await restarted.start();
    await settled(durable, 20);

    const info = await bus.jsm.consumers.info(bus.stream, durable);
    expect(info.delivered.consumer_seq, "every event delivered a second time").toBeGreaterThanOrEqual(40);
    expect(batches.reduce((sum, size) => sum + size, 0), "no redelivered event reached the handler").toBe(handledBeforeCrash);
    expect((await effects(durable)).map((row) => row.event_id)).toEqual(events.map((event) => event.id));
    expect(await inbox(durable)).toHaveLength(20);
  }, 30_000);

  it("refuses options with both or neither handler", () => {
    expect(() => new EventConsumer({ bus, sql, logger, durable: "x", eventTypes: [], handler: async () => {}, batchHandler: async () => {} })).toThrow(/exactly one/);
    expect(() => new EventConsumer({ bus, sql, logger, durable: "x", eventTypes: [] })).toThrow(/exactly one/);
  });
});

describe("EventConsumer and bus telemetry", () => {
  let telemetry: Telemetry;
  const { logger: capturing, lines } = memoryLogger({ service: "consumer-test", region: "hanbin", level: "info" });
  const sample = async (name: string, label: string) => {
    const line = (await telemetry.prometheusText()).split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(label));
    return line === undefined ? undefined : Number(line.split(" ").at(-1));
  };

  const spans = new InMemorySpanExporter();

  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: "consumer-test", region: "hanbin", otlpEndpoint: undefined, spanExporter: spans });
  });
  afterAll(() => telemetry?.shutdown());

  it("exports the consumer's backlog from JetStream — waiting, unacknowledged, redelivered — from 0 at start", async () => {
    const durable = `test-${++durables}`;
    const label = `messaging_consumer_group_name="${durable}"`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failing = true;
    const consumer = new EventConsumer({
      bus,
      sql,
      logger: capturing,
      durable,
      eventTypes: [eventTypes.projectRegistered],
      maxBatch: 1,
      lagIntervalMs: 50,
      ackWaitMs: 30_000,
      handler: async (tx, event) => {
        const name = event.payload?.$case === "projectRegistered" ? event.payload.value.projectName : "";
        if (name === "poison" && failing) throw new Error("downstream refused");
        await gate;
        await recordingHandler(durable)(tx, event);
      },
    });
    consumers.push(consumer);
    // The series exist before the first read of JetStream, so an alert on absence works.
    for (const name of ["steward_consumer_pending", "steward_consumer_ack_pending", "steward_consumer_redelivered"]) expect(await sample(name, label)).toBe(0);
    await consumer.start();

    await publish(projectRegistered("poison"));
    // Failed, nak'd (redeliveryDelayMs: 250 ms, doubling), redelivered: a message that keeps coming back.
    await eventually(async () => ((await sample("steward_consumer_redelivered", label)) === 1 ? true : undefined), "the poison message counted as redelivered", 15_000);
    failing = false;
    for (const name of ["one", "two", "three", "four"]) await publish(projectRegistered(name));
    // Few messages out at a time (maxBatch 1, the client may prefetch one more), held by the gate
    // with the poison message's redelivery: the rest wait in the stream.
    await eventually(
      async () => {
        const [pending, out] = [await sample("steward_consumer_pending", label), await sample("steward_consumer_ack_pending", label)];
        return pending! >= 2 && out! >= 1 && pending! + out! === 5 ? true : undefined;
      },
      "events waiting behind the held one",
      15_000,
    );
    release();
    await settled(durable, 5);
    await eventually(async () => ((await sample("steward_consumer_pending", label)) === 0 && (await sample("steward_consumer_ack_pending", label)) === 0 ? true : undefined), "the backlog drained");
    expect(await sample("steward_consumer_redelivered", label)).toBe(0);

    // The access log: one line per delivery, each failed one too, beside the failure's own log.
    const access = lines.filter((line) => line.access === "event" && line.consumer === durable);
    const failed = access.filter((line) => line.outcome === "failed").length;
    expect(access.filter((line) => line.outcome === "handled")).toHaveLength(5);
    expect(failed).toBeGreaterThanOrEqual(1);
    expect(access.every((line) => typeof line.durationMs === "number" && line.type === eventTypes.projectRegistered)).toBe(true);
    expect(lines.filter((line) => line.msg === "event handler failed; will redeliver" && line.consumer === durable)).toHaveLength(failed);
  }, 45_000);

  it("in batches: a CONSUMER span per event under its producer's trace, traceOf naming that span, an access line per event", async () => {
    const durable = `batch-${++durables}`;
    // Each event recorded under a producer span of its own, as an outbox write would be.
    const produced = ["one", "two", "three"].map((name) =>
      trace.getTracer("test").startActiveSpan(`record ${name}`, (span) => {
        const event = projectRegistered(name);
        span.end();
        return { event, traceId: span.spanContext().traceId };
      }),
    );
    const carriers = new Map<string, TraceCarrier>();
    const consumer = new EventConsumer({
      bus,
      sql,
      logger: capturing,
      durable,
      eventTypes: [eventTypes.projectRegistered],
      batchHandler: async (tx, events, traceOf) => {
        for (const event of events) {
          carriers.set(event.id, traceOf(event));
          await recordingHandler(durable)(tx, event);
        }
      },
    });
    consumers.push(consumer);
    for (const { event } of produced) await publish(event);
    await consumer.start();
    await settled(durable, 3);
    await telemetry.flush();

    const consumed = spans.getFinishedSpans().filter((span) => span.attributes["messaging.consumer.group.name"] === durable);
    expect(consumed).toHaveLength(3);
    for (const { event, traceId } of produced) {
      const span = consumed.find((candidate) => candidate.attributes["messaging.message.id"] === event.id)!;
      expect(span.name).toBe("consume intake.project.registered");
      expect(span.spanContext().traceId).toBe(traceId);
      expect(carriers.get(event.id)?.traceparent).toBe(`00-${traceId}-${span.spanContext().spanId}-01`);
    }
    const access = lines.filter((line) => line.access === "event" && line.consumer === durable);
    expect(access.map((line) => line.outcome)).toEqual(["handled", "handled", "handled"]);
    // Each line carries its own event's trace, as a line from the one-by-one path does.
    for (const { event, traceId } of produced) {
      expect(access.find((line) => line.eventId === event.id)?.trace_id).toBe(traceId);
    }
  }, 30_000);

  it("exports the NATS connection's state and counts its losses and recoveries", async () => {
    const proxy = await natsProxy();
    const proxied = await connectBus({ url: proxy.url, name: "consumer-test-connection", region: bus.region, logger });
    try {
      expect(await sample("steward_nats_connected", "")).toBe(1);
      const reconnectsBefore = (await sample("steward_nats_reconnects_total", "")) ?? 0;
      proxy.cut();
      await eventually(async () => ((await sample("steward_nats_connected", "")) === 0 ? true : undefined), "the loss seen");
      expect(await sample("steward_nats_disconnects_total", "")).toBeGreaterThanOrEqual(1);
      proxy.restore();
      await eventually(async () => ((await sample("steward_nats_connected", "")) === 1 ? true : undefined), "the recovery seen", 15_000);
      expect(await sample("steward_nats_reconnects_total", "")).toBe(reconnectsBefore + 1);
    } finally {
      await proxied.close();
      await proxy.close();
    }
  }, 30_000);
});

/** A TCP proxy in front of NATS whose connections the test can cut and refuse, then restore. */
async function natsProxy() {
  const target = new URL(stack.natsUrl);
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = tcpConnect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `nats://127.0.0.1:${address.port}`,
    cut() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

describe("redeliveryDelayMs", () => {
  it("backs off quickly and never waits more than its cap, however long the outage lasted", () => {
    // A consumer whose downstream service was gone for 10 minutes has seen hundreds of deliveries
    // of the same event; once the service is back, the next try must come within seconds (it was
    // 30 s, and agreement failed on for most of a minute after approval routing returned).
    const delays = Array.from({ length: 1000 }, (_, index) => redeliveryDelayMs(index + 1));
    expect(delays.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    expect(Math.max(...delays)).toBe(2000);
    expect(redeliveryDelayMs(50, 5000)).toBe(5000);
  });
});
