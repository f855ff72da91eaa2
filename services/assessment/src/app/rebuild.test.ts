import { fileURLToPath } from "node:url";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { connectBus, encodeEvent, EventConsumer, newEvent, subjectFor, type Bus } from "@steward/platform/events";
import { createLogger } from "@steward/platform/logging";
import { createTestDatabase, eventually, stack, uniqueRegion, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenHistory } from "../golden/history.js";
import { ensureHistoryStream } from "../events/history-stream.js";
import { projectBatch, projectionConsumer, projectionSource } from "../events/projection.js";
import { rebuildProjection } from "./rebuild.js";

/**
 * The rebuild: the golden history goes through NATS (the region stream, sourced into the history
 * stream) and the live projection consumer; the rebuild replays the history stream into fresh
 * tables and must find them equal to the live ones — and must notice when they are not.
 */
const logger = createLogger({ service: "assessment-rebuild-test", region: "test", level: "silent" });
const region = uniqueRegion("rb");
const history = goldenHistory().map((event) => ({ ...event, region }));
// An event no figure counts, in the middle of the history: the live consumer never receives it
// (its subject filter), the rebuild reads it and projects nothing from it; the tables still agree.
const delivered = newEvent({
  region,
  aggregateId: "delivery-1",
  payload: { $case: "notificationDelivered", value: { deliveryId: "delivery-1", template: "case_completed", channel: "inbox", sourceEventId: history[0]!.id, recipient: "steward:steward-1", eventType: history[0]!.type, urgency: "normal", attempts: 1 } },
});
const published = [...history.slice(0, 5), delivered, ...history.slice(5)];
let db: TestDatabase;
let sql: Sql;
let bus: Bus;
let consumer: EventConsumer;
let stream: string;

beforeAll(async () => {
  db = await createTestDatabase("assessment_rebuild");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName: "assessment-rebuild-test", querySpans: false });
  bus = await connectBus({ url: stack.natsUrl, name: "assessment-rebuild-test", region, logger });
  stream = await ensureHistoryStream(bus, region, [region], 0);
  consumer = new EventConsumer({ ...projectionConsumer, eventTypes: [], source: projectionSource(stream), batchHandler: projectBatch, bus, sql, logger });
  await consumer.start();
  // Every event published twice: the stream's duplicate window keeps one, the inbox the rest.
  for (const event of [...published, ...published]) await bus.js.publish(subjectFor(region, event.type), encodeEvent(event), { msgID: event.id });
  await eventually(async () => {
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from inbox where consumer = ${projectionConsumer.durable}`;
    expect(row!.count).toBe(history.length);
    return true;
  }, "the live projection to handle the whole history", 50_000);
});

afterAll(async () => {
  await consumer?.stop();
  await bus?.jsm.streams.delete(stream).catch(() => {});
  await bus?.jsm.streams.delete(bus.stream).catch(() => {});
  await bus?.close();
  await sql?.end();
  await db?.drop();
});

describe("rebuilding the projection from the history stream", () => {
  it("gives tables equal to the live ones, row for row", async () => {
    const [unreceived] = await sql<{ count: number }[]>`select count(*)::int as count from inbox where event_id = ${delivered.id}`;
    expect(unreceived!.count).toBe(0);
    const report = await rebuildProjection(sql, bus, region);
    expect(report.read).toBe(published.length);
    expect(report.projected).toBe(published.length);
    const items = report.tables.find((table) => table.table === "projected_items");
    expect(items?.liveRows).toBeGreaterThan(0);
    for (const table of report.tables) expect({ table: table.table, onlyLive: table.onlyLive, onlyRebuilt: table.onlyRebuilt }).toEqual({ table: table.table, onlyLive: 0, onlyRebuilt: 0 });
    expect(report.equal).toBe(true);
  });

  it("names the table whose live rows no longer follow from the events", async () => {
    await sql`update projected_items set state = 'approved' where ctid = (select ctid from projected_items where state <> 'approved' limit 1)`;
    const report = await rebuildProjection(sql, bus, region);
    expect(report.equal).toBe(false);
    const differing = report.tables.filter((table) => table.onlyLive > 0 || table.onlyRebuilt > 0);
    expect(differing).toEqual([expect.objectContaining({ table: "projected_items", onlyLive: 1, onlyRebuilt: 1 })]);
  });
});
