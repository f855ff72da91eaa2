import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { connectBus, encodeEvent, EventConsumer, eventTypes, newEvent, subjectFor, type BatchEventHandler, type Bus, type EventCase, type EventEnvelope } from "@steward/platform/events";
import { eventsV1 } from "@steward/proto";
import { createLogger } from "@steward/platform/logging";
import { createTestDatabase, eventually, stack, uniqueRegion, type TestDatabase } from "@steward/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureHistoryStream } from "./history-stream.js";
import { projectionTables } from "../db/rebuild.js";
import { project, projectBatch, projectedCases, projectionConsumer, projectionSource } from "./projection.js";

/**
 * The live projection consumer as main.ts runs it (the history stream, a batch per fetch), over
 * NATS and Postgres. Each test holds its consumer's first batch open on a gate event until the
 * events under test have all reached the consumer, so they form the next batch together.
 */
const logger = createLogger({ service: "assessment-projection-test", region: "test", level: "silent" });
let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  db = await createTestDatabase("assessment_projection");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName: "assessment-projection-test", querySpans: false });
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

let region: string;
let bus: Bus;
let stream: string;
let consumer: EventConsumer | undefined;
beforeEach(async () => {
  region = uniqueRegion("pj");
  bus = await connectBus({ url: stack.natsUrl, name: "assessment-projection-test", region, logger });
  stream = await ensureHistoryStream(bus, region, [region], 0);
});

afterEach(async () => {
  await consumer?.stop();
  consumer = undefined;
  await bus.jsm.streams.delete(stream).catch(() => {});
  await bus.jsm.streams.delete(bus.stream).catch(() => {});
  await bus.close();
});

const caseId = randomUUID();
const item = () => ({ caseId, itemId: randomUUID(), itemCode: "ZRZY-YDYS", departmentCode: "zrzy" });
type Item = ReturnType<typeof item>;
const routed = (of: Item) => newEvent({ region, aggregateId: caseId, payload: { $case: "itemRouted", value: of }, occurredAt: new Date("2026-03-02T02:00:00Z") });
const accepted = (of: Item, committedDueOn = "2026-03-20") =>
  newEvent({
    region,
    aggregateId: caseId,
    payload: { $case: "itemAccepted", value: { ...of, mode: "normal", missingMaterials: [], committedDueOn, deadlineProvisional: false, supplementDueOn: "", supplementDueProvisional: false } },
    occurredAt: new Date("2026-03-03T02:00:00Z"),
  });

async function publish(event: EventEnvelope, msgID = event.id): Promise<void> {
  await bus.js.publish(subjectFor(region, event.type), encodeEvent(event), { msgID });
}

/**
 * Starts the consumer with projectBatch, its first batch (the gate event) held until `events` have
 * all been delivered to it unacknowledged; returns every batch the handler was given, as event ids.
 */
async function consumeBehindGate(events: { event: EventEnvelope; msgID?: string }[]): Promise<string[][]> {
  const batches: string[][] = [];
  const gate = routed(item());
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const handler: BatchEventHandler = async (tx, batch, traceOf) => {
    batches.push(batch.map((event) => event.id));
    if (batch.some((event) => event.id === gate.id)) await opened;
    await projectBatch(tx, batch, traceOf);
  };
  await publish(gate);
  consumer = new EventConsumer({ ...projectionConsumer, eventTypes: [], source: projectionSource(stream), batchHandler: handler, bus, sql, logger, maxRedeliveryDelayMs: 250 });
  await consumer.start();
  for (const { event, msgID } of events) await publish(event, msgID);
  await eventually(
    async () => ((await bus.jsm.consumers.info(stream, projectionConsumer.durable)).num_ack_pending === events.length + 1 ? true : undefined),
    "the events delivered behind the gate",
  );
  open();
  return batches;
}

async function projected(itemIds: string[]): Promise<{ item_id: string; state: string; committed_due_on: string | null; xmin: string }[]> {
  return sql`
    select item_id, state, committed_due_on::text, xmin::text from projected_items
    where region = ${region} and item_id = any(${itemIds}::uuid[]) order by item_id`;
}

async function inbox(eventIds: string[]): Promise<{ event_id: string; xmin: string }[]> {
  return sql`select event_id, xmin::text from inbox where consumer = ${projectionConsumer.durable} and event_id = any(${eventIds}::uuid[])`;
}

