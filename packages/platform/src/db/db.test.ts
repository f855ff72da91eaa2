import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import { createDatabase, migrate, transaction, transactionResult, type Sql } from "./index.js";

describe("migrate", () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase("migrate");
    dir = await mkdtemp(join(tmpdir(), "steward-migrations-"));
    // No IF NOT EXISTS, and a sleep inside the migration: two unserialised runs would overlap
    // and the second CREATE TABLE would fail.
    await writeFile(
      join(dir, "0001_widgets.sql"),
      ["-- Up Migration", "SELECT pg_sleep(0.3);", "CREATE TABLE widgets (id int PRIMARY KEY, name text NOT NULL);", "", "-- Down Migration", "DROP TABLE widgets;", ""].join("\n"),
    );
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("applies platform and service migrations once, even when two replicas migrate at the same time", async () => {
    await Promise.all([migrate({ databaseUrl: db.url, dir }), migrate({ databaseUrl: db.url, dir })]);
    await migrate({ databaseUrl: db.url, dir }); // and a later start is a no-op

    const sql = createDatabase({ url: db.url, poolMax: 1, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 5000, applicationName: "db-test" });
    try {
      const applied = await sql<{ name: string }[]>`select name from schema_migrations order by id`;
      expect(applied.map((row) => row.name)).toEqual(["0000_platform_01_outbox_inbox", "0000_platform_02_ledger", "0000_platform_41_outbox_claims", "0001_widgets"]);
      const tables = await sql<{ table_name: string }[]>`
        select table_name from information_schema.tables
        where table_schema = 'public' and table_name in ('outbox', 'inbox', 'widgets')
        order by table_name`;
      expect(tables.map((row) => row.table_name)).toEqual(["inbox", "outbox", "widgets"]);
      // The service's migration really ran: its table accepts rows.
      await sql`insert into widgets (id, name) values (1, 'one')`;
      expect(await sql`select name from widgets`).toEqual([{ name: "one" }]);
    } finally {
      await sql.end();
    }
  });
});

describe("createDatabase and transactions", () => {
  let db: TestDatabase;
  let sql: Sql;

  beforeAll(async () => {
    db = await createTestDatabase("tx");
    sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 300, idleInTransactionTimeoutMs: 1500, applicationName: "steward-db-test" });
    await sql`create table items (id int primary key, name text not null)`;
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it("gives every session the configured statement and idle-in-transaction timeouts", async () => {
    // Several sessions at once, so more than one pooled connection is checked.
    const sessions = await Promise.all(
      [1, 2, 3].map(() =>
        sql.begin(async (tx) => {
          const [row] = await tx<{ statement_timeout: string; idle: string; app: string; pid: number }[]>`
            select current_setting('statement_timeout') as statement_timeout,
                   current_setting('idle_in_transaction_session_timeout') as idle,
                   current_setting('application_name') as app,
                   pg_backend_pid() as pid,
                   pg_sleep(0.05)::text`;
          return row!;
        }),
      ),
    );
    expect(new Set(sessions.map((s) => s.pid)).size).toBe(3);
    for (const session of sessions) {
      expect(session.statement_timeout).toBe("300ms");
      expect(session.idle).toBe("1500ms");
      expect(session.app).toBe("steward-db-test");
    }
    const [shown] = await sql<{ statement_timeout: string }[]>`show statement_timeout`;
    expect(shown!.statement_timeout).toBe("300ms");
  });

  it("cancels a statement that runs longer than the statement timeout", async () => {
    const error = await sql`select pg_sleep(2)`.then(
      () => undefined,
      (caught: unknown) => caught as { code?: string },
    );
    expect(error?.code).toBe("57014");
    // The connection is usable afterwards.
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it("transaction rolls back every write when the work throws", async () => {
    await expect(
      transaction(sql, async (tx) => {
        await tx`insert into items (id, name) values (1, 'first')`;
        await tx`insert into items (id, name) values (2, 'second')`;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await sql`select id from items where id in (1, 2)`).toEqual([]);

    const returned = await transaction(sql, async (tx) => {
      await tx`insert into items (id, name) values (3, 'third')`;
      return "done";
    });
    expect(returned).toBe("done");
    expect(await sql`select name from items where id = 3`).toEqual([{ name: "third" }]);
  });

  it("transaction retries a serialization failure and commits once", async () => {
    await sql`insert into items (id, name) values (10, 'counter-0')`;
    let attempts = 0;
    await transaction(sql, async (tx) => {
      attempts++;
      await tx`insert into items (id, name) values (${100 + attempts}, 'attempt')`;
      if (attempts === 1) throw Object.assign(new Error("could not serialize access"), { code: "40001" });
    });
    expect(attempts).toBe(2);
    // Only the successful attempt's write is there.
    expect(await sql`select id from items where id > 100 order by id`).toEqual([{ id: 102 }]);
  });

  it("transactionResult rolls back on a failed Result and commits on an ok one", async () => {
    const refused = await transactionResult(sql, async (tx) => {
      await tx`insert into items (id, name) values (20, 'refused')`;
      return { ok: false as const, error: "not allowed" };
    });
    expect(refused).toEqual({ ok: false, error: "not allowed" });
    expect(await sql`select id from items where id = 20`).toEqual([]);

    const accepted = await transactionResult(sql, async (tx) => {
      await tx`insert into items (id, name) values (21, 'accepted')`;
      return { ok: true as const, value: 21 };
    });
    expect(accepted).toEqual({ ok: true, value: 21 });
    expect(await sql`select name from items where id = 21`).toEqual([{ name: "accepted" }]);

    // A thrown error is still an error, and still rolls back.
    await expect(
      transactionResult(sql, async (tx) => {
        await tx`insert into items (id, name) values (22, 'thrown')`;
        throw new Error("broken");
      }),
    ).rejects.toThrow("broken");
    expect(await sql`select id from items where id = 22`).toEqual([]);
  });

  it("a session left idle inside a transaction is ended by the server", async () => {
    const idle = createDatabase({ url: db.url, poolMax: 1, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 200, applicationName: "steward-db-idle" });
    try {
      const error = await idle
        .begin(async (tx) => {
          await tx`insert into items (id, name) values (30, 'abandoned')`;
          await new Promise((resolve) => setTimeout(resolve, 600));
          await tx`select 1`;
        })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).toBeDefined();
      expect(await sql`select id from items where id = 30`).toEqual([]);
    } finally {
      await idle.end();
    }
  });
});
