import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, stack, type TestDatabase } from "@steward/testing";
import { createDatabase, transaction, type Sql } from "./index.js";

/**
 * A backend that dies under a transaction (a Postgres restart, a failover, a cut link) must cost
 * the caller an error, never the process and never a wedged pool. postgres.js 3.4.9 crashed the
 * process here (porsager/postgres#1154, #1208: a deferred write to a socket already set to null)
 * and could run the dead transaction's later statements, COMMIT included, on a new connection
 * (porsager/postgres#1215); patches/postgres@3.4.9.patch repairs both.
 */
describe("a lost connection under a transaction", () => {
  let db: TestDatabase;
  let sql: Sql;
  let killer: postgres.Sql;
  const escaped: unknown[] = [];
  const recordEscape = (error: unknown) => escaped.push(error);

  beforeAll(async () => {
    db = await createTestDatabase("connloss");
    sql = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "steward-connloss-test" });
    await sql`create table notes (id int primary key)`;
    killer = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.end({ timeout: 1 });
    await killer?.end();
    await db?.drop();
  });

  beforeEach(() => {
    escaped.length = 0;
    process.on("uncaughtException", recordEscape);
  });

  afterEach(() => {
    process.off("uncaughtException", recordEscape);
  });

  const terminate = (pid: number) => killer`select pg_terminate_backend(${pid})`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("rejects the statements a transaction issues after its backend died, and the process survives", async () => {
    let lateInsert: Promise<unknown> | undefined;
    const outcome = transaction(sql, async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await terminate(row!.pid);
      await settle(); // the close arrives while the callback awaits something else
      lateInsert = tx`insert into notes (id) values (1)`.then(
        () => "ran",
        () => "rejected",
      );
      await lateInsert;
    });
    await expect(outcome).rejects.toThrow();
    await settle();
    expect(await lateInsert).toBe("rejected");
    expect(escaped).toEqual([]);
    // Nothing of the dead transaction ran anywhere, and the pool still answers.
    expect(await sql`select count(*)::int as n from notes`).toEqual([{ n: 0 }]);
  });

  it("rejects a statement in flight when the backend dies; the rollback that follows does not crash the process", async () => {
    const outcome = transaction(sql, async (tx) => {
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      const sleeping = tx`select pg_sleep(3)`;
      await settle();
      await terminate(row!.pid);
      await sleeping;
    });
    await expect(outcome).rejects.toThrow();
    await settle();
    expect(escaped).toEqual([]);
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it("does not commit a transaction whose callback finished after its backend died", async () => {
    const outcome = transaction(sql, async (tx) => {
      await tx`insert into notes (id) values (2)`;
      const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await terminate(row!.pid);
      await settle(); // then returns normally: postgres.js would send COMMIT
    });
    await expect(outcome).rejects.toThrow();
    await settle();
    expect(escaped).toEqual([]);
    expect(await sql`select count(*)::int as n from notes where id = 2`).toEqual([{ n: 0 }]);
    // Every connection of the pool is usable again.
    await Promise.all([sql`select pg_sleep(0.05)`, sql`select pg_sleep(0.05)`, sql`select 1`]);
  });
});
