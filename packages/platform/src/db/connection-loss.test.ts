import { connect, type Socket } from "node:net";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, eventually, stack, startTcpProxy, type TestDatabase } from "@steward/testing";
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
    // The transaction is refused as soon as its backend dies, while the callback still pauses:
    // wait for the callback to issue its late statement (two equal pauses raced here before).
    expect(await eventually(() => lateInsert, "the statement the callback issues after its backend died")).toBe("rejected");
    await settle();
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

/** A throwaway database reached through a link the test can cut; `close` ends the pool, the link and the database. */
async function databaseBehindLink(name: string, poolMax: number) {
  const db = await createTestDatabase(name);
  const target = new URL(db.url);
  const link = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const viaLink = new URL(db.url);
  viaLink.port = String(link.port);
  const sql = createDatabase({ url: viaLink.toString(), poolMax, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: `steward-${name}-test` });
  const close = async () => {
    await sql.end({ timeout: 1 });
    await link.close();
    await db.drop();
  };
  return { link, sql, close };
}

describe("a database that cannot be reached", () => {
  it("fails every query within about a second, however long the outage lasts, and is found again when it returns", async () => {
    const { link, sql, close } = await databaseBehindLink("unreachable", 2);
    try {
      await sql`select 1`;
      link.cut();
      // postgres.js waits for its connection's next dial, backing off up to 20 s: a query issued
      // during an outage hung until its caller's deadline. Each must settle, with an error.
      for (let attempt = 0; attempt < 12; attempt++) {
        const outcome = await Promise.race([
          sql`select 1`.then(() => "answered", () => "refused"),
          new Promise((resolve) => setTimeout(() => resolve("still waiting"), 4000)),
        ]);
        expect(outcome).toBe("refused");
      }
      link.restore();
      expect(await sql`select 2 as two`).toEqual([{ two: 2 }]);
    } finally {
      await close();
    }
  });
});

describe("a link reset under an idle connection", () => {
  it("rejects a query handed to the connection after its socket failed and before it closed, instead of leaving it pending for ever", async () => {
    const db = await createTestDatabase("resetwindow");
    const target = new URL(db.url);
    const link = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const sockets: Socket[] = [];
    // The pool's own socket, dialled through the link, so the test sees its 'error' event. Node
    // emits 'error' at once and 'close' only when the handle has closed, a loop phase later; the
    // connection stays in the pool's open queue meanwhile, and a query issued then (here from the
    // error's setImmediate, in production any continuation that runs in between) is handed to it.
    const dial = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(link.port, "127.0.0.1");
        sockets.push(socket);
        socket.once("connect", () => resolve(socket)).once("error", reject);
      });
    // postgres.js takes a socket factory (options.socket); its type declarations leave it out.
    const sql = postgres(db.url, { max: 1, onnotice: () => {}, socket: dial } as postgres.Options<Record<string, postgres.PostgresType>>);
    try {
      await sql`select 1`;
      let late: Promise<string> | undefined;
      sockets[0]!.once("error", () => setImmediate(() => (late = sql`select 2 as two`.then(() => "answered", () => "rejected"))));
      link.cut();
      const outcome = await eventually(() => late, "a query issued between the socket's error and its close");
      // postgres.js (and our patch before this fix) skipped it on a close with an error, assuming
      // the 'error' event had settled everything in flight; it never settled.
      expect(await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve("still pending"), 5000))])).toBe("rejected");
      link.restore();
      expect(await sql`select 3 as three`).toEqual([{ three: 3 }]);
    } finally {
      await sql.end({ timeout: 1 });
      await link.close();
      await db.drop();
    }
  });
});

describe("a reserved connection (sql.reserve) across a lost database", () => {
  /** `work` settled, or "still pending" after `ms`: a hang shows as a value, not as a test timeout. */
  const within = <T>(work: Promise<T>, ms: number) => Promise.race([work, new Promise<"still pending">((resolve) => setTimeout(() => resolve("still pending"), ms))]);

  it("gets a connection once the database is back, instead of waiting for ever when the pool re-dials for it", async () => {
    const { link, sql, close } = await databaseBehindLink("reservewait", 1);
    try {
      link.cut();
      // The pool's one connection dials for a query; the reserve, asked for a moment later (as a
      // background round starts beside a request), waits in the pool's queue.
      const first = sql`select 1`.then(() => "answered", () => "refused");
      await new Promise((resolve) => setImmediate(resolve));
      const reserved = sql.reserve().then(
        (connection) => ({ connection }),
        (error: unknown) => ({ error }),
      );
      expect(await first).toBe("refused");
      // The dial failed; when the connection closes the pool dials again for the next waiter, the
      // reserve. postgres.js 3.4.9 dropped a reserve handed to a dial that succeeded
      // (porsager/postgres#1195): it never settled, and the connection sat idle beside it.
      link.restore();
      const outcome = await within(reserved, 10_000);
      expect(outcome).not.toBe("still pending");
      if (outcome === "still pending" || !("connection" in outcome)) throw new Error(`no connection: ${String(outcome)}`);
      expect(await outcome.connection`select 2 as two`).toEqual([{ two: 2 }]);
      outcome.connection.release();
      // And the pool (one connection) still answers.
      expect(await within(sql`select 3 as three`, 10_000)).toEqual([{ three: 3 }]);
    } finally {
      await close();
    }
  });

  it("rejects the queries on a reserved connection whose backend died, and the pool still serves after its release", async () => {
    const db = await createTestDatabase("reservelost");
    const sql = createDatabase({ url: db.url, poolMax: 1, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "steward-reservelost-test" });
    const killer = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
    const escaped: unknown[] = [];
    const recordEscape = (error: unknown) => escaped.push(error);
    process.on("uncaughtException", recordEscape);
    try {
      const connection = await sql.reserve();
      const [row] = await connection<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await killer`select pg_terminate_backend(${row!.pid})`;
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let attempt = 0; attempt < 3; attempt++) expect(await within(connection`select 1`.then(() => "answered", () => "rejected"), 10_000)).toBe("rejected");
      connection.release();
      expect(await within(sql`select 4 as four`, 10_000)).toEqual([{ four: 4 }]);
      expect(escaped).toEqual([]);
    } finally {
      process.off("uncaughtException", recordEscape);
      await sql.end({ timeout: 1 });
      await killer.end();
      await db.drop();
    }
  });
});
