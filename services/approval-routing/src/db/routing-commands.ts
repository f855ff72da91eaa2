import { transactionResult, type Sql, type TransactionSql } from "@steward/platform/db";
import { recordEvents } from "@steward/platform/events";
import { fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { checkAgainstCatalogue, isComplete, openCase, validateSubmission, type Case, type CaseItem, type PlanSubmission } from "../domain/case.js";
import { transition, type ItemAction } from "../domain/item-state.js";
import { caseCompleted, itemDecided, itemRouted } from "../events/routing-events.js";
import { catalogueDepartments } from "./catalogue.js";
import { claimRequest, completeCase, findCase, findCaseByPlan, insertCase, lockCaseItems, lockDepartmentItem, updateItemState } from "./cases.js";

/**
 * Creates the case of a plan version and routes its items, recording one routing.item.routed
 * event per item. Idempotent: the same plan version returns the case it already has.
 */
export async function submitPlanIn(tx: TransactionSql, region: string, plan: PlanSubmission): Promise<Result<Case>> {
  const violations = validateSubmission(plan);
  if (violations.length > 0) return fail(invalidArgument(violations));
  const existing = await findCaseByPlan(tx, region, plan.planId, plan.planVersion);
  if (existing) return ok(existing);
  const opened = openCase(region, plan);
  if (!opened.ok) return opened;
  const unknown = checkAgainstCatalogue(plan.items, await catalogueDepartments(tx, plan.items.map((item) => item.itemCode)));
  if (unknown.length > 0) return fail(invalidArgument(unknown));
  if (!(await insertCase(tx, opened.value))) {
    const raced = await findCaseByPlan(tx, region, plan.planId, plan.planVersion);
    return raced ? ok(raced) : fail(notFound(`case of plan ${plan.planId}`));
  }
  await recordEvents(tx, opened.value.items.map((item) => itemRouted(region, item)));
  return opened;
}

export function submitPlan(sql: Sql, region: string, plan: PlanSubmission): Promise<Result<Case>> {
  return transactionResult(sql, (tx) => submitPlanIn(tx, region, plan));
}

export interface GatewayCommand {
  region: string;
  department: string;
  itemId: string;
  requestId: string;
  action: Extract<ItemAction, "accept" | "approve" | "reject">;
}

/**
 * Applies a department's action to one of its items. A repeated request id returns the item as
 * it is, without applying anything twice. The last decision of a case completes it, in the same
 * transaction, with its routing.case.completed event. A refused action writes nothing, not even
 * its request id, so the caller may correct it and retry with the same id.
 */
export function applyGatewayCommand(sql: Sql, command: GatewayCommand): Promise<Result<CaseItem>> {
  return transactionResult(sql, async (tx) => {
    const item = await lockDepartmentItem(tx, command.region, command.department, command.itemId);
    // Another department's item, or another region's, does not exist for this caller.
    if (!item) return fail(notFound(`item ${command.itemId}`));
    if (!(await claimRequest(tx, command.region, command.department, command.requestId, command.itemId, command.action))) {
      return ok(item);
    }
    const next = transition(item.state, command.action);
    if (!next.ok) return next;
    const now = new Date();
    const updated: CaseItem = { ...item, state: next.value, updatedAt: now };
    await updateItemState(tx, command.region, item.id, next.value, now);
    if (command.action === "accept") return ok(updated);

    const { kase, states } = await lockCaseItems(tx, command.region, item.caseId);
    const events = [itemDecided(command.region, updated)];
    if (kase.status === "open" && isComplete(states)) {
      await completeCase(tx, command.region, kase.id, now);
      events.push(caseCompleted({ id: kase.id, region: kase.region, projectId: kase.project_id, planId: kase.plan_id, projectName: kase.project_name }, states.length));
    }
    await recordEvents(tx, events);
    return ok(updated);
  });
}

export { findCase };
