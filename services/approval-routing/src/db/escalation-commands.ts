import { transactionResult, type TransactionSql } from "@steward/platform/db";
import { newEvent, recordEvents } from "@steward/platform/events";
import { failedPrecondition, fail, notFound, ok, type Result } from "@steward/platform/errors";
import { appendLedger } from "@steward/platform/ledger";
import type { CaseItem } from "../domain/case-item.js";
import { describeResolution, raiseEscalation, type Escalation, type EscalationCause, type Resolution } from "../domain/escalation.js";
import { extendItem, reassignItem } from "../domain/item-commands.js";
import { finalStates } from "../domain/item-state.js";
import { deemConsent } from "./consultation-commands.js";
import { departmentExists, unknownDepartment } from "./departments.js";
import { insertEscalation, lockEscalation, markResolved } from "./escalations.js";
import { applyItemCommandIn, caseChain, type RoutingDeps } from "./item-pipeline.js";
import { lockItem } from "./items.js";

/**
 * Takes an item to the joint meeting, in the caller's transaction: one open escalation per item and
 * cause, with its ledger row and routing.item.escalated event.
 */
export async function escalateIn(tx: TransactionSql, item: CaseItem, cause: EscalationCause, reason: string, actor: string, now: Date): Promise<Escalation> {
  const { escalation, created } = await insertEscalation(tx, raiseEscalation(item, cause, reason, actor, now));
  if (!created) return escalation;
  await appendLedger(tx, [
    { region: item.region, chainId: caseChain(item.caseId), actor, action: "item.escalated", subject: item.id, from: item.state, to: item.state, reason, details: { escalationId: escalation.id, cause } },
  ]);
  await recordEvents(tx, [
    newEvent({
      region: item.region,
      aggregateId: item.caseId,
      payload: {
        $case: "itemEscalated",
        value: { caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, escalationId: escalation.id, cause, reason },
      },
    }),
  ]);
  return escalation;
}

/** The steward flags an item as blocked. */
export function flagBlocked(deps: RoutingDeps, itemId: string, reason: string, actor: string): Promise<Result<Escalation>> {
  return transactionResult(deps.sql, async (tx) => {
    const item = await lockItem(tx, deps.region, itemId);
    if (!item) return fail(notFound(`item ${itemId}`));
    if (finalStates.has(item.state)) return fail(failedPrecondition(`item ${item.itemCode} is ${item.state}; nothing to unblock`, "ITEM_STATE_CONFLICT", { state: item.state, action: "flag_blocked" }));
    return ok(await escalateIn(tx, item, "blocked", reason, actor, deps.now?.() ?? new Date()));
  });
}

/** Records the joint meeting's resolution and acts on it, all in one transaction. */
export function resolveEscalation(deps: RoutingDeps, escalationId: string, resolution: Resolution, reason: string, actor: string): Promise<Result<Escalation>> {
  return transactionResult(deps.sql, async (tx) => {
    const escalation = await lockEscalation(tx, deps.region, escalationId);
    if (!escalation) return fail(notFound(`escalation ${escalationId}`));
    if (escalation.status !== "open") return fail(failedPrecondition(`escalation ${escalationId} is already resolved (${escalation.resolution})`, "ESCALATION_RESOLVED"));
    // The gateway checks only the code's shape: handing the item to a department that does not
    // exist would take it off every department's queue, with nobody left to accept it.
    if (resolution.kind === "reassign" && !(await departmentExists(tx, resolution.department))) return fail(unknownDepartment("reassign_to_department", resolution.department));

    const acted =
      resolution.kind === "deem_consent"
        ? await deemConsent(tx, deps, escalation.itemId, actor, `joint meeting: ${reason}`)
        : await applyItemCommandIn(tx, deps, {
            itemId: escalation.itemId,
            actor,
            action: resolution.kind,
            run: (item, context) =>
              resolution.kind === "reassign" ? reassignItem(item, resolution.department, reason, context) : extendItem(item, resolution.workingDays, reason, context),
          });
    if (!acted.ok) return acted;

    const resolved: Escalation = { ...escalation, status: "resolved", resolution: describeResolution(resolution), resolutionReason: reason, resolvedBy: actor, resolvedAt: deps.now?.() ?? new Date() };
    await markResolved(tx, resolved);
    await appendLedger(tx, [
      { region: deps.region, chainId: caseChain(escalation.caseId), actor, action: "escalation.resolved", subject: escalation.itemId, reason, details: { escalationId, resolution: resolved.resolution ?? "" } },
    ]);
    await recordEvents(tx, [
      newEvent({
        region: deps.region,
        aggregateId: escalation.caseId,
        payload: { $case: "escalationResolved", value: { escalationId, caseId: escalation.caseId, itemId: escalation.itemId, resolution: resolved.resolution ?? "", reason } },
      }),
    ]);
    return ok(resolved);
  });
}
