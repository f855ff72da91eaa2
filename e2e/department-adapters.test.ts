/**
 * The department kit end to end: the real routing service on the local stack, a plan with items
 * of three departments, and one example adapter per department as a process of its own: Go
 * (clients/go) for zrzy and sthj, Java (clients/java) for scjg. One Go and the Java adapter are
 * SIGKILLed mid-stream, between a decision and journaling the change, and restarted.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, ledgerSigningKeyFile, repositoryRoot, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteRegionStreams } from "./streams.js";
import { feedCursors, isAfter } from "./feed-cursors.js";

const run = promisify(execFile);

/** Each plan: zrzy's two linked items, sthj's one, scjg's two linked items. */
const planItems = [
  { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
  { itemCode: "ZRZY-YDGH", departmentCode: "zrzy" },
  { itemCode: "STHJ-HPB", departmentCode: "sthj" },
  { itemCode: "SCJG-YYZZ", departmentCode: "scjg" },
  { itemCode: "SCJG-SPSC", departmentCode: "scjg" },
];
const plans = 4;
const adapters = {
  zrzy: { language: "go", items: 2 * plans, holdAfterDecisions: 3 },
  sthj: { language: "go", items: plans, holdAfterDecisions: 0 },
  scjg: { language: "java", items: 2 * plans, holdAfterDecisions: 2 },
} as const;
type Department = keyof typeof adapters;

const binary = (language: "go" | "java") => join(repositoryRoot, ".tools", "clients", `department-adapter-${language}`);

interface JournalEntry {
  kind: "listed" | "change";
  cursor: string;
  itemId?: string;
  department?: string;
  state?: string;
}

/** An adapter process and the JSON events it printed. */
interface AdapterProcess {
  child: ChildProcess;
  events: Record<string, unknown>[];
  stderr: string[];
  exited: Promise<number | null>;
}

describe("department adapters in Go and Java against the real routing service, through a kill between a decision and the journal", () => {
  const region = uniqueRegion("da");
  const dir = mkdtempSync(join(tmpdir(), "steward-adapters-"));
  let db: TestDatabase;
  let sql: postgres.Sql;
  let routing: ServiceProcess;
  const processes: AdapterProcess[] = [];
  const token = (principal: Omit<Principal, "region">) => signDevToken({ secret: testAuthSecret }, { region, ...principal });
  const address = () => `127.0.0.1:${routing.grpcPort}`;
  const journalOf = (department: Department) => join(dir, `${department}.journal.jsonl`);

  async function startAdapter(department: Department, hold: boolean): Promise<AdapterProcess> {
    const { language, items, holdAfterDecisions } = adapters[department];
    const args = ["watch", "--address", address(), "--department", department, "--journal", journalOf(department), "--target", String(items), "--max-seconds", "300"];
    if (hold && holdAfterDecisions > 0) args.push("--hold-after-decisions", String(holdAfterDecisions));
    const child = spawn(binary(language), args, {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", STEWARD_TOKEN: await token({ subject: `${department}-system`, role: "department", department }) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const started: AdapterProcess = { child, events: [], stderr: [], exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
    createInterface({ input: child.stdout! }).on("line", (line) => started.events.push(JSON.parse(line) as Record<string, unknown>));
    createInterface({ input: child.stderr! }).on("line", (line) => started.stderr.push(line));
    processes.push(started);
    return started;
  }

  const readJournal = (department: Department): JournalEntry[] =>
    existsSync(journalOf(department))
      ? readFileSync(journalOf(department), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as JournalEntry)
      : [];

  /** The one-shot `decide` of an adapter, as another department: it must be refused as NOT_FOUND. */
  async function decideAs(language: "go" | "java", department: Department, itemId: string) {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", STEWARD_TOKEN: await token({ subject: `${department}-system`, role: "department", department }) };
    return run(binary(language), ["decide", "--address", address(), "--item", itemId, "--decision", "approve"], { env, timeout: 60_000 }).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  }

  beforeAll(async () => {
    // Builds both adapters (Go modules and Maven dependencies under .tools/ on the first run).
    await run("bash", [join(repositoryRoot, "scripts", "clients.sh"), "build"], { timeout: 20 * 60_000, maxBuffer: 16 * 1024 * 1024 });
    db = await createTestDatabase(`${region}_routing`);
    routing = await spawnService("approval-routing", {
      STEWARD_REGION: region,
      ...serviceDatabaseEnv(db),
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
      // Its own city, so the checkpoint copy it keeps is this test's to delete.
      STEWARD_CITY_REGION: region,
    });
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
  }, 25 * 60_000);

  afterAll(async () => {
    for (const adapter of processes) if (adapter.child.exitCode === null && adapter.child.signalCode === null) adapter.child.kill("SIGKILL");
    await sql?.end();
    const code = await routing?.stop();
    await db?.drop();
    await deleteRegionStreams([region], region);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it("completes every case with each change seen once and in order, a replayed decision answered the same, and other departments' items NOT_FOUND", { timeout: 600_000 }, async () => {
    const first = {
      zrzy: await startAdapter("zrzy", true),
      sthj: await startAdapter("sthj", true),
      scjg: await startAdapter("scjg", true),
    };
    // Each lists (nothing yet) and journals the listing's cursor before any plan arrives.
    await eventually(() => ((Object.keys(adapters) as Department[]).every((department) => readJournal(department).some((entry) => entry.kind === "listed")) ? true : undefined), "every adapter listed", 120_000);

    const stewardToken = await token({ subject: "steward-1", role: "steward" });
    const steward = createClient(routingV1.RoutingServiceService, { address: address(), token: () => stewardToken, defaultDeadlineMs: 10_000 });
    const adminToken = await token({ subject: "admin-1", role: "admin" });
    const admin = createClient(routingV1.RoutingServiceService, { address: address(), token: () => adminToken, defaultDeadlineMs: 10_000 });
    try {
      const caseIds: string[] = [];
      for (let plan = 0; plan < plans; plan++) {
        const submitted = await steward.submitPlan({ planId: randomUUID(), planVersion: 1, projectId: randomUUID(), projectName: `安康高新区项目 ${plan + 1}`, creditCode: "91610900MA70000010", items: planItems, satisfiedPrerequisites: [] });
        caseIds.push(submitted.case!.id);
      }

      // zrzy (Go) and scjg (Java) stop between a decision and its journal line, and are killed there.
      const held: Partial<Record<Department, Record<string, unknown>>> = {};
      for (const department of ["zrzy", "scjg"] as const) {
        const adapter = first[department];
        await eventually(() => adapter.events.find((event) => event.event === "holding"), `${department} holding after a decision`, 120_000);
        const decisions = adapter.events.filter((event) => event.event === "decided");
        held[department] = decisions.at(-1);
        adapter.child.kill("SIGKILL");
        expect(await adapter.exited).toBeNull();
      }
      const restarted = { zrzy: await startAdapter("zrzy", false), scjg: await startAdapter("scjg", false) };

      for (const adapter of [first.sthj, restarted.zrzy, restarted.scjg]) {
        const code = await Promise.race([adapter.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 300_000))]);
        expect(code, JSON.stringify({ events: adapter.events.slice(-8), stderr: adapter.stderr.slice(-8) })).toBe(0);
      }
      const everyEvent = processes.flatMap((adapter) => adapter.events);
      expect(everyEvent.filter((event) => String(event.event).endsWith("refused"))).toEqual([]);
      expect(processes.flatMap((adapter) => adapter.stderr)).toEqual([]);

      // The replayed decision (same request id, after the restart) answered exactly as the first.
      for (const [department, adapter] of Object.entries(restarted) as [Department, AdapterProcess][]) {
        const original = held[department]!;
        const replayed = adapter.events.find((event) => event.event === "decided" && event.requestId === original.requestId);
        expect(replayed, department).toBeDefined();
        expect({ ...replayed, pid: 0 }, department).toEqual({ ...original, pid: 0 });
        expect(original).toMatchObject({ state: "APPROVED", planVersion: 1 });
        expect(String(original.project)).toMatch(/^安康高新区项目 \d$/);
      }

      // Every case completed, its ledger intact; every item approved once.
      for (const caseId of caseIds) {
        expect((await steward.getCase({ id: caseId })).case?.status, caseId).toBe(routingV1.CaseStatus.CASE_STATUS_COMPLETED);
        expect(await admin.verifyLedger({ caseId }), caseId).toMatchObject({ intact: true });
      }
      const approvals = await sql<{ subject: string; n: number }[]>`
        select subject::text as subject, count(*)::int as n from ledger where region = ${region} and action = 'item.approve' group by subject`;
      expect(approvals).toHaveLength(plans * planItems.length);
      expect(approvals.every((row) => row.n === 1)).toBe(true);

      // Each department's journal holds every change of its feed after the listing, once, in feed order.
      for (const department of Object.keys(adapters) as Department[]) {
        const journal = readJournal(department);
        expect(journal[0]?.kind, department).toBe("listed");
        expect(journal.filter((entry) => entry.kind === "listed"), department).toHaveLength(1);
        const listedAt = journal[0]!.cursor;
        const expected = (await feedCursors(sql, region, department)).filter((cursor) => !listedAt || isAfter(cursor, listedAt));
        const changes = journal.slice(1);
        expect(changes.map((entry) => entry.cursor), department).toEqual(expected);
        expect(changes.length, department).toBe(3 * adapters[department].items); // routed, in review, approved
        for (const itemId of new Set(changes.map((entry) => entry.itemId))) {
          expect(changes.filter((entry) => entry.itemId === itemId).map((entry) => entry.state), `${department} ${itemId}`).toEqual(["ROUTED", "IN_REVIEW", "APPROVED"]);
        }
        expect(changes.every((entry) => entry.department === department)).toBe(true);
      }

      // Another department's item does not exist for a department: NOT_FOUND, read from the status details.
      const zrzyItem = readJournal("zrzy").find((entry) => entry.kind === "change")!.itemId!;
      const sthjItem = readJournal("sthj").find((entry) => entry.kind === "change")!.itemId!;
      const fromGo = await decideAs("go", "sthj", zrzyItem);
      const fromJava = await decideAs("java", "scjg", sthjItem);
      for (const [language, answer] of [["go", fromGo], ["java", fromJava]] as const) {
        expect(answer.code, `${language}: ${answer.stderr}`).toBe(1);
        expect(answer.stderr, language).toMatch(/^refused: NOT_FOUND NOT_FOUND \(steward\.gov\): item [0-9a-f-]{36} not found/);
      }
      // A bad request reads as its fields.
      const invalid = await decideAs("go", "zrzy", "not-a-uuid");
      expect(invalid.stderr).toContain("INVALID_ARGUMENT INVALID_ARGUMENT (steward.gov)");
      expect(invalid.stderr).toContain("field item_id: must be a UUID");
    } finally {
      steward.close();
      admin.close();
    }
  });
});
