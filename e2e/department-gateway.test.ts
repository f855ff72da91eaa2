import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Client, credentials, status, type ServiceError } from "@grpc/grpc-js";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { createTestDatabase, eventually, ledgerSigningKeyFile, repositoryRoot, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogLine } from "./department-client/client.js";
import { openServerStream } from "./department-client/stream.js";
import { feedCursors, isAfter } from "./feed-cursors.js";
import { deleteRegionStreams } from "./streams.js";

/** A plan the zrzy client drives link by link: approving YDYS routes YDGH, approving YDGH routes GCGH. */
const planItems = [
  { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
  { itemCode: "ZRZY-YDGH", departmentCode: "zrzy" },
  { itemCode: "ZRZY-GCGH", departmentCode: "zrzy" },
  { itemCode: "STHJ-HPB", departmentCode: "sthj" },
];
const plans = 10;
const zrzyItems = plans * 3;

/** A department client process (e2e/department-client/client.ts) and what it printed. */
interface ClientProcess {
  child: ChildProcess;
  events: Record<string, unknown>[];
  exited: Promise<number | null>;
}

describe("department gateway: a department client in its own process, through disconnects", () => {
  const region = uniqueRegion("dg");
  const dir = mkdtempSync(join(tmpdir(), "steward-department-client-"));
  const files = { address: join(dir, "routing.addr"), state: join(dir, "zrzy.state.json"), log: join(dir, "zrzy.log.jsonl") };
  let db: TestDatabase;
  let sql: postgres.Sql;
  let routing: ServiceProcess | undefined;
  const clients: ClientProcess[] = [];
  const token = (principal: Omit<Principal, "region">) => signDevToken({ secret: testAuthSecret }, { region, ...principal });

  async function startRouting(): Promise<ServiceProcess> {
    routing = await spawnService("approval-routing", {
      STEWARD_REGION: region,
      ...serviceDatabaseEnv(db),
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(),
      // Its own city: the plan's items are the county's, and the checkpoints' copy goes with the test.
      STEWARD_CITY_REGION: region,
      STEWARD_LOG_LEVEL: "info",
    });
    writeFileSync(files.address, `127.0.0.1:${routing.grpcPort}\n`);
    return routing;
  }

  async function startClient(): Promise<ClientProcess> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "e2e/department-client/client.ts", "--address-file", files.address, "--department", "zrzy", "--state", files.state, "--log", files.log, "--target", String(zrzyItems), "--max-ms", "70000"],
      {
        cwd: repositoryRoot,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DEPARTMENT_CLIENT_TOKEN: await token({ subject: "zrzy-system", role: "department", department: "zrzy" }) },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const events: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on("line", (line) => events.push(JSON.parse(line) as Record<string, unknown>));
    createInterface({ input: child.stderr! }).on("line", (line) => events.push({ stderr: line }));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const started: ClientProcess = { child, events, exited };
    clients.push(started);
    return started;
  }

  const readLog = (): LogLine[] =>
    existsSync(files.log)
      ? readFileSync(files.log, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as LogLine)
      : [];

  async function submitPlans(count: number, gapMs: number): Promise<void> {
    const steward = createClient(routingV1.RoutingServiceService, { address: `127.0.0.1:${routing!.grpcPort}`, token: () => stewardToken, defaultDeadlineMs: 10_000 });
    try {
      for (let plan = 0; plan < count; plan++) {
        await steward.submitPlan({
          planId: randomUUID(),
          planVersion: 1,
          projectId: randomUUID(),
          projectName: `安康产业园项目 ${plan + 1}`,
          creditCode: "91610900MA70000010",
          items: planItems,
          // 用地预审 needs the project filed (备案) first: the project code stands for that approval.
          satisfiedPrerequisites: [{ itemCode: "FGW-BA", documentRef: "2026-610902-14-03-000101", approvedOn: "2026-02-20" }],
        });
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    } finally {
      steward.close();
    }
  }

  let stewardToken = "";

  beforeAll(async () => {
    db = await createTestDatabase(`${region}_routing`);
    stewardToken = await token({ subject: "steward-1", role: "steward" });
    await startRouting();
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
  });

  afterAll(async () => {
    for (const client of clients) if (client.child.exitCode === null && client.child.signalCode === null) client.child.kill("SIGKILL");
    await sql?.end();
    const code = await routing?.stop();
    await db?.drop();
    await deleteRegionStreams([region], region);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it("approves every routed item exactly once and receives every change once, across a client kill and a service kill", async () => {
    // Phase 1: the client runs while plans arrive.
    const first = await startClient();
    await submitPlans(3, 200);
    await eventually(() => (readLog().filter((line) => line.state === "APPROVED").length >= 3 ? true : undefined), "the first approvals", 30_000);

    // Phase 2: the client dies mid-stream; plans keep arriving; it restarts from its state file.
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const linesAtClientKill = readLog().length;
    await submitPlans(3, 100);
    await startClient();
    await eventually(() => (readLog().length >= linesAtClientKill + 6 ? true : undefined), "the restarted client to catch up", 30_000);

    // Phase 3: the routing service dies mid-stream (no graceful end) and comes back on another port.
    await submitPlans(2, 0);
    const killed = routing!;
    killed.child.kill("SIGKILL");
    await new Promise<void>((resolve) => (killed.child.exitCode !== null || killed.child.signalCode !== null ? resolve() : killed.child.once("exit", () => resolve())));
    const linesAtServiceKill = readLog().length;
    await startRouting();
    await submitPlans(plans - 8, 100);

    const last = clients.at(-1)!;
    const code = await Promise.race([last.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 60_000))]);
    expect(code, JSON.stringify(last.events.slice(-10))).toBe(0);
    expect(readLog().length).toBeGreaterThan(linesAtServiceKill);
    // The restarted client lost its open stream when the service died, and reconnected to the new one.
    const lost = last.events.filter((event) => event.event === "stream.lost");
    expect(lost[0]).toMatchObject({ code: status.UNAVAILABLE });
    expect(clients.flatMap((client) => client.events).filter((event) => event.event === "action.refused" || event.stderr)).toEqual([]);
    expect(new Set(last.events.filter((event) => event.event === "stream.open").map((event) => event.address)).size).toBe(2);

    // Every zrzy item was approved, and approved once.
    const items = await sql<{ id: string; department_code: string; state: string }[]>`select id, department_code, state from case_items where region = ${region}`;
    const zrzy = items.filter((item) => item.department_code === "zrzy");
    const sthj = items.filter((item) => item.department_code === "sthj");
    expect(zrzy).toHaveLength(zrzyItems);
    expect(sthj).toHaveLength(plans);
    expect(zrzy.every((item) => item.state === "approved")).toBe(true);
    const approvals = await sql<{ subject: string; n: number }[]>`
      select subject::text as subject, count(*)::int as n from ledger where region = ${region} and action = 'item.approve' group by subject`;
    expect(new Map(approvals.map((row) => [row.subject, row.n]))).toEqual(new Map(zrzy.map((item) => [item.id, 1])));
    const accepts = await sql<{ n: number }[]>`select count(*)::int as n from ledger where region = ${region} and action = 'item.accept'`;
    expect(accepts[0]!.n).toBe(zrzyItems);

    // The log holds every change of the zrzy feed once, in feed order: no gap, no repeat.
    const log = readLog();
    expect(log.map((line) => line.cursor)).toEqual(await feedCursors(sql, region, "zrzy"));
    expect(new Set(log.map((line) => line.cursor)).size).toBe(log.length);
    expect(new Set(log.map((line) => `${line.itemId} ${line.state}`)).size).toBe(log.length);
    for (const item of zrzy) {
      expect(log.filter((line) => line.itemId === item.id).map((line) => line.state)).toEqual(["ROUTED", "IN_REVIEW", "APPROVED"]);
    }
    // Within each connection the cursors strictly increase, and each connection resumes after the last.
    const connections = [...new Set(log.map((line) => line.conn))];
    expect(connections.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < log.length; index++) expect(isAfter(log[index]!.cursor, log[index - 1]!.cursor), `line ${index}`).toBe(true);
    // Nothing of another department reached it.
    const sthjIds = new Set(sthj.map((item) => item.id));
    expect(log.filter((line) => line.department !== "zrzy" || sthjIds.has(line.itemId))).toEqual([]);
    expect(JSON.parse(readFileSync(files.state, "utf8"))).toEqual({ cursor: log.at(-1)!.cursor });
  });

  it("answers the gateway's errors from the real process: NOT_FOUND, RESOURCE_EXHAUSTED, INVALID_ARGUMENT and a stream deadline", async () => {
    const address = `127.0.0.1:${routing!.grpcPort}`;
    const sthjToken = await token({ subject: "sthj-system", role: "department", department: "sthj" });
    const zrzyToken = await token({ subject: "zrzy-system", role: "department", department: "zrzy" });
    const sthj = createClient(routingV1.DepartmentGatewayServiceService, { address, token: () => sthjToken, defaultDeadlineMs: 10_000 });
    const zrzy = createClient(routingV1.DepartmentGatewayServiceService, { address, token: () => zrzyToken, defaultDeadlineMs: 10_000 });
    const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected the call to fail"), (error: ServiceError) => error);
    try {
      const [zrzyItem] = await sql<{ id: string }[]>`select id from case_items where region = ${region} and department_code = 'zrzy' limit 1`;
      const missing = randomUUID();
      const accept = (itemId: string) => ({ itemId, requestId: "peek", mode: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL, missingMaterials: [], commitmentRef: "" });
      const foreign = await failure(sthj.acceptItem(accept(zrzyItem!.id)));
      const absent = await failure(sthj.acceptItem(accept(missing)));
      expect([foreign.code, absent.code]).toEqual([status.NOT_FOUND, status.NOT_FOUND]);
      expect(foreign.details.replace(zrzyItem!.id, "<id>")).toBe(absent.details.replace(missing, "<id>"));

      const huge = await failure(zrzy.recordSupplement({ itemId: zrzyItem!.id, requestId: "huge", materials: ["x".repeat(5 * 1024 * 1024)] }));
      expect(huge.code).toBe(status.RESOURCE_EXHAUSTED);

      const invalid = await failure(zrzy.decideItem({ itemId: "nope", requestId: "", decision: routingV1.Decision.DECISION_REJECT, reason: "", documentRefs: [] }));
      expect(invalid.code).toBe(status.INVALID_ARGUMENT);
      expect(fieldViolationsOf(invalid).map((violation) => violation.field)).toEqual(["item_id", "request_id", "reason"]);

      // Caught up (the last cursor of the log), the stream waits for changes until the client's deadline.
      const channel = new Client(address, credentials.createInsecure());
      const started = Date.now();
      const stream = openServerStream(channel, routingV1.DepartmentGatewayServiceService.watchAssignments, { cursor: readLog().at(-1)!.cursor, fromNow: false }, { token: zrzyToken, deadline: Date.now() + 500 });
      const received: unknown[] = [];
      const ended = await (async () => {
        try {
          for await (const message of stream) received.push(message);
        } catch (error) {
          return error as ServiceError;
        }
        return undefined;
      })();
      channel.close();
      expect(ended?.code).toBe(status.DEADLINE_EXCEEDED);
      expect(received).toEqual([]);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      sthj.close();
      zrzy.close();
    }
  });
});
