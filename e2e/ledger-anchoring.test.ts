import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { AnchorReader, LedgerVerifier, chainHash, readLedger, type LedgerRow } from "@steward/platform/ledger";
import { routingV1 } from "@steward/proto";
import { eventually, ledgerSigningKeyFile, repositoryRoot, stack } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAndApprovePlan } from "./agreement-flow.js";
import { startPlatform, type PlatformClients, type RunningPlatform } from "./platform.js";

const run = promisify(execFile);

/**
 * Issue 8, finding 12: someone with database access cuts the end off a case's ledger and rewrites
 * an agreement's ledger with every later hash recomputed. VerifyLedger (against the latest signed
 * checkpoint) and the offline verifier (a pg_dump, the exported checkpoints, the public key) both
 * name what was done.
 */
describe("ledger anchoring: truncation and rewrite are detected online and offline", () => {
  let platform: RunningPlatform;
  let admin: PlatformClients;
  let steward: PlatformClients;
  let zrzy: PlatformClients;
  let caseId = "";
  let agreementId = "";
  const dir = mkdtempSync(join(tmpdir(), "steward-ledger-e2e-"));

  /** As the schema's owner, who can switch the append-only triggers off: the attacker. */
  async function asOwner(service: "approval-routing" | "agreement", work: (sql: postgres.TransactionSql) => Promise<unknown>): Promise<void> {
    const sql = postgres(platform.databases[service].url, { max: 1, onnotice: () => {} });
    try {
      await sql.begin(async (tx) => {
        await tx`alter table ledger disable trigger user`;
        await work(tx);
        await tx`alter table ledger enable trigger user`;
      });
    } finally {
      await sql.end();
    }
  }

  const verified = () => admin.routing.verifyLedger({ caseId });

  beforeAll(async () => {
    platform = await startPlatform({ env: { STEWARD_LEDGER_CHECKPOINT_INTERVAL_MS: "1000" } });
    admin = platform.clients(await platform.token({ subject: "county-admin", role: "admin" }));
    steward = platform.clients(await platform.token({ subject: "steward-1", role: "steward" }));
    zrzy = platform.clients(await platform.token({ subject: "zrzy-system", role: "department", department: "zrzy" }));
    const { project } = await steward.intake.registerProject({
      name: "安康台账锚定测试项目",
      enterpriseName: "安康锚定科技有限公司",
      creditCode: "91610900MA70000010",
      investmentCode: "",
      investmentWanYuan: 1000,
      industryChain: "",
      contactName: "李四",
      contactPhone: "13800000002",
      investmentWanYuanExact: "",
      keyProject: false,
      divisionCode: "",
    });
    const agreement = await eventually(async () => (await admin.agreement.listAgreements({ projectId: project!.id, pageSize: 1, pageToken: "", stewardId: "", status: 0 })).agreements[0], "the draft agreement");
    agreementId = agreement.id;
    await signAndApprovePlan(platform, agreementId, { items: [{ itemCode: "ZRZY-YDYS", departmentCode: "zrzy" }] });
    const item = await eventually(async () => (await zrzy.gateway.listAssignments({ pageSize: 10, pageToken: "" })).items[0], "the routed item");
    caseId = item.caseId;
    await zrzy.gateway.acceptItem({ itemId: item.id, requestId: "accept-1", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
    await zrzy.gateway.requestSupplement({ itemId: item.id, requestId: "supplement-1", materials: ["用地红线图"], reason: "缺红线图" });
    await zrzy.gateway.recordSupplement({ itemId: item.id, requestId: "supplement-2", materials: ["用地红线图"] });
  });

  afterAll(async () => {
    for (const clients of [admin, steward, zrzy]) clients?.close();
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("anchors the case's chain within a checkpoint interval, and says so", async () => {
    const anchored = await eventually(async () => {
      const answer = await verified();
      return answer.rows > 0 && answer.anchoredPosition === answer.rows ? answer : undefined;
    }, "a checkpoint covering the case");
    expect(anchored).toMatchObject({ intact: true, problem: "", unanchoredRows: 0 });
    expect(anchored.rows).toBeGreaterThanOrEqual(4);
    expect(anchored.checkpointSequence).toBeGreaterThan(0);
    expect(anchored.checkpointAt).toBeInstanceOf(Date);
  });

  it("names the truncation when the last rows of the case's chain are deleted", async () => {
    const before = await verified();
    await asOwner("approval-routing", (tx) => tx`delete from ledger where chain_id = ${`case:${caseId}`} and position > ${before.rows - 2}`);
    const after = await verified();
    expect(after).toMatchObject({ intact: false, rows: before.rows - 2, problem: "truncated", firstBrokenPosition: before.rows - 1, anchoredPosition: before.rows });
    // Later checkpoints do not launder it.
    const later = await eventually(async () => {
      const answer = await verified();
      return answer.checkpointSequence > after.checkpointSequence + 1 ? answer : undefined;
    }, "two more checkpoints");
    expect(later).toMatchObject({ intact: false, problem: "truncated", anchoredPosition: before.rows });
  });

  it("names the rewrite of an agreement's chain, and both, offline, from dumps, exported checkpoints and the public key", async () => {
    const agreementChain = `agreement:${agreementId}`;
    // Once a checkpoint anchored every row of the agreement's chain (signed, team, plan drafted,
    // reviewed, approved, accepted), rewrite its first row and re-hash the rest.
    const connection = await connect({ servers: stack.natsUrl });
    const agreementDb = postgres(platform.databases.agreement.url, { max: 1, onnotice: () => {} });
    try {
      const anchors = new AnchorReader(jetstream(connection), await jetstreamManager(connection), platform.region, "agreement", platform.region, LedgerVerifier.fromPem(readFileSync(`${ledgerSigningKeyFile()}.pub`, "utf8")));
      await eventually(async () => {
        const rows = (await readLedger(agreementDb, platform.region, agreementChain)).length;
        return rows > 1 && (await anchors.latestAnchor(agreementChain))?.position === rows ? true : undefined;
      }, "the agreement's chain anchored");
    } finally {
      await agreementDb.end();
      await connection.close();
    }
    await asOwner("agreement", async (tx) => {
      const rows = await readLedger(tx, platform.region, agreementChain);
      let prevHash = rows[0]!.prevHash;
      for (const row of rows) {
        const edited: LedgerRow = { ...row, actor: row.position === 1 ? "someone-else" : row.actor, prevHash };
        const hash = chainHash(prevHash, edited);
        await tx`update ledger set actor = ${edited.actor}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`;
        prevHash = hash;
      }
    });

    const dump = async (service: "approval-routing" | "agreement" | "intake") => {
      const file = join(dir, `${service}.sql`);
      const { stdout } = await run("pg_dump", ["--format=plain", "--table=ledger", `--dbname=${platform.databases[service].url}`], { maxBuffer: 64 * 1024 * 1024 });
      writeFileSync(file, stdout);
      return file;
    };
    // The whole region: every service whose database keeps a ledger.
    const [routingDump, agreementDump, intakeDump] = await Promise.all([dump("approval-routing"), dump("agreement"), dump("intake")]);
    const pnpm = (args: string[]) => run("pnpm", ["--silent", ...args], { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 });
    const exported = await pnpm(["ledger:export", "--region", platform.region, "--nats", stack.natsUrl]);
    const checkpoints = join(dir, "checkpoints.jsonl");
    writeFileSync(checkpoints, exported.stdout);
    const verify = (keyFile: string) =>
      pnpm(["ledger:verify", "--region", platform.region, "--public-key", keyFile, "--checkpoints", checkpoints, "--dump", `approval-routing=${routingDump}`, "--dump", `agreement=${agreementDump}`, "--dump", `intake=${intakeDump}`]).then(
        (result) => ({ code: 0, stdout: result.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );

    const report = await verify(`${ledgerSigningKeyFile()}.pub`);
    expect(report.code).toBe(1);
    expect(report.stdout).toContain(`region ${platform.region}: NOT VERIFIED`);
    expect(report.stdout).toContain(`truncated: case:${caseId}`);
    expect(report.stdout).toMatch(new RegExp(`rewritten: agreement:${agreementId} at position \\d+`));
    // Intake's ledger (the project's history) is checked too, and is intact.
    const intakeLine = report.stdout.split("\n").find((line) => line.startsWith("  intake:"))!;
    const [, chains, , intact] = /(\d+) chains, (\d+) rows, (\d+) intact/.exec(intakeLine)!;
    expect(Number(chains)).toBeGreaterThan(0);
    expect(intact).toBe(chains);
    // The signatures are the proof: with a key nobody used, nothing verifies.
    const stranger = join(dir, "stranger.pub");
    const { generateKeyPairSync } = await import("node:crypto");
    writeFileSync(stranger, generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }));
    expect((await verify(stranger)).stdout).toMatch(/\d+ not signed by a given key/);
  });
});
