import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, uniqueRegion, type TestDatabase } from "@steward/testing";
import { createDatabase, migrate, transaction, transactionResult, type Sql } from "../db/index.js";
import { GENESIS_HASH, appendLedger, openChains, readLedger, verifyLedger, type LedgerEntryInput } from "./index.js";

let db: TestDatabase;
let migrations: string;
let sql: Sql;
const region = uniqueRegion("lg");

beforeAll(async () => {
  db = await createTestDatabase("ledger");
  // An empty service folder: only the platform migrations (outbox, inbox, ledger) apply.
  migrations = await mkdtemp(join(tmpdir(), "steward-ledger-"));
  await migrate({ databaseUrl: db.url, dir: migrations });
  sql = createDatabase({ url: db.url, poolMax: 20, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 15_000, applicationName: "ledger-test" });
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

const newChain = (kind = "case") => `${kind}:${randomUUID()}`;

function entry(chainId: string, overrides: Partial<LedgerEntryInput> = {}): LedgerEntryInput {
  return { region, chainId, actor: "user:u-1", action: "item.submitted", subject: "item-1", from: "draft", to: "submitted", reason: "", ...overrides };
}

/**
 * Changes the ledger the way only an attacker with the table owner's (or a superuser's) rights
 * could: user triggers off, the write, triggers on, all in one transaction. The test connection
 * is the owner; services run as a runtime role that may not (db/roles.test.ts).
 */
async function tamper(statement: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`alter table ledger disable trigger user`;
    await tx.unsafe(statement);
    await tx`alter table ledger enable trigger user`;
  });
}

