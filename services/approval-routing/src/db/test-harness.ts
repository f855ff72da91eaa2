/**
 * Integration-test harness of the routing service: a fresh migrated database with the seed
 * catalogue, and in-process RoutingDeps whose clock the test sets. Events go to the outbox table
 * and are read back from it; nothing needs gRPC or NATS.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { requestDigest } from "@steward/platform/idempotency";
import { decodeEvent, type EventEnvelope } from "@steward/platform/events";
import { ok, type Result } from "@steward/platform/errors";
import { readLedger, type LedgerRow } from "@steward/platform/ledger";
import { createTestDatabase, uniqueRegion, type TestDatabase } from "@steward/testing";
import type { Case, PlanSubmission, SatisfiedPrerequisite } from "../domain/case.js";
import type { CaseItem, ProcessingModeName } from "../domain/case-item.js";
import { parseCatalogue } from "../domain/catalogue.js";
import { defaultClockSettings, type ClockSettings } from "../domain/clock.js";
import {
  acceptItem,
  decideItem,
  pauseClock,
  recordSupplement,
  recordVerification,
  requestSupplement,
  resumeClock,
  type ItemStep,
} from "../domain/item-commands.js";
import type { RoutingRules } from "../domain/rules.js";
import { seedRules } from "../domain/test-items.js";
import { loadCatalogue } from "./catalogue.js";
import { runtimeGrants } from "./grants.js";
import { applyItemCommand, caseChain, type ItemCommand, type RoutingDeps } from "./item-pipeline.js";
import { caseItems, findItem } from "./items.js";
import { submitPlan } from "./plans.js";
import { ScheduleSource } from "./schedule-source.js";

const migrations = fileURLToPath(new URL("./migrations", import.meta.url));

export function seedCatalogue() {
  const parsed = parseCatalogue(JSON.parse(readFileSync(new URL("../../catalogue/ankang.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.catalogue;
}

const catalogueDepartment = new Map(seedCatalogue().items.map((item) => [item.code, item.department]));
const cataloguePrerequisites = new Map(seedCatalogue().items.map((item) => [item.code, item.prerequisites]));

/** The enterprise of the harness's plans unless a test names another. */
export const testCreditCode = "91610900MA70000010";

/**
 * Declarations for every prerequisite of `codes` the plan leaves out, each with a made-up 批文号
 * approved before any test day: what a steward declares for approvals the project already holds.
 */
export function declareMissingPrerequisites(codes: string[]): SatisfiedPrerequisite[] {
  const planned = new Set(codes);
  const missing = [...new Set(codes.flatMap((code) => cataloguePrerequisites.get(code) ?? []))].filter((code) => !planned.has(code));
  return missing.map((itemCode, index) => ({ itemCode, documentRef: `安审批〔2025〕${index + 1}号`, approvedOn: "2025-12-01" }));
}

/** The department the seed catalogue names for an item code. */
export function departmentOf(code: string): string {
  const department = catalogueDepartment.get(code);
  if (!department) throw new Error(`no catalogue item ${code}`);
  return department;
}

/** The value of a successful result, or the test fails with the error's message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** 10:00 in Beijing on the civil date. */
export const beijingMorning = (day: string) => new Date(`${day}T02:00:00.000Z`);

/** A database shared by the tests of one file; each test takes its own region within it. */
export interface Harness {
  url: string;
  /** A pool of the runtime role the service runs as, holding only its grants (db/grants.ts). */
  sql: Sql;
  /** A pool of the schema's owner, for what only an attacker with the owner's rights could do. */
  ownerSql: Sql;
  /** A routing service of a fresh region, with its own clock, on 2026-03-02 10:00 Beijing unless told. */
  routing(options?: { day?: string; settings?: Partial<ClockSettings>; rules?: RoutingRules; region?: string }): Routing;
  close(): Promise<void>;
}

/** A harness on a fresh database: of the local stack, or of `options.database` (a cluster of the test's own, say). */
export async function createHarness(name: string, options: { database?: (prefix: string) => Promise<TestDatabase> } = {}): Promise<Harness> {
  const db: TestDatabase = await (options.database ?? createTestDatabase)(name);
  await migrate({ databaseUrl: db.url, dir: migrations, runtime: { role: db.runtimeRole, grants: runtimeGrants } });
  const pools: Sql[] = [];
  const pool = (applicationName: string, url = db.runtimeUrl) => {
    const sql = createDatabase({ url, poolMax: 4, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName });
    pools.push(sql);
    return sql;
  };
  const sql = pool(`${name}-test`);
  const ownerSql = pool(`${name}-owner`, db.url);
  await loadCatalogue(sql, seedCatalogue(), "seed");
  return {
    url: db.runtimeUrl,
    sql,
    ownerSql,
    routing(options = {}) {
      return new Routing(sql, (applicationName) => pool(applicationName), options.region ?? uniqueRegion("r"), { ...defaultClockSettings, ...options.settings }, options.day ?? "2026-03-02", options.rules ?? seedRules);
    },
    async close() {
      await Promise.all(pools.map((p) => p.end()));
      await db.drop();
    },
  };
}

