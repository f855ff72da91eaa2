import { execFile } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, stack, uniqueRegion, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, migrate, transaction, type Sql, type TransactionSql } from "../db/index.js";
import { connectBus, type Bus } from "../events/bus.js";
import { createLogger } from "../logging/index.js";
import { chainHash, type LedgerRow } from "./chain.js";
import {
  AnchorReader,
  LedgerCheckpointer,
  LedgerSigner,
  LedgerVerifier,
  anchorSubject,
  appendLedger,
  checkpointCopyStreamFor,
  checkpointStreamFor,
  ledgerRowsFromDump,
  payloadDigest,
  readLedger,
  readLedgerMessages,
  verifyAnchoredChain,
  verifyChain,
  verifyRegionOffline,
  type ChainAnchor,
} from "./index.js";

const run = promisify(execFile);
const region = uniqueRegion("ck");
const cityRegion = uniqueRegion("cc");
const ledger = "approval-routing";
const logger = createLogger({ service: "checkpoint-test", region, level: "silent" });
const signer = new LedgerSigner(generateKeyPairSync("ed25519").privateKey);
const verifier = LedgerVerifier.fromPem(signer.publicKeyPem());

let db: TestDatabase;
let migrations: string;
/** The service's runtime role, as in production. */
let sql: Sql;
/** The schema's owner: the attacker with database access. */
let owner: Sql;
let bus: Bus;
let anchors: AnchorReader;

const checkpointer = (pool: Sql = sql) =>
  new LedgerCheckpointer({ sql: pool, js: bus.js, jsm: bus.jsm, region, ledger, cityRegion, signer, verifier, intervalMs: 3_600_000, logger });

beforeAll(async () => {
  db = await createTestDatabase("checkpoint");
  migrations = await mkdtemp(join(tmpdir(), "steward-checkpoint-"));
  await migrate({ databaseUrl: db.url, dir: migrations, runtime: { role: db.runtimeRole, grants: {} } });
  sql = createDatabase({ url: db.runtimeUrl, poolMax: 4, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 15_000, applicationName: "checkpoint-test" });
  owner = createDatabase({ url: db.url, poolMax: 2, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 15_000, applicationName: "checkpoint-owner" });
  bus = await connectBus({ url: stack.natsUrl, name: "checkpoint-test", region, logger });
  anchors = new AnchorReader(bus.js, bus.jsm, region, ledger, cityRegion, verifier);
});