describe("appendLedger and readLedger", () => {
  it("chains the rows of a case and returns its full record", async () => {
    const chainId = newChain();
    const other = newChain("agreement");
    const before = Date.now();
    const first = await transaction(sql, (tx) =>
      appendLedger(tx, [
        entry(chainId, { action: "case.opened", subject: "", from: "", to: "open", details: { z: 1, a: { y: [1, "二"], b: null } } }),
        entry(other, { action: "agreement.drafted", actor: "system:agreement", subject: "" }),
        entry(chainId, { action: "item.submitted", reason: "申请人提交" }),
      ]),
    );
    const second = await transaction(sql, (tx) => appendLedger(tx, [{ region, chainId, actor: "user:u-2", action: "item.accepted" }]));
    const after = Date.now();

    // Returned in the order given, numbered within each chain.
    expect(first.map((row) => [row.chainId, row.position])).toEqual([
      [chainId, 1],
      [other, 1],
      [chainId, 2],
    ]);
    const [opened, , submitted] = first;
    expect(opened).toMatchObject({ region, actor: "user:u-1", action: "case.opened", subject: "", from: "", to: "open", reason: "", prevHash: GENESIS_HASH });
    expect(opened!.details).toEqual({ z: 1, a: { y: [1, "二"], b: null } });
    expect(submitted!.prevHash).toBe(opened!.hash);
    expect(submitted!.reason).toBe("申请人提交");
    // Defaults for what an entry leaves out.
    expect(second[0]).toMatchObject({ position: 3, subject: "", from: "", to: "", reason: "", details: {}, prevHash: submitted!.hash });

    // Server time, to the microsecond, shared by one append and later for a later one.
    expect(opened!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(submitted!.recordedAt).toBe(opened!.recordedAt);
    expect(second[0]!.recordedAt > opened!.recordedAt).toBe(true);
    for (const row of [...first, ...second]) {
      expect(new Date(row.recordedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(row.recordedAt).getTime()).toBeLessThanOrEqual(after + 1000);
    }

    const record = await readLedger(sql, region, chainId);
    expect(record).toEqual([opened, submitted, second[0]]);
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 3 });
    expect(await verifyLedger(sql, region, other)).toEqual({ ok: true, rows: 1 });
    // A chain belongs to its region: the same id elsewhere is another (here empty) chain.
    expect(await readLedger(sql, uniqueRegion("lg"), chainId)).toEqual([]);
    expect(await verifyLedger(sql, region, newChain())).toEqual({ ok: true, rows: 0 });
  });

  it("leaves nothing behind when the transaction rolls back", async () => {
    const chainId = newChain();
    await expect(
      transaction(sql, async (tx) => {
        await appendLedger(tx, [entry(chainId), entry(chainId, { action: "item.accepted" })]);
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    const refused = await transactionResult(sql, async (tx) => {
      await appendLedger(tx, [entry(chainId)]);
      return { ok: false as const };
    });
    expect(refused.ok).toBe(false);
    expect(await readLedger(sql, region, chainId)).toEqual([]);

    // The chain still starts at 1 afterwards.
    const [row] = await transaction(sql, (tx) => appendLedger(tx, [entry(chainId)]));
    expect(row).toMatchObject({ position: 1, prevHash: GENESIS_HASH });
  });

  it("serialises 20 concurrent transactions on one chain: positions 1..20, no fork, no gap", async () => {
    const chainId = newChain();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transaction(sql, async (tx) => {
          await tx`select pg_sleep(0.01)`; // the state change before the append
          await appendLedger(tx, [entry(chainId, { actor: `user:u-${i}` })]);
        }),
      ),
    );
    const rows = await readLedger(sql, region, chainId);
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.actor)).size).toBe(20);
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 20 });
  });

  it("does not deadlock when transactions append to the same chains in opposite orders", async () => {
    const a = newChain();
    const b = newChain("agreement");
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        transaction(
          sql,
          (tx) => appendLedger(tx, i % 2 === 0 ? [entry(a), entry(b)] : [entry(b), entry(a)]),
          1, // no retry: a deadlock would fail the test
        ),
      ),
    );
    expect(await verifyLedger(sql, region, a)).toEqual({ ok: true, rows: 12 });
    expect(await verifyLedger(sql, region, b)).toEqual({ ok: true, rows: 12 });
  });

  it("refuses entries Postgres could not store as given", async () => {
    const chainId = newChain();
    for (const bad of [
      entry(chainId, { actor: "" }),
      entry(chainId, { reason: "nul\u0000" }),
      entry(chainId, { subject: "half \uD800 a pair" }),
      entry(chainId, { details: { note: "nul\u0000" } }),
      entry(chainId, { details: [1, 2] as unknown as Record<string, unknown> }),
    ]) {
      await expect(transaction(sql, (tx) => appendLedger(tx, [bad]))).rejects.toThrow(TypeError);
    }
    expect(await readLedger(sql, region, chainId)).toEqual([]);
    // Details are stored as JSON would carry them.
    const [row] = await transaction(sql, (tx) => appendLedger(tx, [entry(chainId, { details: { at: new Date(0), gone: undefined } })]));
    expect(row!.details).toEqual({ at: "1970-01-01T00:00:00.000Z" });
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 1 });
  });
});

describe("openChains", () => {
  it("links several appends to one chain in one transaction, pipelined with other writes, at one server time", async () => {
    const chainId = newChain();
    await transaction(sql, (tx) => appendLedger(tx, [entry(chainId, { action: "case.opened" })]));
    const appended = await transaction(sql, async (tx) => {
      const chains = await openChains(tx, [{ region, chainId }]);
      // Issued without waiting for each other, as a command's writes are.
      const [first, , second] = await Promise.all([
        chains.append([entry(chainId, { action: "item.accepted" })]),
        tx`select 1`.execute(),
        chains.append([entry(chainId, { action: "item.approved" }), entry(chainId, { action: "case.completed" })]),
      ]);
      return { recordedAt: chains.recordedAt, rows: [...first, ...second] };
    });
    expect(appended.rows.map((row) => [row.position, row.action])).toEqual([
      [2, "item.accepted"],
      [3, "item.approved"],
      [4, "case.completed"],
    ]);
    expect(new Set(appended.rows.map((row) => row.recordedAt))).toEqual(new Set([appended.recordedAt]));
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 4 });
  });

  it("serialises transactions that open the same chain and writes nothing for a chain it did not open", async () => {
    const chainId = newChain();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        transaction(sql, async (tx) => {
          const chains = await openChains(tx, [{ region, chainId }]);
          await chains.append([entry(chainId, { subject: `item-${index}` })]);
        }),
      ),
    );
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 10 });

    const stranger = newChain();
    const refused = transaction(sql, async (tx) => {
      const chains = await openChains(tx, [{ region, chainId }]);
      await chains.append([entry(chainId), entry(stranger)]);
    });
    await expect(refused).rejects.toThrow(/was not opened by this transaction/);
    expect((await readLedger(sql, region, chainId)).length).toBe(10);
    expect(await readLedger(sql, region, stranger)).toEqual([]);
  });
});