export type GatewayAction =
  | { kind: "accept"; mode: ProcessingModeName; missingMaterials?: string[]; commitmentRef?: string }
  | { kind: "request_supplement"; materials: string[]; reason?: string }
  | { kind: "record_supplement"; materials: string[] }
  | { kind: "decide"; decision: "approve" | "reject" | "return"; reason?: string }
  | { kind: "pause"; periodKind: string; reason?: string }
  | { kind: "resume" }
  | { kind: "verify"; commitmentTrue: boolean; reason?: string };

/**
 * The command DepartmentGatewayService makes of a gateway action on an item: scoped to the item's
 * department (or `department`), carrying a request id (a fresh one unless given).
 */
export function gatewayCommand(item: Pick<CaseItem, "id" | "departmentCode">, action: GatewayAction, options: { department?: string; requestId?: string } = {}): ItemCommand {
  const department = options.department ?? item.departmentCode;
  // The digest of the action stands for the request's: a repeat of the same action with its
  // request id is a retry, as over gRPC.
  const request = { id: options.requestId ?? randomUUID(), digest: requestDigest("harness", action) };
  const base = { itemId: item.id, department, request, actor: `dept:${department}` };
  switch (action.kind) {
    case "accept":
      return {
        ...base,
        action: "accept",
        needsRunningBar: action.mode !== "normal",
        run: (current, context, facts) =>
          acceptItem(current, { mode: action.mode, missingMaterials: action.missingMaterials ?? [], commitmentRef: action.commitmentRef ?? "" }, context, facts.runningBar),
      };
    case "request_supplement":
      return { ...base, action: "request_supplement", run: (current, context) => requestSupplement(current, { materials: action.materials, reason: action.reason ?? "补正" }, context) };
    case "record_supplement":
      return { ...base, action: "record_supplement", run: (current, context) => recordSupplement(current, { materials: action.materials }, context) };
    case "decide":
      return {
        ...base,
        action: action.decision,
        needsOpenConsultations: action.decision === "approve",
        run: (current, context, facts) =>
          decideItem(current, { decision: action.decision, reason: action.reason ?? "审查意见", documentRefs: [], openConsultations: facts.openConsultations }, context),
      };
    case "pause":
      return { ...base, action: "pause_clock", run: (current, context) => pauseClock(current, { kind: action.periodKind, reason: action.reason ?? "专家评审" }, context) };
    case "resume":
      return { ...base, action: "resume_clock", run: resumeClock };
    case "verify":
      return { ...base, action: "record_verification", run: (current, context) => recordVerification(current, { commitmentTrue: action.commitmentTrue, reason: action.reason ?? "审后核查" }, context) };
  }
}

/** One region's routing service, in process, with a clock the test moves. */
export class Routing {
  readonly deps: RoutingDeps;
  now: Date;
  /** Every step a successful command recorded, in order (what the ledger must hold). */
  readonly steps: (ItemStep & { itemId: string })[] = [];

  constructor(
    readonly sql: Sql,
    private readonly pool: (applicationName: string) => Sql,
    readonly region: string,
    readonly settings: ClockSettings,
    day: string,
    readonly rules: RoutingRules,
  ) {
    this.now = beijingMorning(day);
    this.deps = this.depsOn(sql);
  }

  private depsOn(sql: Sql): RoutingDeps {
    return { sql, region: this.region, schedule: new ScheduleSource(sql), settings: this.settings, rules: this.rules, cityRegion: "city", now: () => this.now };
  }

  /** Another replica of this region's service: its own pool and schedule cache, the same clock. */
  replica(): RoutingDeps {
    return this.depsOn(this.pool(`${this.region}-replica`));
  }

  /** Moves the clock to 10:00 Beijing on the civil date. */
  setDay(day: string): void {
    this.now = beijingMorning(day);
  }

