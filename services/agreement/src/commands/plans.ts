import { WriteSet, transactionResult, type TransactionSql } from "@steward/platform/db";
import { fail, notFound, ok, permissionDenied, type Result } from "@steward/platform/errors";
import { activateAgreement, fulfilAgreement, type Agreement } from "../domain/agreement.js";
import { approvePlan, draftPlan, recordAnswer, reviewPlan, type DraftInput, type Plan, type PlanProblem } from "../domain/plan.js";
import { findAgreement, findAgreementOf, updateAgreementSql } from "../db/agreements.js";
import { insertPlanSql, latestPlan, planVersions, updatePlanSql, upsertReviewSql } from "../db/plans.js";
import { currentLiaisons } from "../db/stewards.js";
import { agreementActivated, agreementClosed, planAccepted, planApproved, planDrafted, planRefused, planReviewed } from "../events/agreement-events.js";
import { agreementChain, todayOf, type AgreementDeps } from "./deps.js";

/** Who acts on a plan: the project's steward (or an admin standing in), a liaison for its department. */
export interface PlanActor {
  subject: string;
  role: string;
  department?: string;
}

/** Stewards act on the projects they are assigned; another steward's project is not theirs to change. */
function checkSteward(agreement: Agreement, actor: PlanActor): Result<true> {
  if (actor.role === "admin" || (actor.role === "steward" && agreement.stewardId === actor.subject)) return ok(true);
  return fail({ ...permissionDenied(`the plan of ${agreement.projectName} is drafted and approved by its steward`), reason: "NOT_THE_PROJECTS_STEWARD" });
}

export async function draftPlanCommand(deps: AgreementDeps, id: string, input: DraftInput, actor: PlanActor): Promise<Result<Plan>> {
  const catalogue = await deps.catalogue();
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const allowed = checkSteward(agreement, actor);
    if (!allowed.ok) return allowed;
    const drafted = draftPlan(agreement, await latestPlan(tx, deps.region, id), catalogue, input, { actor: actor.subject, now: deps.now(), today: todayOf(deps) });
    if (!drafted.ok) return drafted;
    const { plan, superseded } = drafted.value;
    const writes = new WriteSet(tx);
    if (superseded) writes.add(updatePlanSql(tx, superseded));
    await writes
      .add(insertPlanSql(tx, plan))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor: actor.subject, action: "plan.drafted", subject: plan.id, to: `version ${plan.version}`, details: { source: plan.sourceCode, items: plan.items.map((item) => ({ code: item.itemCode, targetDate: item.targetDate ?? "" })) } }])
      .recordEvents([planDrafted(agreement, plan)])
      .flush();
    return ok(plan);
  });
}

export async function reviewPlanCommand(deps: AgreementDeps, id: string, review: { version: number; approve: boolean; reason: string }, actor: PlanActor): Promise<Result<Plan>> {
  const catalogue = await deps.catalogue();
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const department = actor.department ?? "";
    // The department's liaison for this project reviews; another liaison of the same department does not.
    const liaison = (await currentLiaisons(tx, deps.region, id)).find((row) => row.department_code === department);
    if (actor.role !== "liaison" || !liaison || liaison.liaison_id !== actor.subject) {
      return fail({ ...permissionDenied(`the plan is reviewed by the liaison named for ${department || "the department"} on this project`), reason: "NOT_THE_PROJECTS_LIAISON" });
    }
    const reviewed = reviewPlan(await latestPlan(tx, deps.region, id), { ...review, department, departmentName: catalogue.departments.get(department) ?? department, liaisonId: actor.subject }, deps.now());
    if (!reviewed.ok) return reviewed;
    const plan = reviewed.value;
    await new WriteSet(tx)
      .add(updatePlanSql(tx, plan))
      .add(upsertReviewSql(tx, plan, plan.reviews.find((r) => r.departmentCode === department)!))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor: actor.subject, action: "plan.reviewed", subject: plan.id, to: review.approve ? "approved" : "returned", reason: review.reason.trim(), details: { version: plan.version, department } }])
      .recordEvents([planReviewed(agreement, plan, department)])
      .flush();
    return ok(plan);
  });
}

