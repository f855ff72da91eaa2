import { transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import { newEvent, type EventEnvelope } from "@steward/platform/events";
import { alreadyExists, fail, notFound, ok, type Result } from "@steward/platform/errors";
import { openChains, type LedgerEntryInput, type OpenChains } from "@steward/platform/ledger";
import { withCaseSpan, type TraceCarrier } from "@steward/platform/telemetry";
import { civilDateOf } from "@steward/calendar";
import { isComplete, routableItems } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import type { ClockSettings } from "../domain/clock.js";
import { routeItem, type CommandContext, type ItemOutcome } from "../domain/item-commands.js";
import { eventForStep } from "../events/item-events.js";
import { caseItems, lockItem, saveItemSql } from "./items.js";
import { claimRequest } from "./gateway-requests.js";
import { openConsultationCount } from "./consultations.js";
import { reportToOriginSql } from "./linkage.js";
import { WriteSet } from "./write-set.js";
import type { ScheduleSource } from "./schedule-source.js";

/** What every command on items needs: the pool, the calendar, the clock rules and the time. */
export interface RoutingDeps {
  sql: Sql;
  region: string;
  schedule: ScheduleSource;
  settings: ClockSettings;
  /** The region whose departments decide items of city jurisdiction. */
  cityRegion: string;
  now?: () => Date;
}

/** The context of a command; inside a transaction pass it, so the schedule never waits for the pool. */
export async function commandContext(deps: RoutingDeps, tx?: TransactionSql): Promise<CommandContext> {
  const now = deps.now?.() ?? new Date();
  return { now, today: civilDateOf(now), schedule: await deps.schedule.get(tx), settings: deps.settings };
}

export const caseChain = (caseId: string) => `case:${caseId}`;

/**
 * Adds what a command did to an item to `writes`: the item row, one ledger row and one event per
 * step, the report to a forwarding county, and the change on the feed of every department that
 * must see it.
 */
function outcomeWrites(writes: WriteSet, tx: TransactionSql, outcome: ItemOutcome, before: CaseItem, actor: string, extraEvents: EventEnvelope[] = []): WriteSet {
  return outcomeRecords(writes.add(saveItemSql(tx, outcome.item)).add(reportToOriginSql(tx, outcome, actor)), outcome, before, actor, extraEvents);
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
export function routeReadyItems(deps: Pick<RoutingDeps, "region" | "cityRegion">, items: readonly CaseItem[], context: CommandContext): { items: CaseItem[]; routed: { before: CaseItem; outcome: ItemOutcome }[] } {
  let after = [...items];
  const routed: { before: CaseItem; outcome: ItemOutcome }[] = [];
  for (const ready of routableItems(after)) {
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
  await outcomeWrites(new WriteSet(tx, chains), tx, outcome, before, actor, extraEvents).flush();
}

/** The case row as advancing it needs it, read under its row lock. */
interface CaseHead {
  status: string;
  project_id: string;
  plan_id: string;
  project_name: string;
  trace_context: TraceCarrier;
}

/**
 * Locks the case row and reads its items, issued together (one round trip): the items query
 * starts after the lock is held, so it sees every decision committed before it. The row lock is
 * what makes two last decisions agree on who completes the case.
 */
async function lockCaseWithItems(tx: TransactionSql, region: string, caseId: string): Promise<{ head: CaseHead | undefined; items: CaseItem[] }> {
  const head = tx<CaseHead[]>`select status, project_id, plan_id, project_name, trace_context from cases where region = ${region} and id = ${caseId} for update`.execute();
  const items = caseItems(tx, region, caseId);
  const [[row], rows] = await Promise.all([head, items]);
  return { head: row, items: rows };
}

/**
 * Adds to `writes` the routing of every item a change unblocked and the case's completion when
 * nothing is left. `caseItemsNow` are the case's items as this transaction leaves them, read under
 * the case's row lock.
 */
function advanceWrites(writes: WriteSet, tx: TransactionSql, deps: RoutingDeps, caseId: string, head: CaseHead | undefined, caseItemsNow: CaseItem[], actor: string, context: CommandContext): WriteSet {
  if (!head || head.status !== "open") return writes;
  const { items, routed } = routeReadyItems(deps, caseItemsNow, context);
  for (const { before, outcome } of routed) outcomeWrites(writes, tx, outcome, before, actor);
  if (!isComplete(items)) return writes;
  const approved = items.filter((item) => item.state === "approved").length;
  // The completion is a span of its own, linked to the trace the case began in (the plan's): the
  // consumers of routing.case.completed and the notice they send continue it, so a case's end
  // joins its beginning although they are different calls.
  const completed = withCaseSpan("complete case", { caseId, projectId: head.project_id, origin: head.trace_context }, () =>
    newEvent({
      region: deps.region,
      aggregateId: caseId,
      payload: { $case: "caseCompleted", value: { caseId, projectId: head.project_id, planId: head.plan_id, projectName: head.project_name, itemCount: approved } },
    }),
  );
  return writes
    .add(tx`update cases set status = 'completed', completed_at = ${context.now} where region = ${deps.region} and id = ${caseId}`)
    .appendLedger([{ region: deps.region, chainId: caseChain(caseId), actor, action: "case.completed", from: "open", to: "completed" }])
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

/** A revoked approval (告知承诺 found false) undoes a completion: the case is open again until re-planned. */
async function reopenIfCompleted(writes: WriteSet, tx: TransactionSql, region: string, caseId: string, actor: string, reason: string): Promise<void> {
  const reopened = await tx`
    update cases set status = 'open', completed_at = null where region = ${region} and id = ${caseId} and status = 'completed' returning id`;
  if (reopened.length > 0) writes.appendLedger([{ region, chainId: caseChain(caseId), actor, action: "case.reopened", from: "completed", to: "open", reason }]);
}

const unblockingStates: ReadonlySet<string> = new Set(["approved", "cancelled"]);

/** What a command may ask about the item beyond its row, read in the same round trip as the row. */
export interface CommandFacts {
  /** Consultations of the item still waiting for an answer (0 unless the command asked). */
  openConsultations: number;
}

export interface ItemCommand {
  itemId: string;
  actor: string;
  /** Set for department callers: only their own items exist for them. */
  department?: string;
  /** The caller's idempotency key; a repeat returns the item as it is now. */
  requestId?: string;
  action: string;
  /** The command decides on the item's open consultations (CommandFacts.openConsultations). */
  needsOpenConsultations?: boolean;
  run: (item: CaseItem, context: CommandContext, facts: CommandFacts) => Result<ItemOutcome>;
}

/** Runs one command on one item, all or nothing: a refused command writes nothing at all. */
export function applyItemCommand(deps: RoutingDeps, command: ItemCommand): Promise<Result<CaseItem>> {
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
 * deadlock with each other.
 */
export async function applyItemCommandIn(tx: TransactionSql, deps: RoutingDeps, command: ItemCommand): Promise<Result<CaseItem>> {
  const claiming = command.requestId && command.department ? command.requestId : undefined;
  const [item, claim, openConsultations] = await Promise.all([
    lockItem(tx, deps.region, command.itemId, command.department),
    claiming ? claimRequest(tx, deps.region, command.department!, claiming, command.itemId, command.action) : undefined,
    command.needsOpenConsultations ? openConsultationCount(tx, deps.region, command.itemId) : 0,
  ]);
  if (!item) return fail(notFound(`item ${command.itemId}`));
  if (claim?.kind === "conflict") return fail(alreadyExists(`request id ${claiming} was used for another request`));
  if (claim?.kind === "repeat") return ok(item);

  const context = await commandContext(deps, tx);
  const outcome = command.run(item, context, { openConsultations });
  if (!outcome.ok) return outcome;
  const after = outcome.value.item;
  const unblocks = after.state !== item.state && unblockingStates.has(after.state);

  const [chains, kase] = await Promise.all([openCaseChain(tx, deps.region, item.caseId), unblocks ? lockCaseWithItems(tx, deps.region, item.caseId) : undefined]);

  const writes = outcomeWrites(new WriteSet(tx, chains), tx, outcome.value, item, command.actor);
  if (kase) {
    const itemsNow = kase.items.map((sibling) => (sibling.id === after.id ? after : sibling));
    advanceWrites(writes, tx, deps, item.caseId, kase.head, itemsNow, command.actor, context);
  }
  if (after.state === "revoked") await reopenIfCompleted(writes, tx, deps.region, item.caseId, command.actor, `approval of ${item.itemCode} revoked`);
  await writes.flush();
  return ok(after);
}