  /**
   * Submits a plan of these item codes for the harness's enterprise (or `creditCode`). Unless a
   * test passes its own `satisfied`, every prerequisite left out is declared satisfied
   * (declareMissingPrerequisites), as a steward must.
   */
  async submit(
    items: string[],
    options: { planId?: string; version?: number; projectName?: string; projectId?: string; creditCode?: string; satisfied?: SatisfiedPrerequisite[] } = {},
    deps = this.deps,
  ): Promise<Result<Case>> {
    const plan: PlanSubmission = {
      planId: options.planId ?? randomUUID(),
      planVersion: options.version ?? 1,
      projectId: options.projectId ?? "11111111-1111-4111-8111-111111111111",
      projectName: options.projectName ?? "安康某工业项目",
      creditCode: options.creditCode ?? testCreditCode,
      items: items.map((itemCode) => ({ itemCode, departmentCode: departmentOf(itemCode) })),
      satisfiedPrerequisites: options.satisfied ?? declareMissingPrerequisites(items),
    };
    return submitPlan(deps, plan, "service:agreement");
  }

  async items(caseId: string): Promise<CaseItem[]> {
    return caseItems(this.sql, this.region, caseId);
  }

  /** The current (latest attempt) item of a code in the case. */
  async item(caseId: string, code: string): Promise<CaseItem> {
    const found = (await this.items(caseId)).filter((item) => item.itemCode === code).sort((a, b) => b.attempt - a.attempt)[0];
    if (!found) throw new Error(`no item ${code} in case ${caseId}`);
    return found;
  }

  async reload(item: CaseItem): Promise<CaseItem> {
    const found = await findItem(this.sql, this.region, item.id);
    if (!found) throw new Error(`item ${item.id} vanished`);
    return found;
  }

  /** Codes of the case's items in a state, sorted. */
  async codesIn(caseId: string, state: CaseItem["state"]): Promise<string[]> {
    return (await this.items(caseId))
      .filter((item) => item.state === state)
      .map((item) => item.itemCode)
      .sort();
  }

  /** Runs a command as the gateway does, recording the steps of a successful one. */
  async command(command: ItemCommand, deps = this.deps): Promise<Result<CaseItem>> {
    let recorded: ItemStep[] = [];
    const result = await applyItemCommand(deps, {
      ...command,
      run: (item, context, facts) => {
        const outcome = command.run(item, context, facts);
        recorded = outcome.ok ? outcome.value.steps : [];
        return outcome;
      },
    });
    if (!result.ok) return result;
    this.steps.push(...recorded.map((step) => ({ ...step, itemId: command.itemId })));
    return ok(result.value.item);
  }

  /**
   * A department gateway action on an item, scoped to the item's department (or `department`) and
   * carrying a request id, exactly as DepartmentGatewayService does it.
   */
  async act(item: Pick<CaseItem, "id" | "departmentCode">, action: GatewayAction, options: { department?: string; requestId?: string } = {}): Promise<Result<CaseItem>> {
    return this.command(gatewayCommand(item, action, options));
  }

  /** Accepts normally and approves, each a separate gateway request. */
  async acceptAndApprove(item: CaseItem): Promise<CaseItem> {
    value(await this.act(item, { kind: "accept", mode: "normal" }));
    return value(await this.act(item, { kind: "decide", decision: "approve" }));
  }

  async ledger(caseId: string): Promise<LedgerRow[]> {
    return readLedger(this.sql, this.region, caseChain(caseId));
  }

  /** The ledger rows of one item (its subject), optionally of one action. */
  async itemLedger(item: Pick<CaseItem, "id" | "caseId">, action?: string): Promise<LedgerRow[]> {
    return (await this.ledger(item.caseId)).filter((row) => row.subject === item.id && (action === undefined || row.action === action));
  }

  /** This region's outbox events, decoded, optionally of one type, in commit order. */
  async events(type?: string): Promise<EventEnvelope[]> {
    const rows = await this.sql<{ payload: Uint8Array }[]>`
      select payload from outbox where region = ${this.region} ${type ? this.sql`and event_type = ${type}` : this.sql``} order by seq`;
    return rows.map((row) => decodeEvent(row.payload));
  }

  /** Outbox events of a type about one item. */
  async itemEvents(type: string, itemId: string): Promise<EventEnvelope[]> {
    return (await this.events(type)).filter((event) => (event.payload?.value as { itemId?: string } | undefined)?.itemId === itemId);
  }

  /** Row counts of what a command may write, to show that a refused one wrote nothing. */
  async writes(): Promise<{ ledger: number; outbox: number; feed: number; requests: number; escalations: number }> {
    const [row] = await this.sql<{ ledger: number; outbox: number; feed: number; requests: number; escalations: number }[]>`
      select (select count(*)::int from ledger where region = ${this.region}) as ledger,
             (select count(*)::int from outbox where region = ${this.region}) as outbox,
             (select count(*)::int from assignment_changes where region = ${this.region}) as feed,
             (select count(*)::int from gateway_requests where region = ${this.region}) as requests,
             (select count(*)::int from escalations where region = ${this.region}) as escalations`;
    return row!;
  }
}
