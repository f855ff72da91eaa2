import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, type TestDatabase } from "@steward/testing";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { createDatabase, transaction, type Sql } from "./index.js";

const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let db: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  telemetry = startTelemetry({ serviceName: "db-instrument-test", region: "hanbin", otlpEndpoint: undefined, spanExporter: exporter });
  db = await createTestDatabase("db_instrument");
  sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "steward-db-instrument-test" });
  await sql`create table contacts (id int primary key, name text not null, phone text not null)`;
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
  await telemetry?.shutdown();
});

beforeEach(async () => {
  await telemetry.flush();
  exporter.reset();
});

/** Runs `work` under a sampled span and returns the spans it produced, the parent first. */
async function traced(work: () => Promise<unknown>): Promise<{ parent: ReadableSpan; children: ReadableSpan[] }> {
  const traceId = await trace.getTracer("test").startActiveSpan("request", async (span) => {
    try {
      await work();
    } finally {
      span.end();
    }
    return span.spanContext().traceId;
  });
  await telemetry.flush();
  const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const parent = spans.find((span) => span.name === "request")!;
  return { parent, children: spans.filter((span) => span !== parent) };
}

describe("Postgres spans", () => {
  it("records each query as a CLIENT span under the caller's span, with the conventions' attributes and never a parameter", async () => {
    const { parent, children } = await traced(async () => {
      await sql`insert into contacts (id, name, phone) values (${1}, ${"张三"}, ${"13800138000"})`;
      await sql`select name from contacts where phone = ${"13800138000"} ${sql`and id = ${1}`}`;
    });
    expect(children.map((span) => span.name)).toEqual(["INSERT contacts", "SELECT contacts"]);
    for (const span of children) {
      expect(span.kind).toBe(2); // CLIENT
      expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(span.attributes).toMatchObject({
        "db.system.name": "postgresql",
        "db.system": "postgresql",
        "db.namespace": db.name,
        "server.address": "127.0.0.1",
      });
      const text = JSON.stringify(span.attributes);
      expect(text).not.toContain("13800138000");
      expect(text).not.toContain("张三");
      expect(span.attributes["db.query.text"]).toBeUndefined();
    }
    expect(children[1]!.attributes).toMatchObject({ "db.operation.name": "SELECT", "db.query.summary": "SELECT contacts" });
  });

  it("traces the queries of a transaction, BEGIN and COMMIT aside, and a nested fragment not on its own", async () => {
    const { children } = await traced(() =>
      transaction(sql, async (tx) => {
        const filter = tx`where id = ${2}`;
        await tx`insert into contacts (id, name, phone) values (${2}, ${"李四"}, ${"13900139000"})`;
        await tx`update contacts set name = ${"李四四"} ${filter}`;
      }),
    );
    expect(children.map((span) => span.name)).toEqual(["INSERT contacts", "UPDATE contacts"]);
  });

  it("marks a failed query with its SQLSTATE", async () => {
    const { children } = await traced(() => sql`insert into contacts (id, name, phone) values (${1}, ${"again"}, ${"x"})`.catch(() => undefined));
    expect(children).toHaveLength(1);
    expect(children[0]!.status.code).toBe(2); // ERROR
    expect(children[0]!.attributes).toMatchObject({ "db.response.status_code": "23505", "error.type": "23505" });
  });

  it("starts no span, and so no trace, for a query outside any span (a probe, a poll)", async () => {
    await sql`select 1`;
    await telemetry.flush();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe("pool usage metrics", () => {
  const sample = async (name: string) => {
    const text = await telemetry.prometheusText();
    const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes('db_client_connection_pool_name="steward-db-instrument-test"'));
    return line ? Number(line.split(" ").pop()) : undefined;
  };

  it("counts connections held by transactions and queries waiting for one", async () => {
    expect(await sample("db_client_connection_max")).toBe(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = 0;
    const holders = [1, 2].map(() =>
      sql.begin(async (tx) => {
        entered++;
        await tx`select 1`;
        await held;
      }),
    );
    await eventually(async () => (entered === 2 ? true : undefined), "both transactions holding their connection");
    // The pool (2) is exhausted: a third unit of work waits.
    const waiting = sql`select 2`.execute();
    await eventually(async () => ((await sample("db_client_connection_pending_requests")) === 1 ? true : undefined), "one query waiting for a connection");
    expect(await sample("db_client_connection_count")).toBe(2);
    release();
    await Promise.all([...holders, waiting]);
    await eventually(async () => ((await sample("db_client_connection_count")) === 0 ? true : undefined), "the pool idle again");
    expect(await sample("db_client_connection_pending_requests")).toBe(0);
  });
});
