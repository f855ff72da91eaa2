import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, eventually, stack, startTcpProxy, uniqueRegion, type TcpProxy, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, migrate, type Sql } from "../db/index.js";
import { connectBus, type Bus } from "../events/bus.js";
import { memoryLogger } from "../logging/index.js";
import { Readiness } from "../lifecycle/readiness.js";
import { RoundDeadlineExceeded } from "../lifecycle/periodic.js";
import { AnchorReader, LedgerCheckpointer, LedgerSigner, LedgerVerifier, checkpointStreamFor, readLedgerMessages } from "./index.js";
import { ledgerSubjects } from "./checkpoint-stream.js";

/**
 * The ledger's checkpoint rounds under a deadline: a round that waits for the database or NATS is
 * abandoned through its AbortSignal and the job goes on (the rehearsal's stuck round waited for a
 * reserved connection for good, and with it readiness).
 */
const region = uniqueRegion("cd");
const cityRegion = uniqueRegion("cc");
const ledger = "approval-routing";
const signer = new LedgerSigner(generateKeyPairSync("ed25519").privateKey);
const verifier = LedgerVerifier.fromPem(signer.publicKeyPem());

let db: TestDatabase;
let migrations: string;
let bus: Bus;

beforeAll(async () => {
  db = await createTestDatabase("ckdeadline");
  migrations = await mkdtemp(join(tmpdir(), "steward-ckdeadline-"));
  await migrate({ databaseUrl: db.url, dir: migrations, runtime: { role: db.runtimeRole, grants: {} } });
  const { logger } = memoryLogger({ service: "checkpoint-deadline-test", region, level: "silent" });
  bus = await connectBus({ url: stack.natsUrl, name: "checkpoint-deadline-test", region, logger });
});

afterAll(async () => {
  for (const stream of [checkpointStreamFor(region), `STEWARD_LEDGER_COPY_${cityRegion.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`]) await bus?.jsm.streams.delete(stream).catch(() => false);
  await bus?.jsm.streams.delete(bus.stream).catch(() => false);
  await bus?.close();
  await db?.drop();
  if (migrations) await rm(migrations, { recursive: true, force: true });
});

describe("a ledger checkpoint round past its deadline", () => {
  it("waiting for a connection the pool never gives is abandoned; the late connection goes back to the pool and the next round checkpoints", async () => {
    const { logger, lines } = memoryLogger({ service: "checkpoint-deadline-test", region, level: "info" });
    // A pool of one connection, held elsewhere: the round's reserve waits as it did for good in the rehearsal.
    const pool: Sql = createDatabase({ url: db.runtimeUrl, poolMax: 1, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 15_000, applicationName: "ckdeadline-test" });
    const held = await pool.reserve();
    const readiness = new Readiness({ logger });
    const checkpointer = new LedgerCheckpointer({ sql: pool, js: bus.js, jsm: bus.jsm, region, ledger, cityRegion, signer, verifier, intervalMs: 50, deadlineMs: 300, logger });
    checkpointer.start(readiness);
    try {
      await eventually(() => lines.find((line) => line.event === "job.round_abandoned" && line.job === "ledger-checkpoints"), "the waiting round abandoned", 20_000);
      expect(readiness.liveness.evaluate().live).toBe(true); // it honoured its signal: nothing wedged
      held.release();
      const anchors = new AnchorReader(bus.js, bus.jsm, region, ledger, cityRegion, verifier);
      const checkpoint = await eventually(() => anchors.latestCheckpoint(), "a checkpoint from a later round", 20_000);
      expect(checkpoint).toMatchObject({ kind: "checkpoint", region, ledger, sequence: 1 });
    } finally {
      await checkpointer.stop();
    }
    // No abandoned reserve kept the pool's one connection: it still answers.
    expect(await pool`select 1 as one`).toEqual([{ one: 1 }]);
    await pool.end({ timeout: 1 });
  });
});

describe("reading the checkpoint stream while NATS cannot be reached", () => {
  let link: TcpProxy;
  let cutBus: Bus;

  beforeAll(async () => {
    const target = new URL(stack.natsUrl);
    link = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const { logger } = memoryLogger({ service: "checkpoint-deadline-test", region, level: "silent" });
    cutBus = await connectBus({ url: `nats://127.0.0.1:${link.port}`, name: "checkpoint-deadline-cut", region, logger });
  });

  afterAll(async () => {
    link?.restore();
    await cutBus?.close();
    await link?.close();
  });

  it("stops at the round's signal, with the deadline as its reason, and reads again once the link is back", async () => {
    link.cut();
    const controller = new AbortController();
    const reading = readLedgerMessages(cutBus.js, checkpointStreamFor(region), ledgerSubjects(region, ledger), "last-per-subject", verifier, controller.signal);
    const outcome = reading.then(
      () => "read",
      (error: unknown) => error,
    );
    const reason = new RoundDeadlineExceeded("ledger-checkpoints", 300);
    setTimeout(() => controller.abort(reason), 200);
    // Without the signal it would end only with the request's own timeout error, or not at all.
    expect(await outcome).toBe(reason);
    link.restore();
    await eventually(async () => (await readLedgerMessages(cutBus.js, checkpointStreamFor(region), ledgerSubjects(region, ledger), "last-per-subject", verifier)).length, "a read over the restored link", 30_000);
  });
});
