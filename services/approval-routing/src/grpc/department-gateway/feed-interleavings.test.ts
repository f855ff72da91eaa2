/**
 * A property of WatchAssignments over any interleaving of writers' transactions (beginning,
 * writing changes, committing or rolling back in any order, some only holding a transaction id
 * open as the outbox relay does) and of the client's reconnects: what the client receives, across
 * all its connections, is every committed change of its department exactly once, in (xid, seq)
 * order, and nothing rolled back.
 */
import type { Sql } from "@steward/platform/db";
import fc from "fast-check";
import type { ReservedSql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../db/test-harness.js";
import { startRegion, watch, type RegionServer } from "../test-server.js";

const writers = 4;

type Step =
  | { kind: "write"; writer: number }
  | { kind: "hold"; writer: number }
  | { kind: "end"; writer: number; commit: boolean }
  | { kind: "reconnect" }
  | { kind: "pause"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("write" as const), writer: fc.nat(writers - 1) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("hold" as const), writer: fc.nat(writers - 1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("end" as const), writer: fc.nat(writers - 1), commit: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("reconnect" as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("pause" as const), ms: fc.integer({ min: 0, max: 30 }) }), weight: 2 },
);

/** One writer: a transaction on a connection of its own, open between its first step and its end. */
class Writer {
  private connection: ReservedSql | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly row: { region: string; department: string; itemId: string; snapshot: unknown },
  ) {}

  private async begin(): Promise<ReservedSql> {
    if (this.connection) return this.connection;
    this.connection = await this.sql.reserve();
    await this.connection`begin`;
    return this.connection;
  }

  /** A change on the department's feed, in this writer's transaction. */
  async write(): Promise<void> {
    const tx = await this.begin();
    await tx`insert into assignment_changes (region, department_code, item_id, snapshot)
             values (${this.row.region}, ${this.row.department}, ${this.row.itemId}, ${tx.json(this.row.snapshot as never)})`;
  }

  /** A transaction id taken and held open without a change, like an outbox relay batch. */
  async hold(): Promise<void> {
    const tx = await this.begin();
    await tx`select pg_current_xact_id()`;
  }

  async end(commit: boolean): Promise<void> {
    if (!this.connection) return;
    await (commit ? this.connection`commit` : this.connection`rollback`);
    this.connection.release();
    this.connection = undefined;
  }
}

describe("WatchAssignments over interleavings of commits, held-back transactions and reconnects", () => {
  let harness: Harness;
  let server: RegionServer;
  let template: { itemId: string; snapshot: unknown };
  let run = 0;

  beforeAll(async () => {
    harness = await createHarness("feed_interleavings");
    const routing = harness.routing();
    // A real item's feed snapshot, so the streamed messages are well formed; each run writes
    // copies of it on a department feed of its own.
    const submitted = await routing.submit(["ZRZY-YDYS"]);
    if (!submitted.ok) throw new Error(submitted.error.message);
    const [row] = await harness.sql<{ item_id: string; snapshot: unknown }[]>`select item_id, snapshot from assignment_changes where region = ${routing.region} limit 1`;
    template = { itemId: row!.item_id, snapshot: row!.snapshot };
    // A short poll: a change held back behind a transaction that ends without notifying is found soon.
    server = await startRegion(harness.sql, routing.region, { watchPollMs: 50 });
  });

  afterAll(async () => {
    await server?.stop();
    await harness?.close();
  });

  it("delivers every committed change exactly once, in (xid, seq) order, whatever the interleaving", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 30 }), async (steps) => {
        const department = `p${++run}`;
        const token = await server.token({ subject: `${department}-system`, role: "department", department });
        const pool = Array.from({ length: writers }, () => new Writer(harness.sql, { region: server.region, department, ...template }));
        const connections: { cursor: string }[][] = [];
        const received = () => connections.flat();
        let stream = watch(server.address, token, "", 60_000);
        connections.push(stream.received);
        try {
          for (const next of steps) {
            if (next.kind === "write") await pool[next.writer]!.write();
            else if (next.kind === "hold") await pool[next.writer]!.hold();
            else if (next.kind === "end") await pool[next.writer]!.end(next.commit);
            else if (next.kind === "pause") await new Promise((resolve) => setTimeout(resolve, next.ms));
            else {
              await stream.close();
              stream = watch(server.address, token, received().at(-1)?.cursor ?? "", 60_000);
              connections.push(stream.received);
            }
          }
          // Whatever is still open ends, committed, so everything written by then must arrive.
          for (const writer of pool) await writer.end(true);
          const committed = await harness.sql<{ cursor: string }[]>`
            select encode(convert_to(xid::text || ':' || seq::text, 'UTF8'), 'base64') as cursor from assignment_changes
            where region = ${server.region} and department_code = ${department}
            order by assignment_changes.xid, assignment_changes.seq`;
          const expected = committed.map((row) => Buffer.from(row.cursor, "base64").toString("base64url"));
          const deadline = Date.now() + 10_000;
          while (received().length < expected.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
          await new Promise((resolve) => setTimeout(resolve, 60));
          expect(received().map((message) => message.cursor)).toEqual(expected);
        } finally {
          await stream.close();
          for (const writer of pool) await writer.end(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
