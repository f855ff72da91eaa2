import { transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import type { EventEnvelope } from "@steward/platform/events";
import { fail, notFound, ok, type Result } from "@steward/platform/errors";
import { openChains, type LedgerEntryInput, type OpenChains } from "@steward/platform/ledger";
import { withCaseSpan, type TraceCarrier } from "@steward/platform/telemetry";
import { civilDateOf } from "@steward/calendar";
import { isComplete, routableItems, type ItemInCase } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import type { ClockSettings } from "../domain/clock.js";
import type { CommitmentBar } from "../domain/commitment-bar.js";
import { routeItem, type CommandContext, type ItemOutcome } from "../domain/item-commands.js";
import type { RoutingRules } from "../domain/rules.js";
import { caseCompleted } from "../events/case-events.js";
import { eventForStep } from "../events/item-events.js";
import { caseItemsOf, lockItemInCase } from "./items.js";
import { claimRequest, requestIdReused, type GatewayRequest } from "./gateway-requests.js";
import { runningBarForItem } from "./commitment-bars.js";
import { openConsultationCount } from "./consultations.js";
import { afterRevocation } from "./revocation.js";
import { caseChain } from "./chains.js";
import { WriteSet } from "./write-set.js";
import type { ScheduleSource } from "./schedule-source.js";

/** What every command on items needs: the pool, the calendar, the clock rules and the time. */
export interface RoutingDeps {
  sql: Sql;
  region: string;
  schedule: ScheduleSource;
  settings: ClockSettings;
  /** The law's figures that are not one item's terms (rules/*.json). */
  rules: RoutingRules;
  /** The region whose departments decide items of city jurisdiction. */
  cityRegion: string;
  now?: () => Date;
}

/** The context of a command; inside a transaction pass it, so the schedule never waits for the pool. */
export async function commandContext(deps: RoutingDeps, tx?: TransactionSql): Promise<CommandContext> {
  const now = deps.now?.() ?? new Date();
  return { now, today: civilDateOf(now), schedule: await deps.schedule.get(tx), settings: deps.settings, rules: deps.rules };
}

export { caseChain } from "./chains.js";

/**
 * Adds what a command did to an item to `writes`: the item row, one ledger row and one event per
 * step, the report to a forwarding county, and the change on the feed of every department that
 * must see it.
 */
export function outcomeWrites(writes: WriteSet, outcome: ItemOutcome, before: CaseItem, actor: string, extraEvents: EventEnvelope[] = []): WriteSet {
  return outcomeRecords(writes.saveItem(outcome.item).reportToOrigin(outcome, actor), outcome, before, actor, extraEvents);
}

/**
 * What every change of an item leaves besides its row: one ledger row and one event per step, and
 * the change on the feed of every department that must see it. A caller that writes the row itself
 * (an item inserted already routed) uses this alone.
 */
export function outcomeRecords(writes: WriteSet, outcome: ItemOutcome, before: CaseItem, actor: string, extraEvents: EventEnvelope[] = []): WriteSet {
  const { item, steps } = outcome;
  const events = [...steps.map((step) => eventForStep(item, step)).filter((event): event is EventEnvelope => event !== undefined), ...extraEvents];
  // A forwarded item is on the city's feeds, not on the county department's.
  const departments = new Set(item.state === "planned" || item.handledInRegion ? [] : [item.departmentCode]);
  if (before.departmentCode !== item.departmentCode && before.state !== "planned") departments.add(before.departmentCode);
  return writes
    .appendLedger(
      steps.map(
        (step): LedgerEntryInput => ({
          region: item.region,
          chainId: caseChain(item.caseId),
          actor,
          action: `item.${step.action}`,
          subject: item.id,
          from: step.from,
          to: step.to,
          reason: step.reason ?? "",
          details: { itemCode: item.itemCode, ...(step.details ?? {}) },
        }),
      ),
    )
    .recordEvents(events)
    .changeFeed([...departments].map((department) => ({ item, department })));
}

/**
 * Routes, in memory, every planned item whose prerequisites are done (an item of city
 * jurisdiction in a county is handed to the city). Returns the items as they are after, and what
 * happened to each routed one.
 */
export function routeReadyItems(
  deps: Pick<RoutingDeps, "region" | "cityRegion">,
  items: readonly CaseItem[],
  satisfied: ReadonlySet<string>,
  context: CommandContext,
): { items: CaseItem[]; routed: { before: CaseItem; outcome: ItemOutcome }[] } {
  let after = [...items];
  const routed: { before: CaseItem; outcome: ItemOutcome }[] = [];
  for (const ready of routableItems(after, satisfied)) {
    const forward = ready.jurisdiction === "city" && deps.region !== deps.cityRegion ? deps.cityRegion : undefined;
    const outcome = routeItem(ready, context, forward);
    if (!outcome.ok) continue;
    routed.push({ before: ready, outcome: outcome.value });
    after = after.map((item) => (item.id === ready.id ? outcome.value.item : item));
  }
  return { items: after, routed };
}

/** Locks the case's ledger chain and reads its tail (one round trip); see `openChains`. */
export const openCaseChain = (tx: TransactionSql, region: string, caseId: string): Promise<OpenChains> => openChains(tx, [{ region, chainId: caseChain(caseId) }]);

/**
 * Writes what a command did to an item, in the caller's transaction: the case's chain opened,
 * then one statement (see `outcomeWrites`, `WriteSet`).
 */
export async function persistOutcome(tx: TransactionSql, outcome: ItemOutcome, before: CaseItem, actor: string, extraEvents: EventEnvelope[] = []): Promise<void> {
  const chains = await openCaseChain(tx, outcome.item.region, outcome.item.caseId);
  await outcomeWrites(new WriteSet(tx, chains), outcome, before, actor, extraEvents).flush();
}

/** The case row as advancing it needs it, read under its row lock. */
export interface CaseHead {
  id: string;
  status: string;
  project_id: string;
  plan_id: string;
  project_name: string;
  /** Set on the city's copy of a county case: the county's case completes, not this one. */
  origin_region: string | null;
  completions: number;
  /** Item codes the plan declared satisfied outside it (批文号). */
  satisfied: string[];
  trace_context: TraceCarrier;
}

/** A case as advancing it needs it: its row (undefined when there is none) and its items, read under the row lock. */
export interface LockedCase {
  head: CaseHead | undefined;
  items: CaseItem[];
}

/**
 * Locks the case rows (in id order, so two transactions locking overlapping cases cannot deadlock)
 * and reads their items, issued together (one round trip, however many cases): the items query
 * starts after the locks are held, so it sees every decision committed before it. The row lock is
 * what makes two last decisions agree on who completes the case.
 */
export async function lockCasesWithItems(tx: TransactionSql, region: string, caseIds: readonly string[]): Promise<Map<string, LockedCase>> {
  const heads = tx<CaseHead[]>`
    select id, status, project_id, plan_id, project_name, origin_region, completions, trace_context,
      array(select item_code from case_prerequisites p where p.case_id = cases.id) as satisfied
    from cases where region = ${region} and id = any(${caseIds as string[]}::uuid[]) order by id for update`.execute();
  const items = caseItemsOf(tx, region, caseIds);
  const [headRows, itemRows] = await Promise.all([heads, items]);
  const cases = new Map<string, LockedCase>(caseIds.map((caseId) => [caseId, { head: undefined, items: [] }]));
  for (const head of headRows) cases.get(head.id)!.head = head;
  for (const item of itemRows) cases.get(item.caseId)!.items.push(item);
  return cases;
}

const lockCaseWithItems = async (tx: TransactionSql, region: string, caseId: string): Promise<LockedCase> => (await lockCasesWithItems(tx, region, [caseId])).get(caseId)!;

/**
 * Adds to `writes` the routing of every item a change unblocked and the case's completion when
 * nothing is left. `caseItemsNow` are the case's items as this transaction leaves them, read under
 * the case's row lock.
 */
export function advanceWrites(writes: WriteSet, tx: TransactionSql, deps: RoutingDeps, caseId: string, head: CaseHead | undefined, caseItemsNow: CaseItem[], actor: string, context: CommandContext): WriteSet {
  if (!head || head.status !== "open") return writes;
  const { items, routed } = routeReadyItems(deps, caseItemsNow, new Set(head.satisfied), context);
  for (const { before, outcome } of routed) outcomeWrites(writes, outcome, before, actor);
  // The city's copy of a county case decides items the county's case owns: only the county's
  // case completes, is counted and is notified (it learns every decision through the reports).
  if (head.origin_region || !isComplete(items)) return writes;
  const approved = items.filter((item) => item.state === "approved").length;
  const completion = head.completions + 1;
  // The completion is a span of its own, linked to the trace the case began in (the plan's): the
  // consumers of routing.case.completed and the notice they send continue it, so a case's end
  // joins its beginning although they are different calls.
  const completed = withCaseSpan("complete case", { caseId, projectId: head.project_id, origin: head.trace_context }, () =>
    caseCompleted(deps.region, { caseId, projectId: head.project_id, planId: head.plan_id, projectName: head.project_name, itemCount: approved, completion }),
  );
  return writes
    .add(tx`update cases set status = 'completed', completed_at = ${context.now}, completions = ${completion} where region = ${deps.region} and id = ${caseId}`)
    .appendLedger([{ region: deps.region, chainId: caseChain(caseId), actor, action: "case.completed", from: "open", to: "completed", details: { completion } }])
    .recordEvents([completed]);
}

/**
 * Routes every item a change unblocked and completes the case when nothing is left, in the same
 * transaction. The case row lock makes two last decisions agree on who completes it.
 */
export async function advanceCase(tx: TransactionSql, deps: RoutingDeps, caseId: string, actor: string, context: CommandContext): Promise<void> {
  const [chains, { head, items }] = await Promise.all([openCaseChain(tx, deps.region, caseId), lockCaseWithItems(tx, deps.region, caseId)]);
  await advanceWrites(new WriteSet(tx, chains), tx, deps, caseId, head, items, actor, context).flush();
}

const unblockingStates: ReadonlySet<string> = new Set(["approved", "cancelled"]);

/** The command moved the item to a state its case's other items may wait for: the case must advance. */
export const unblocks = (before: CaseItem, after: CaseItem): boolean => after.state !== before.state && unblockingStates.has(after.state);

/** What a command may ask about the item beyond its row, read in the same round trip as the row. */
export interface CommandFacts {
  /** Consultations of the item still waiting for an answer (0 unless the command asked). */
  openConsultations: number;
  /** The bar running against the enterprise of the item's case, if any (only when the command asked). */
  runningBar?: CommitmentBar;
}

export interface ItemCommand {
  itemId: string;
  actor: string;
  /** Set for department callers: only their own items exist for them. */
  department?: string;
  /** The caller's idempotency key with its request's digest; a repeat returns the item as it is now. */
  request?: GatewayRequest;
  action: string;
  /** The command decides on the item's open consultations (CommandFacts.openConsultations). */
  needsOpenConsultations?: boolean;
  /** The command decides on a bar after a false commitment (CommandFacts.runningBar). */
  needsRunningBar?: boolean;
  run: (item: CaseItem, context: CommandContext, facts: CommandFacts) => Result<ItemOutcome>;
}

/** Runs one command on one item, all or nothing: a refused command writes nothing at all. Answers with the item after and its case's context. */
export function applyItemCommand(deps: RoutingDeps, command: ItemCommand): Promise<Result<ItemInCase>> {
  return transactionResult(deps.sql, (tx) => applyItemCommandIn(tx, deps, command));
}

/**
 * applyItemCommand inside the caller's transaction (the caller rolls back on a failed result).
 *
 * The hot path of every gateway call: under load a command costs what its statements cost on both
 * sides of the connection, and its round trips (load-tests/README.md), so it makes three round
 * trips besides BEGIN and COMMIT: (1) the item under its row lock, the request id's claim and the
 * facts the command asked for; (2) the case's ledger chain, and the case row and items when the
 * outcome approves or cancels the item; (3) every write, as one statement (WriteSet). The locks
 * are taken in the order item, chain, case, as everywhere else on items, so commands cannot
 * deadlock with each other. A revocation (a false commitment) adds its own statements after the
 * write: the case reopened if it had completed, and the enterprise barred (db/revocation.ts).
 */
export async function applyItemCommandIn(tx: TransactionSql, deps: RoutingDeps, command: ItemCommand): Promise<Result<ItemInCase>> {
  const claiming = command.request && command.department ? command.request : undefined;
  const today = civilDateOf(deps.now?.() ?? new Date());
  const [locked, claim, openConsultations, runningBar] = await Promise.all([
    lockItemInCase(tx, deps.region, command.itemId, command.department),
    claiming ? claimRequest(tx, deps.region, command.department!, claiming, command.itemId, command.action) : undefined,
    command.needsOpenConsultations ? openConsultationCount(tx, deps.region, command.itemId) : 0,
    command.needsRunningBar ? runningBarForItem(tx, deps.region, command.itemId, today) : undefined,
  ]);
  if (!locked) return fail(notFound(`item ${command.itemId}`));
  if (claim?.kind === "conflict") return fail(requestIdReused(claiming!.id));
  if (claim?.kind === "repeat") return ok(locked);
  const { item, context: caseContext } = locked;

  const context = await commandContext(deps, tx);
  const outcome = command.run(item, context, { openConsultations, ...(runningBar ? { runningBar } : {}) });
  if (!outcome.ok) return outcome;
  const after = outcome.value.item;

  const [chains, kase] = await Promise.all([openCaseChain(tx, deps.region, item.caseId), unblocks(item, after) ? lockCaseWithItems(tx, deps.region, item.caseId) : undefined]);

  const writes = outcomeWrites(new WriteSet(tx, chains), outcome.value, item, command.actor);
  if (kase) {
    const itemsNow = kase.items.map((sibling) => (sibling.id === after.id ? after : sibling));
    advanceWrites(writes, tx, deps, item.caseId, kase.head, itemsNow, command.actor, context);
  }
  await writes.flush();
  if (after.state === "revoked" && item.state !== "revoked") {
    const revoke = outcome.value.steps.find((step) => step.action === "revoke");
    await afterRevocation(tx, deps, after, revoke?.reason ?? "", command.actor, context);
  }
  return ok({ item: after, context: caseContext });
}