describe("the projection consumer", () => {
  it("projects a fetched batch in one transaction with its inbox rows, event by event in the order delivered", async () => {
    const items = Array.from({ length: 10 }, item);
    const events = items.flatMap((of) => [routed(of), accepted(of)]);
    const batches = await consumeBehindGate(events.map((event) => ({ event })));

    await eventually(async () => ((await inbox(events.map((event) => event.id))).length === 20 ? true : undefined), "the batch projected");
    expect(batches[1]).toEqual(events.map((event) => event.id));
    const rows = await projected(items.map((of) => of.itemId));
    // Accepted after being routed: each item's events applied in order.
    expect(rows.map((row) => [row.state, row.committed_due_on])).toEqual(items.map(() => ["in_review", "2026-03-20"]));
    const transactions = new Set([...rows, ...(await inbox(events.map((event) => event.id)))].map((row) => row.xmin));
    expect(transactions.size).toBe(1);
  });

  it("projects a batch holding a replayed event and a malformed one: the replay once, the malformed event alone redelivered, the others committed", async () => {
    const [first, second, third] = [item(), item(), item()];
    const malformed = accepted(first!, "2026-02-30"); // no such day: the database refuses the date
    const secondRouted = routed(second!);
    const events = [routed(first!), malformed, secondRouted, accepted(second!), routed(third!)];
    const batches = await consumeBehindGate([...events.map((event) => ({ event })), { event: secondRouted, msgID: `${secondRouted.id}-replay` }]);

    const good = events.filter((event) => event !== malformed);
    await eventually(async () => ((await inbox(good.map((event) => event.id))).length === 4 ? true : undefined), "the good events projected");
    // The malformed event keeps coming back, alone, and never lands.
    await eventually(async () => (batches.filter((batch) => batch.length === 1 && batch[0] === malformed.id).length >= 3 ? true : undefined), "the malformed event retried alone", 20_000);
    expect(batches[1]).toEqual(events.map((event) => event.id));
    expect(await inbox([malformed.id])).toEqual([]);
    expect((await projected([first!.itemId, second!.itemId, third!.itemId])).map((row) => [row.item_id, row.state])).toEqual(
      [
        [first!.itemId, "routed"],
        [second!.itemId, "in_review"],
        [third!.itemId, "routed"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    // The replay was handled once: no batch after the failed one gave it to the projection again.
    expect(batches.slice(2).flat().filter((id) => id === secondRouted.id)).toHaveLength(1);
  }, 30_000);

  it("receives only the events it projects, and an existing durable that received every event is narrowed on start", async () => {
    const delivered = () =>
      newEvent({
        region,
        aggregateId: randomUUID(),
        payload: { $case: "notificationDelivered", value: { deliveryId: randomUUID(), template: "t", channel: "inbox", sourceEventId: randomUUID(), recipient: "steward:s", eventType: "routing.item.routed", urgency: "normal", attempts: 1 } },
      });
    // The durable as the previous release made it: no subject filter, every event of the stream.
    const [before, unfilteredDelivery] = [routed(item()), delivered()];
    consumer = new EventConsumer({ ...projectionConsumer, eventTypes: [], source: { stream }, batchHandler: projectBatch, bus, sql, logger });
    await consumer.start();
    for (const event of [unfilteredDelivery, before]) await publish(event);
    await eventually(async () => ((await inbox([unfilteredDelivery.id, before.id])).length === 2 ? true : undefined), "the unfiltered durable to take both");
    await consumer.stop();

    // This release starts: the same durable, its filter applied.
    consumer = new EventConsumer({ ...projectionConsumer, eventTypes: [], source: projectionSource(stream), batchHandler: projectBatch, bus, sql, logger });
    await consumer.start();
    const info = await bus.jsm.consumers.info(stream, projectionConsumer.durable);
    expect([...(info.config.filter_subjects ?? [])].sort()).toEqual(projectedCases.map((payloadCase) => subjectFor("*", eventTypes[payloadCase])).sort());
    const [skipped, after] = [delivered(), routed(item())];
    for (const event of [skipped, after]) await publish(event);
    await eventually(async () => ((await inbox([after.id])).length === 1 ? true : undefined), "the projected event after the upgrade");
    expect(await inbox([skipped.id])).toEqual([]);
    const state = await bus.jsm.consumers.info(stream, projectionConsumer.durable);
    expect({ pending: state.num_pending, ackPending: state.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
  });

  it("leaves the projection untouched for every event type it does not receive", async () => {
    const ignored = (Object.keys(eventTypes) as EventCase[]).filter((payloadCase) => !(projectedCases as readonly string[]).includes(payloadCase));
    expect(ignored.length).toBeGreaterThan(0);
    const rowsOf = async (tx: Sql) => Promise.all(projectionTables.map(async (table) => (await tx<{ n: number }[]>`select count(*)::int as n from ${tx(table)}`)[0]!.n));
    await transaction(sql, async (tx) => {
      const before = await rowsOf(tx as unknown as Sql);
      for (const payloadCase of ignored) {
        const envelope = eventsV1.EventEnvelope.fromPartial({ id: randomUUID(), region, type: eventTypes[payloadCase], payload: { $case: payloadCase, value: {} } } as Parameters<typeof eventsV1.EventEnvelope.fromPartial>[0]);
        await project(tx, envelope);
      }
      expect(await rowsOf(tx as unknown as Sql)).toEqual(before);
    });
  });
});
