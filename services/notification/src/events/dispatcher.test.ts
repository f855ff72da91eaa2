import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { decodeEvent } from "@steward/platform/events";
import { memoryLogger } from "@steward/platform/logging";
import { startTelemetry, type Telemetry } from "@steward/platform/telemetry";
import { createTestDatabase, eventually, uniqueRegion, type TestDatabase } from "@steward/testing";
import { insertDelivery } from "../db/deliveries.js";
import { newDelivery } from "../domain/delivery.js";
import { Dispatcher } from "./dispatcher.js";

const region = uniqueRegion("nd");
let db: TestDatabase;
let sql: Sql;
let receiver: Server;
let receiverUrl: string;
/** What the receiver was sent: the idempotency key and traceparent of every request, in order. */
const received: { key: string; subjectId: string; traceparent: string }[] = [];
const spans = new InMemorySpanExporter();
let telemetry: Telemetry;
const { logger, lines: logLines } = memoryLogger({ service: "notification", region: "hanbin", level: "info" });

beforeAll(async () => {
  telemetry = startTelemetry({ serviceName: "steward-notification", region: "hanbin", otlpEndpoint: undefined, spanExporter: spans });
  db = await createTestDatabase("notification_dispatcher");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 5, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 15_000, applicationName: "dispatcher-test" });
  // Accepts every delivery except those about a subject starting with "refused".
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const { subjectId } = JSON.parse(body) as { subjectId: string };
      received.push({ key: String(request.headers["idempotency-key"]), subjectId, traceparent: String(request.headers.traceparent) });
      response.writeHead(subjectId.startsWith("refused") ? 503 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await telemetry?.shutdown();
  await sql?.end();
  await db?.drop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function deliveries() {
  return sql<{ id: string; subject_id: string; status: string; attempts: number; last_error: string | null }[]>`
    select id, subject_id, status, attempts, last_error from deliveries where region = ${region} order by subject_id`;
}

async function outboxEvents() {
  const rows = await sql<{ payload: Buffer }[]>`select payload from outbox where region = ${region} order by seq`;
  return rows.map((row) => decodeEvent(row.payload).payload);
}

describe("Dispatcher", () => {
  it("delivers what is due, records every outcome with its event, retries a refusal under the same id and gives up after the last attempt", async () => {
    const subjects = ["accepted-1", "accepted-2", "accepted-3", "refused-1"];
    // Queued by a consumer's span: every POST continues its trace.
    const queuedBy = await trace.getTracer("test").startActiveSpan("consume routing.case.completed", async (span) => {
      await transaction(sql, async (tx) => {
        for (const subjectId of subjects) {
          await insertDelivery(tx, newDelivery(region, "case-completed", { title: "项目审批已办结", body: `${subjectId} 已办结` }, randomUUID(), subjectId));
        }
      });
      span.end();
      return span.spanContext();
    });
    const dispatcher = new Dispatcher({ sql, logger, webhookUrl: receiverUrl, maxAttempts: 2, timeoutMs: 2000, pollIntervalMs: 100, backlogIntervalMs: 50 });
    await dispatcher.start();
    try {
      // The refused delivery is tried again after the first backoff (1 s), then given up.
      const settled = await eventually(async () => {
        const rows = await deliveries();
        return rows.every((row) => row.status !== "pending") ? rows : undefined;
      }, "every delivery delivered or given up", 10_000);
      expect(settled.map((row) => [row.subject_id, row.status, row.attempts])).toEqual([
        ["accepted-1", "delivered", 1],
        ["accepted-2", "delivered", 1],
        ["accepted-3", "delivered", 1],
        ["refused-1", "failed", 2],
      ]);
      expect(settled.find((row) => row.subject_id === "refused-1")?.last_error).toBe("receiver answered 503");
      // Each accepted delivery was sent once, under its own id; the refused one twice, under the same id.
      const keysBySubject = new Map(subjects.map((subject) => [subject, received.filter((r) => r.subjectId === subject).map((r) => r.key)]));
      for (const row of settled) expect(keysBySubject.get(row.subject_id)).toEqual(row.status === "delivered" ? [row.id] : [row.id, row.id]);

      const events = await outboxEvents();
      expect(events.filter((event) => event?.$case === "notificationDelivered")).toHaveLength(3);
      expect(events.filter((event) => event?.$case === "notificationFailed").map((event) => event?.$case === "notificationFailed" && event.value.reason)).toEqual(["receiver answered 503"]);

      // Metrics: attempts by outcome, the queue back to empty, the time to deliver.
      const sample = async (name: string, label = "") => {
        const line = (await telemetry.prometheusText()).split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(label));
        return line === undefined ? undefined : Number(line.split(" ").at(-1));
      };
      expect(await sample("steward_notification_delivery_attempts_total", 'steward_outcome="delivered"')).toBe(3);
      expect(await sample("steward_notification_delivery_attempts_total", 'steward_outcome="failed"')).toBe(1);
      expect(await sample("steward_notification_delivery_attempts_total", 'steward_outcome="given_up"')).toBe(1);
      expect(await sample("steward_notification_delivery_latency_seconds_count")).toBe(3);
      expect(await sample("steward_notification_webhook_duration_seconds_count", 'steward_outcome="failed"')).toBe(2);
      await vi.waitFor(async () => expect(await sample("steward_notification_deliveries_pending")).toBe(0));

      // Traces: each POST a CLIENT span under the queueing span, its traceparent sent with it.
      await telemetry.flush();
      const posts = spans.getFinishedSpans().filter((span) => span.name === "POST");
      expect(posts).toHaveLength(5);
      for (const post of posts) {
        expect(post.spanContext().traceId).toBe(queuedBy.traceId);
        expect(post.parentSpanContext?.spanId).toBe(queuedBy.spanId);
      }
      expect(received.map((r) => r.traceparent).sort()).toEqual(posts.map((post) => `00-${post.spanContext().traceId}-${post.spanContext().spanId}-01`).sort());

      // The access log: one line per attempt, with the outcome; no notice text.
      const access = logLines.filter((line) => line.access === "delivery");
      expect(access.map((line) => line.outcome).sort()).toEqual(["delivered", "delivered", "delivered", "failed", "given_up"]);
      expect(access.every((line) => line.trace_id === queuedBy.traceId)).toBe(true);
      expect(JSON.stringify(logLines)).not.toContain("已办结");
    } finally {
      await dispatcher.stop();
    }
  });
});