describe("immutability", () => {
  it("refuses UPDATE, DELETE and TRUNCATE from the service's connection", async () => {
    const chainId = newChain();
    await transaction(sql, (tx) => appendLedger(tx, [entry(chainId), entry(chainId)]));
    const attempts = [
      sql`update ledger set reason = 'rewritten' where chain_id = ${chainId}`,
      sql`delete from ledger where chain_id = ${chainId}`,
      sql`truncate ledger`,
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught as { code?: string; message?: string },
      );
      expect(error?.code).toBe("42501");
      expect(error?.message).toMatch(/ledger rows are append-only/);
    }
    expect(await verifyLedger(sql, region, chainId)).toEqual({ ok: true, rows: 2 });
  });

  it("refuses a recorded_at that is not the server's time", async () => {
    const error = await sql`
      insert into ledger (region, chain_id, position, actor, action, recorded_at, prev_hash, hash)
      values (${region}, ${newChain()}, 1, 'user:u-1', 'item.submitted', '2020-01-01T00:00:00Z', ${GENESIS_HASH}, ${GENESIS_HASH})`.then(
      () => undefined,
      (caught: unknown) => caught as { code?: string },
    );
    expect(error?.code).toBe("23514");
  });
});

describe("verifyLedger", () => {
  async function chainOf(length: number): Promise<string> {
    const chainId = newChain();
    for (let i = 0; i < length; i++) {
      await transaction(sql, (tx) => appendLedger(tx, [entry(chainId, { action: `step.${i + 1}`, reason: `reason ${i + 1}` })]));
    }
    return chainId;
  }

  it("names the row whose reason a superuser rewrote", async () => {
    const chainId = await chainOf(5);
    const rows = await readLedger(sql, region, chainId);
    await tamper(`update ledger set reason = 'nothing to see' where region = '${region}' and chain_id = '${chainId}' and position = 3`);
    expect(await verifyLedger(sql, region, chainId)).toEqual({
      ok: false,
      rows: 5,
      firstBroken: { position: 3, seq: rows[2]!.seq, reason: "hash_mismatch" },
    });
  });

  it("names the row after one a superuser deleted", async () => {
    const chainId = await chainOf(5);
    const rows = await readLedger(sql, region, chainId);
    await tamper(`delete from ledger where region = '${region}' and chain_id = '${chainId}' and position = 2`);
    expect(await verifyLedger(sql, region, chainId)).toEqual({
      ok: false,
      rows: 4,
      firstBroken: { position: 3, seq: rows[2]!.seq, reason: "position_gap" },
    });
  });

  it("names the row after one a superuser deleted and renumbered the rest to hide it", async () => {
    const chainId = await chainOf(4);
    const rows = await readLedger(sql, region, chainId);
    await tamper(`
      delete from ledger where region = '${region}' and chain_id = '${chainId}' and position = 2;
      update ledger set position = position - 1 where region = '${region}' and chain_id = '${chainId}' and position > 2;`);
    expect(await verifyLedger(sql, region, chainId)).toEqual({
      ok: false,
      rows: 3,
      firstBroken: { position: 2, seq: rows[2]!.seq, reason: "prev_hash_mismatch" },
    });
  });

  it("notices a change below the millisecond", async () => {
    const chainId = await chainOf(2);
    const rows = await readLedger(sql, region, chainId);
    await tamper(`update ledger set recorded_at = recorded_at + interval '1 microsecond' where region = '${region}' and chain_id = '${chainId}' and position = 1`);
    expect(await verifyLedger(sql, region, chainId)).toEqual({
      ok: false,
      rows: 2,
      firstBroken: { position: 1, seq: rows[0]!.seq, reason: "hash_mismatch" },
    });
  });
});
