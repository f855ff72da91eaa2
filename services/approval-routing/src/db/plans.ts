import { transactionResult, type TransactionSql } from "@steward/platform/db";
import { failedPrecondition, fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { appendLedger } from "@steward/platform/ledger";
import { checkAgainstCatalogue, openCase, reviseCase, validateSubmission, type Case, type PlanSubmission } from "../domain/case.js";
import { cancelItem } from "../domain/item-commands.js";
import { catalogueTerms } from "./catalogue-terms.js";
import { findCase, insertCase, lockCaseByPlan, recordSubmission, reopenCase, submissionCase } from "./cases.js";
import { advanceCase, caseChain, commandContext, persistOutcome, type RoutingDeps } from "./item-pipeline.js";
import { insertItems, lockItem } from "./items.js";

/**
 * SubmitPlan: opens the case of a plan's first version, or revises it for a later one — new items
 * are added, dropped ones cancelled, history kept — then routes every item whose prerequisites are
 * done. Idempotent by plan id + version: a repeat answers with the case as it is.
 */
export function submitPlan(deps: RoutingDeps, plan: PlanSubmission, actor: string): Promise<Result<Case>> {
  return transactionResult(deps.sql, async (tx) => {
    const violations = validateSubmission(plan);
    if (violations.length > 0) return fail(invalidArgument(violations));
    const known = await submissionCase(tx, deps.region, plan.planId, plan.planVersion);
    if (known) return found(tx, deps.region, known);

    const catalogue = await catalogueTerms(tx, plan.items.map((item) => item.itemCode));
    const unknown = checkAgainstCatalogue(plan.items, catalogue);
    if (unknown.length > 0) return fail(invalidArgument(unknown));
    const context = await commandContext(deps, tx);
    const chain = (caseId: string) => caseChain(caseId);

    const existing = await lockCaseByPlan(tx, deps.region, plan.planId);
    let caseId: string;
    if (!existing) {
      const kase = openCase(deps.region, plan, catalogue, context.now);
      if (!(await insertCase(tx, kase))) return fail(failedPrecondition(`plan ${plan.planId} is being submitted concurrently; retry`));
      await insertItems(tx, kase.items);
      await appendLedger(tx, [
        { region: deps.region, chainId: chain(kase.id), actor, action: "case.opened", to: "open", details: { planId: plan.planId, planVersion: plan.planVersion } },
        ...kase.items.map((item) => ({ region: deps.region, chainId: chain(kase.id), actor, action: "item.planned", subject: item.id, to: "planned", details: { itemCode: item.itemCode } })),
      ]);
      caseId = kase.id;
    } else {
      if (plan.planVersion <= existing.planVersion) {
        return fail(failedPrecondition(`plan version ${plan.planVersion} is older than the case's version ${existing.planVersion}`));
      }
      const revision = reviseCase(existing, plan, catalogue, context.now);
      await insertItems(tx, revision.added);
      await appendLedger(tx, [
        { region: deps.region, chainId: chain(existing.id), actor, action: "case.revised", from: String(existing.planVersion), to: String(plan.planVersion) },
        ...revision.added.map((item) => ({ region: deps.region, chainId: chain(existing.id), actor, action: "item.planned", subject: item.id, to: "planned", details: { itemCode: item.itemCode, attempt: item.attempt } })),
      ]);
      for (const dropped of revision.cancelled) {
        // Lock and re-read: a department may have acted on the item since the case was read.
        const item = await lockItem(tx, deps.region, dropped.id);
        if (!item) continue;
        const cancelled = cancelItem(item, `dropped by plan version ${plan.planVersion}`, context);
        if (cancelled.ok) await persistOutcome(tx, cancelled.value, item, actor);
      }
      if (existing.status === "completed" && revision.added.length > 0) await reopenCase(tx, deps.region, existing.id);
      caseId = existing.id;
    }
    await recordSubmission(tx, deps.region, plan.planId, plan.planVersion, caseId);
    await advanceCase(tx, deps, caseId, actor, context);
    return found(tx, deps.region, caseId);
  });
}

async function found(tx: TransactionSql, region: string, caseId: string): Promise<Result<Case>> {
  const kase = await findCase(tx, region, caseId);
  return kase ? ok(kase) : fail(notFound(`case ${caseId}`));
}
