import { transactionResult, type TransactionSql } from "@steward/platform/db";
import { aborted, alreadyExists, failedPrecondition, fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { appendLedger, type LedgerEntryInput } from "@steward/platform/ledger";
import { checkAgainstCatalogue, checkPrerequisites, openCase, reviseCase, submissionDigest, validateSubmission, type Case, type CatalogueTerms, type PlanSubmission } from "../domain/case.js";
import { cancelItem, type CommandContext } from "../domain/item-commands.js";
import { reopenCompletedCase } from "./case-reopening.js";
import { catalogueTerms } from "./catalogue-terms.js";
import { declarePrerequisitesSql, findCase, insertCase, lockCaseByPlan, recordSubmission, replaceDeclaredPrerequisites, submissionCase, submissionSql } from "./cases.js";
import { advanceCase, caseChain, commandContext, openCaseChain, outcomeRecords, persistOutcome, routeReadyItems, type RoutingDeps } from "./item-pipeline.js";
import { insertItems, insertItemsSql, lockItem } from "./items.js";
import { WriteSet } from "./write-set.js";

/**
 * SubmitPlan: opens the case of a plan's first version, or revises it for a later one — new items
 * are added, dropped ones cancelled, history kept — then routes every item whose prerequisites are
 * done. Idempotent by plan id + version: a repeat answers with the case as it is; the same id and
 * version with other content is ALREADY_EXISTS (REQUEST_ID_REUSED), and a
 * first submission racing another of the same plan is ABORTED (retryable: the retry is a repeat).
 */
export function submitPlan(deps: RoutingDeps, plan: PlanSubmission, actor: string): Promise<Result<Case>> {
  return transactionResult(deps.sql, async (tx) => {
    const violations = validateSubmission(plan);
    if (violations.length > 0) return fail(invalidArgument(violations));
    // One round trip: an earlier submission of this version, the catalogue's terms (of the planned
    // items and the declared prerequisites), the plan's case (if any) under its row lock, and the
    // calendar.
    const [known, catalogue, existing, context] = await Promise.all([
      submissionCase(tx, deps.region, plan.planId, plan.planVersion),
      catalogueTerms(tx, [...plan.items.map((item) => item.itemCode), ...plan.satisfiedPrerequisites.map((prerequisite) => prerequisite.itemCode)]),
      lockCaseByPlan(tx, deps.region, plan.planId),
      commandContext(deps, tx),
    ]);
    const digest = submissionDigest(plan);
    if (known) {
      // Versions submitted before digests were kept have none; they answer as a repeat.
      if (known.digest && !known.digest.equals(digest)) {
        return fail(alreadyExists(`plan ${plan.planId} version ${plan.planVersion} was already submitted with a different project, enterprise, items or declared prerequisites; a changed plan is a new version`, "REQUEST_ID_REUSED"));
      }
      return found(tx, deps.region, known.caseId);
    }

    const refused = [...checkAgainstCatalogue(plan.items, catalogue), ...checkPrerequisites(plan, catalogue, context.today)];
    if (existing?.creditCode && existing.creditCode !== plan.creditCode) {
      refused.push({ field: "credit_code", description: `the case is the project of enterprise ${existing.creditCode}; a plan revision cannot change it` });
    }
    if (refused.length > 0) return fail(invalidArgument(refused));
    if (!existing) return openNewCase(tx, deps, plan, digest, catalogue, context, actor);

    // The same version, unseen when this transaction looked: a concurrent submission of it
    // committed while this one waited for the case's lock. A retry finds it and answers as before.
    if (plan.planVersion === existing.planVersion) return fail(aborted(`plan ${plan.planId} version ${plan.planVersion} was being submitted concurrently; retry`, "PLAN_SUBMISSION_CONCURRENT"));
    if (plan.planVersion < existing.planVersion) {
      return fail(failedPrecondition(`plan version ${plan.planVersion} is older than the case's version ${existing.planVersion}`, "PLAN_VERSION_STALE", { caseVersion: String(existing.planVersion) }));
    }
    const chain = caseChain(existing.id);
    const revision = reviseCase(existing, plan, catalogue, context.now);
    await insertItems(tx, revision.added);
    await replaceDeclaredPrerequisites(tx, deps.region, existing.id, plan.planVersion, plan.satisfiedPrerequisites);
    await appendLedger(tx, [
      { region: deps.region, chainId: chain, actor, action: "case.revised", from: String(existing.planVersion), to: String(plan.planVersion) },
      ...revision.added.map((item) => ({ region: deps.region, chainId: chain, actor, action: "item.planned", subject: item.id, to: "planned", details: { itemCode: item.itemCode, attempt: item.attempt } })),
      ...declarationEntries(deps.region, existing.id, plan, actor),
    ]);
    for (const dropped of revision.cancelled) {
      // Lock and re-read: a department may have acted on the item since the case was read.
      const item = await lockItem(tx, deps.region, dropped.id);
      if (!item) continue;
      const cancelled = cancelItem(item, `dropped by plan version ${plan.planVersion}`, context);
      if (cancelled.ok) await persistOutcome(tx, cancelled.value, item, actor);
    }
    if (revision.added.length > 0) {
      const reason = `plan version ${plan.planVersion} adds ${revision.added.map((item) => item.itemCode).join(", ")}`;
      await reopenCompletedCase(tx, deps.region, existing.id, { cause: "revised", reason, actor });
    }
    await recordSubmission(tx, deps.region, plan.planId, plan.planVersion, existing.id, plan.creditCode, digest);
    await advanceCase(tx, deps, existing.id, actor, context);
    return found(tx, deps.region, existing.id);
  });
}

/**
 * A plan's first version: the case and its items are written once, with the items that can start
 * already routed (并联审批), in one statement after the case row and its ledger chain: the hot path
 * of SubmitPlan. The answer is the case as written; nothing is read back.
 */
async function openNewCase(tx: TransactionSql, deps: RoutingDeps, plan: PlanSubmission, digest: Buffer, catalogue: Map<string, CatalogueTerms>, context: CommandContext, actor: string): Promise<Result<Case>> {
  const kase = openCase(deps.region, plan, catalogue, context.now);
  // The case row first: a concurrent first submission of the same plan makes this one refuse.
  const [inserted, chains] = await Promise.all([insertCase(tx, kase), openCaseChain(tx, deps.region, kase.id)]);
  if (!inserted) return fail(aborted(`plan ${plan.planId} was being submitted concurrently; retry`, "PLAN_SUBMISSION_CONCURRENT"));

  const satisfied = new Set(plan.satisfiedPrerequisites.map((prerequisite) => prerequisite.itemCode));
  const { items, routed } = routeReadyItems(deps, kase.items, satisfied, context);
  const writes = new WriteSet(tx, chains)
    .add(insertItemsSql(tx, items))
    .add(submissionSql(tx, deps.region, plan.planId, plan.planVersion, kase.id, digest))
    .appendLedger([
      {
        region: deps.region,
        chainId: caseChain(kase.id),
        actor,
        action: "case.opened",
        to: "open",
        details: { planId: plan.planId, planVersion: plan.planVersion, creditCode: plan.creditCode },
      },
      ...kase.items.map((item) => ({ region: deps.region, chainId: caseChain(kase.id), actor, action: "item.planned", subject: item.id, to: "planned", details: { itemCode: item.itemCode } })),
      ...declarationEntries(deps.region, kase.id, plan, actor),
    ]);
  writes.add(declarePrerequisitesSql(tx, deps.region, kase.id, plan.planVersion, plan.satisfiedPrerequisites));
  for (const { before, outcome } of routed) outcomeRecords(writes, outcome, before, actor);
  await writes.flush();
  // In the order a read of the case gives them.
  const ordered = [...items].sort((a, b) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : a.attempt - b.attempt));
  return ok({ ...kase, items: ordered });
}

/** One ledger row per prerequisite the plan declares satisfied, with its 批文号 and date. */
function declarationEntries(region: string, caseId: string, plan: PlanSubmission, actor: string): LedgerEntryInput[] {
  return plan.satisfiedPrerequisites.map((prerequisite) => ({
    region,
    chainId: caseChain(caseId),
    actor,
    action: "case.prerequisite_declared",
    to: "satisfied",
    reason: prerequisite.documentRef,
    details: { itemCode: prerequisite.itemCode, documentRef: prerequisite.documentRef, approvedOn: prerequisite.approvedOn, planVersion: plan.planVersion },
  }));
}

async function found(tx: TransactionSql, region: string, caseId: string): Promise<Result<Case>> {
  const kase = await findCase(tx, region, caseId);
  return kase ? ok(kase) : fail(notFound(`case ${caseId}`));
}