afterAll(async () => {
  // The streams refuse purging and deleting messages; the whole stream can still go.
  for (const stream of [checkpointStreamFor(region), checkpointCopyStreamFor(cityRegion)]) await bus?.jsm.streams.delete(stream).catch(() => false);
  await bus?.jsm.streams.delete(bus.stream).catch(() => false);
  await bus?.close();
  await sql?.end();
  await owner?.end();
  await db?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

/** A new case chain of `rows` transitions. */
async function chainOf(rows: number): Promise<string> {
  const chainId = `case:${randomUUID()}`;
  for (let index = 0; index < rows; index++) {
    await transaction(sql, (tx) => appendLedger(tx, [{ region, chainId, actor: "zrzy-system", action: `item.step${index + 1}`, subject: "item-1", reason: `step ${index + 1}` }]));
  }
  return chainId;
}

/** What only the owner (or a superuser) could do: triggers off, the change, triggers on. */
async function tamper(work: (tx: TransactionSql) => Promise<unknown>): Promise<void> {
  await owner.begin(async (tx) => {
    await tx`alter table ledger disable trigger user`;
    await work(tx);
    await tx`alter table ledger enable trigger user`;
  });
}

/** The runtime role's verdict on a chain: itself, then against its latest signed anchor. */
async function verify(chainId: string) {
  return verifyAnchoredChain(await readLedger(sql, region, chainId), await anchors.latestAnchor(chainId));
}

describe("ledger checkpoints", () => {
  it("anchors every chain head with a signed anchor and a checkpoint linked to the one before", async () => {
    const first = await chainOf(3);
    const second = await chainOf(2);
    const one = await checkpointer().checkpoint();
    expect(one).toMatchObject({ kind: "checkpoint", region, ledger, sequence: 1, previousDigest: "0".repeat(64), anchored: 2, chains: 2, violations: [] });
    const anchor = await anchors.latestAnchor(first);
    const rows = await readLedger(sql, region, first);
    expect(anchor).toMatchObject({ chainId: first, position: 3, hash: rows[2]!.hash, checkpoint: 1 });
    expect(await verify(first)).toEqual({ ok: true, rows: 3, anchoredPosition: 3, unanchoredRows: 0 });

    await transaction(sql, (tx) => appendLedger(tx, [{ region, chainId: second, actor: "sthj-system", action: "item.approved" }]));
    expect(await verify(second)).toEqual({ ok: true, rows: 3, anchoredPosition: 2, unanchoredRows: 1 });
    // A new process (a restart, another replica) continues the sequence from the stream.
    const two = await checkpointer().checkpoint();
    expect(two).toMatchObject({ sequence: 2, previousDigest: payloadDigest(one!), anchored: 1, chains: 2 });
    expect(await verify(second)).toEqual({ ok: true, rows: 3, anchoredPosition: 3, unanchoredRows: 0 });
    expect(await anchors.latestCheckpoint()).toEqual(two);
  });

  it("keeps the city's copy, sourced from the region's stream", async () => {
    const chainId = await chainOf(1);
    await checkpointer().checkpoint();
    const subject = anchorSubject(region, ledger, chainId);
    await expect.poll(async () => (await bus.jsm.streams.getMessage(checkpointCopyStreamFor(cityRegion), { last_by_subj: subject }).catch(() => null))?.subject, { timeout: 10_000 }).toBe(subject);
  });

  it("detects the last rows of a chain deleted, and never anchors the shortened chain", async () => {
    const chainId = await chainOf(5);
    await checkpointer().checkpoint();
    await tamper((tx) => tx`delete from ledger where region = ${region} and chain_id = ${chainId} and position >= 4`);
    // The chain alone cannot tell: what is left links up.
    expect(verifyChain(await readLedger(sql, region, chainId)).ok).toBe(true);
    expect(await verify(chainId)).toMatchObject({ ok: false, rows: 3, anchoredPosition: 5, firstBroken: { position: 4, seq: "", reason: "truncated" } });
    const next = await checkpointer().checkpoint();
    expect(next?.violations).toContain(chainId);
    expect(await anchors.latestAnchor(chainId)).toMatchObject({ position: 5 });
    // Appending after the cut does not hide it either.
    await transaction(sql, (tx) => appendLedger(tx, [{ region, chainId, actor: "zrzy-system", action: "item.step4" }]));
    await checkpointer().checkpoint();
    expect(await verify(chainId)).toMatchObject({ ok: false, firstBroken: { reason: "truncated", position: 5 } });
  });

  it("detects a whole chain deleted", async () => {
    const chainId = await chainOf(2);
    await checkpointer().checkpoint();
    await tamper((tx) => tx`delete from ledger where region = ${region} and chain_id = ${chainId}`);
    expect(await verify(chainId)).toMatchObject({ ok: false, rows: 0, firstBroken: { position: 1, reason: "truncated" } });
    expect((await checkpointer().checkpoint())?.violations).toContain(chainId);
  });

  it("detects a row edited and every later hash recomputed, and never anchors the rewritten chain", async () => {
    const chainId = await chainOf(5);
    await checkpointer().checkpoint();
    const anchoredHash = (await anchors.latestAnchor(chainId))!.hash;
    await tamper(async (tx) => {
      const rows = await readLedger(tx, region, chainId);
      let prevHash = rows[1]!.prevHash;
      for (const row of rows.slice(1)) {
        const edited: LedgerRow = { ...row, reason: row.position === 2 ? "材料齐全 (edited)" : row.reason, prevHash };
        const hash = chainHash(prevHash, edited);
        await tx`update ledger set reason = ${edited.reason}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`;
        prevHash = hash;
      }
    });
    // The rewrite is consistent in itself: only the anchor shows it.
    expect(verifyChain(await readLedger(sql, region, chainId)).ok).toBe(true);
    expect(await verify(chainId)).toMatchObject({ ok: false, rows: 5, anchoredPosition: 5, firstBroken: { position: 5, reason: "rewritten" } });
    const next = await checkpointer().checkpoint();
    expect(next?.violations).toContain(chainId);
    expect((await anchors.latestAnchor(chainId))!.hash).toBe(anchoredHash);
  });

  it("ignores anchors no trusted key signed, also when one is pushed on top of a chain's anchors", async () => {
    const chainId = await chainOf(2);
    await checkpointer().checkpoint();
    const genuine = (await anchors.latestAnchor(chainId))!;
    const impostor = new LedgerSigner(generateKeyPairSync("ed25519").privateKey);
    const forged: ChainAnchor = { ...genuine, position: 1, hash: "f".repeat(64), checkpoint: genuine.checkpoint + 1 };
    await bus.js.publish(anchorSubject(region, ledger, chainId), JSON.stringify(impostor.sign(forged)));
    // A valid signature by a key nobody trusts, and a trusted key id over altered content.
    await bus.js.publish(anchorSubject(region, ledger, chainId), JSON.stringify({ ...signer.sign(genuine), payload: forged }));
    expect(await anchors.latestAnchor(chainId)).toEqual(genuine);
    const next = await checkpointer().checkpoint();
    expect(next?.violations).not.toContain(chainId);
    expect(await verify(chainId)).toMatchObject({ ok: true, anchoredPosition: 2 });
  });

  it("lets one replica take a round at a time", async () => {
    await chainOf(1);
    const [a, b] = await Promise.all([checkpointer().checkpoint(), checkpointer().checkpoint()]);
    expect([a, b].filter((checkpoint) => checkpoint !== undefined)).toHaveLength(1);
  });

  it("verifies the region offline from a pg_dump, the exported checkpoints and the public key, naming each tampering", async () => {
    const clean = await chainOf(3);
    await checkpointer().checkpoint();
    // Dumped in another time zone than the hashes use: the reader converts to UTC to the microsecond.
    const dumpUrl = `${db.url}?options=${encodeURIComponent("-c TimeZone=Asia/Shanghai")}`;
    const { stdout } = await run("pg_dump", ["--format=plain", "--data-only", "--table=ledger", `--dbname=${dumpUrl}`], { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toMatch(/\+08\t/);
    const rows = ledgerRowsFromDump(stdout);
    expect(rows.filter((row) => row.chainId === clean)).toEqual(await readLedger(sql, region, clean));
    const exported = (await readLedgerMessages(bus.js, checkpointStreamFor(region), `steward-ledger.${region}.>`, { afterSeq: 0 }, verifier)).map((message) => message.signed);
    const report = verifyRegionOffline({ region, ledgers: [{ ledger, rows }], messages: exported, verifier });
    expect(report.ok).toBe(false);
    const [routing] = report.ledgers;
    expect(routing!.broken.map((broken) => broken.reason).sort()).toEqual(["rewritten", "truncated", "truncated"]);
    expect(routing!.broken.some((broken) => broken.chainId === clean)).toBe(false);
    expect(report.unverifiedMessages).toBe(2); // the two forgeries of the test before
    expect(routing!.latestCheckpoint?.sequence).toBeGreaterThan(5);
    expect(routing!.checkpointProblems).toEqual([expect.stringMatching(/reports chains that no longer extend their anchors/)]);

    // Without the public key nothing verifies; with a stranger's, neither.
    const stranger = LedgerVerifier.fromPem(new LedgerSigner(generateKeyPairSync("ed25519").privateKey).publicKeyPem());
    expect(verifyRegionOffline({ region, ledgers: [{ ledger, rows }], messages: exported, verifier: stranger }).unverifiedMessages).toBe(exported.length);
  });
});
