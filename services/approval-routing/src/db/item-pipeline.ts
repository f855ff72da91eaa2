import { transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import { newEvent, recordEvents, type EventEnvelope } from "@steward/platform/events";
import { alreadyExists, fail, notFound, ok, type Result } from "@steward/platform/errors";
import { appendLedger, type LedgerEntryInput } from "@steward/platform/ledger";
import { civilDateOf } from "../domain/calendar/index.js";
import { isComplete, routableItems } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import type { ClockSettings } from "../domain/clock.js";
import { routeItem, type CommandContext, type ItemOutcome } from "../domain/item-commands.js";
import { eventForStep } from "../events/item-events.js";
import { caseItems, lockItem, recordAssignmentChanges, saveItem } from "./items.js";
import { claimRequest } from "./gateway-requests.js";
import { reportToOrigin } from "./linkage.js";
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
 * Writes what a command did to an item, in the caller's transaction: the item row, one ledger row
 * and one event per step, and the change on the feed of every department that must see it.
 */
export async function persistOutcome(tx: TransactionSql, outcome: ItemOutcome, before: CaseItem, actor: string, extraEvents: EventEnvelope[] = []): Promise<void> {
  const { item, steps } = outcome;
  const events = [...steps.map((step) => eventForStep(item, step)).filter((event): event is EventEnvelope => event !== undefined), ...extraEvents];
  // A forwarded item is on the city's feeds, not on the county department's.
  const departments = new Set(item.state === "planned" || item.handledInRegion ? [] : [item.departmentCode]);
  if (before.departmentCode !== item.departmentCode && before.state !== "planned") departments.add(before.departmentCode);
  // The writes are independent: issued together, postgres.js pipelines them on the transaction's
  // connection instead of waiting a round trip for each (the hot path's main cost under load).
  await Promise.all([
    saveItem(tx, item),
    steps.length > 0
      ? appendLedger(
          tx,
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
      : undefined,
    recordEvents(tx, events),
    reportToOrigin(tx, outcome, actor),
    recordAssignmentChanges(tx, [...departments].map((department) => ({ item, department }))),
  ]);
}

/**
 * Routes every item a change unblocked and completes the case when nothing is left, in the same
 * transaction. The case row lock makes two last decisions agree on who completes it.
 */
export async function advanceCase(tx: TransactionSql, deps: RoutingDeps, caseId: string, actor: string, context: CommandContext): Promise<void> {
  const [kase] = await tx<{ status: string; project_id: string; plan_id: string; project_name: string }[]>`
    select status, project_id, plan_id, project_name from cases where region = ${deps.region} and id = ${caseId} for update`;
  if (!kase || kase.status !== "open") return;
  let items = await caseItems(tx, deps.region, caseId);
  for (const ready of routableItems(items)) {
    const forward = ready.jurisdiction === "city" && deps.region !== deps.cityRegion ? deps.cityRegion : undefined;
    const routed = routeItem(ready, context, forward);
    if (!routed.ok) continue;
    await persistOutcome(tx, routed.value, ready, actor);
    items = items.map((item) => (item.id === ready.id ? routed.value.item : item));
  }
  if (!isComplete(items)) return;
  await tx`update cases set status = 'completed', completed_at = ${context.now} where region = ${deps.region} and id = ${caseId}`;
  await appendLedger(tx, [{ region: deps.region, chainId: caseChain(caseId), actor, action: "case.completed", from: "open", to: "completed" }]);
  const approved = items.filter((item) => item.state === "approved").length;
  await recordEvents(tx, [
    newEvent({
      region: deps.region,
      aggregateId: caseId,
      payload: { $case: "caseCompleted", value: { caseId, projectId: kase.project_id, planId: kase.plan_id, projectName: kase.project_name, itemCount: approved } },
    }),
  ]);
}

/** A revoked approval (告知承诺 found false) undoes a completion: the case is open again until re-planned. */
async function reopenIfCompleted(tx: TransactionSql, region: string, caseId: string, actor: string, reason: string): Promise<void> {
  const reopened = await tx`
    update cases set status = 'open', completed_at = null where region = ${region} and id = ${caseId} and status = 'completed' returning id`;
  if (reopened.length > 0) await appendLedger(tx, [{ region, chainId: caseChain(caseId), actor, action: "case.reopened", from: "completed", to: "open", reason }]);
}

const unblockingStates: ReadonlySet<string> = new Set(["approved", "cancelled"]);

export interface ItemCommand {
  itemId: string;
  actor: string;
  /** Set for department callers: only their own items exist for them. */
  department?: string;
  /** The caller's idempotency key; a repeat returns the item as it is now. */
  requestId?: string;
  action: string;
  run: (item: CaseItem, context: CommandContext, tx: TransactionSql) => Promise<Result<ItemOutcome>> | Result<ItemOutcome>;
}

/** Runs one command on one item, all or nothing: a refused command writes nothing at all. */
export function applyItemCommand(deps: RoutingDeps, command: ItemCommand): Promise<Result<CaseItem>> {
  return transactionResult(deps.sql, (tx) => applyItemCommandIn(tx, deps, command));
}

/** applyItemCommand inside the caller's transaction (the caller rolls back on a failed result). */
export async function applyItemCommandIn(tx: TransactionSql, deps: RoutingDeps, command: ItemCommand): Promise<Result<CaseItem>> {
  {
    const item = await lockItem(tx, deps.region, command.itemId, command.department);
    if (!item) return fail(notFound(`item ${command.itemId}`));
    if (command.requestId && command.department) {
      const claim = await claimRequest(tx, deps.region, command.department, command.requestId, item.id, command.action);
      if (claim.kind === "conflict") return fail(alreadyExists(`request id ${command.requestId} was used for another request`));
      if (claim.kind === "repeat") return ok(item);
    }
    const context = await commandContext(deps, tx);
    const outcome = await command.run(item, context, tx);
    if (!outcome.ok) return outcome;
    await persistOutcome(tx, outcome.value, item, command.actor);
    if (outcome.value.item.state === "revoked") await reopenIfCompleted(tx, deps.region, item.caseId, command.actor, `approval of ${item.itemCode} revoked`);
    // Only an approval or a cancellation can unblock other items or complete the case.
    if (outcome.value.item.state !== item.state && unblockingStates.has(outcome.value.item.state)) await advanceCase(tx, deps, item.caseId, command.actor, context);
    return ok(outcome.value.item);
  }
}