/** The steward's approval, on the hash chain with the items it approves; routing gets it from the event. */
export async function approvePlanCommand(deps: AgreementDeps, id: string, version: number, actor: PlanActor): Promise<Result<Plan>> {
  return transactionResult(deps.sql, async (tx) => {
    const agreement = await findAgreement(tx, deps.region, id, true);
    if (!agreement) return fail(notFound(`agreement ${id}`));
    const allowed = checkSteward(agreement, actor);
    if (!allowed.ok) return allowed;
    const approved = approvePlan(agreement, await latestPlan(tx, deps.region, id), version, actor.subject, deps.now());
    if (!approved.ok) return approved;
    const plan = approved.value;
    await new WriteSet(tx)
      .add(updatePlanSql(tx, plan))
      .appendLedger([{ region: deps.region, chainId: agreementChain(id), actor: actor.subject, action: "plan.approved", subject: plan.id, to: `version ${plan.version}`, details: { items: plan.items.map((item) => item.itemCode) } }])
      .recordEvents([planApproved(agreement, plan)])
      .flush();
    return ok(plan);
  });
}

/**
 * Records routing's answer to a submitted version, in the submitting consumer's transaction: the
 * plan accepted with its case (the first one puts the agreement in force) or refused with routing's
 * field violations, each with its event.
 */
export async function recordSubmissionAnswer(tx: TransactionSql, deps: Pick<AgreementDeps, "region" | "now">, agreementId: string, version: number, answer: { caseId: string } | { problems: PlanProblem[]; detail: string }): Promise<void> {
  const agreement = await findAgreement(tx, deps.region, agreementId, true);
  const [plan] = agreement ? await planVersions(tx, deps.region, agreementId, version) : [];
  if (!agreement || !plan || plan.status !== "submitted") return;
  const answered = recordAnswer(plan, answer, deps.now());
  const writes = new WriteSet(tx).add(updatePlanSql(tx, answered));
  if (answered.status === "accepted") {
    const active = activateAgreement(agreement, answered.caseId!);
    writes
      .add(updateAgreementSql(tx, active))
      .appendLedger([{ region: deps.region, chainId: agreementChain(agreementId), actor: "system:routing", action: "plan.accepted", subject: plan.id, from: agreement.status, to: active.status, details: { version, caseId: answered.caseId! } }])
      .recordEvents([planAccepted(active, answered), ...(agreement.status === "signed" ? [agreementActivated(active, answered)] : [])]);
  } else {
    writes
      .appendLedger([{ region: deps.region, chainId: agreementChain(agreementId), actor: "system:routing", action: "plan.refused", subject: plan.id, to: `version ${version}`, reason: answered.refusalDetail ?? "", details: { problems: answered.problems.map((p) => ({ ...p })) } }])
      .recordEvents([planRefused(agreement, answered)]);
  }
  await writes.flush();
}

/** The project's case completed in routing: its agreement is fulfilled. */
export async function fulfilByCase(tx: TransactionSql, deps: Pick<AgreementDeps, "region" | "now">, caseId: string): Promise<void> {
  const agreement = await findAgreementOf(tx, deps.region, { caseId });
  if (!agreement || agreement.status !== "active") return;
  const fulfilled = fulfilAgreement(agreement, deps.now());
  if (!fulfilled.ok) return;
  await new WriteSet(tx)
    .add(updateAgreementSql(tx, fulfilled.value))
    .appendLedger([{ region: deps.region, chainId: agreementChain(agreement.id), actor: "system:routing", action: "agreement.fulfilled", from: "active", to: "fulfilled", details: { caseId } }])
    .recordEvents([agreementClosed(fulfilled.value)])
    .flush();
}
