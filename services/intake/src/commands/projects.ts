import { WriteSet, transactionResult, type TransactionSql } from "@steward/platform/db";
import { alreadyExists, fail, notFound, ok, type Result } from "@steward/platform/errors";
import { joinCase } from "@steward/platform/telemetry";
import { reachesEnterprise, type Actor } from "../domain/actor.js";
import type { Project } from "../domain/project.js";
import { registerProject, updateProject } from "../domain/project-commands.js";
import type { Stage } from "../domain/stage.js";
import { findEnterpriseByCreditCode, insertEnterpriseSql } from "../db/enterprises.js";
import { lockKey } from "../db/locks.js";
import { findProject, insertProjectSql, projectWithInvestmentCode, projectsOfCreditCode, updateProjectSql } from "../db/projects.js";
import { enterpriseRegistered, projectRegistered, projectUpdated } from "../events/intake-events.js";
import { enterpriseChain, projectChain, type IntakeDeps } from "./deps.js";

const uniqueViolation = "23505";
const field = (input: unknown, name: string) =>
  typeof input === "object" && input !== null && typeof (input as Record<string, unknown>)[name] === "string" ? ((input as Record<string, unknown>)[name] as string) : undefined;

/**
 * Registers a project in one transaction: under the enterprise's lock (so two registrations of one
 * enterprise see each other), the duplicate rules, the enterprise's record when it is new, the
 * project row, both ledger entries and both events; nothing is written on a refusal.
 */
export async function registerProjectCommand(deps: IntakeDeps, input: unknown, actor: Actor): Promise<Result<Project>> {
  try {
    return await transactionResult(deps.sql, async (tx) => {
      const creditCode = field(input, "creditCode") ?? "";
      await lockKey(tx, `${deps.region}:${creditCode}`);
      const state = {
        enterprise: creditCode ? await findEnterpriseByCreditCode(tx, deps.region, creditCode) : undefined,
        enterpriseProjects: creditCode ? await projectsOfCreditCode(tx, deps.region, creditCode) : [],
        investmentCodeHolder: await projectWithInvestmentCode(tx, deps.region, field(input, "investmentCode")),
      };
      const result = registerProject(input, state, { region: deps.region, actor, now: deps.now() });
      if (!result.ok) return result;
      const { project, enterprise, enterpriseCreated } = result.value;
      // The registration is where the project's story begins: its id goes on the request's span.
      joinCase({ projectId: project.id });
      const writes = new WriteSet(tx);
      if (enterpriseCreated) {
        writes
          .add(insertEnterpriseSql(tx, enterprise))
          .appendLedger([{ region: deps.region, chainId: enterpriseChain(enterprise.id), actor: actor.subject, action: "enterprise.registered", to: enterprise.creditCode, reason: "first met on a project's registration" }])
          .recordEvents([enterpriseRegistered(enterprise, "project_registration")]);
      }
      await writes
        .add(insertProjectSql(tx, project))
        .appendLedger([{ region: deps.region, chainId: projectChain(project.id), actor: actor.subject, action: "project.registered", to: project.stage, details: { investmentCode: project.investmentCode ?? "", investmentWanYuan: project.investmentWanYuan, keyProject: project.keyProject } }])
        .recordEvents([projectRegistered(project)])
        .flush();
      return ok(project);
    });
  } catch (error) {
    // Two registrations of one investment code by different enterprises race past the check and meet at the unique index.
    if ((error as { code?: string }).code === uniqueViolation) return fail({ ...alreadyExists("a project with this investment code is already registered"), reason: "INVESTMENT_CODE_TAKEN" });
    throw error;
  }
}

/** Updates a project with its history: old and new values on the project's ledger chain. */
export async function updateProjectCommand(deps: IntakeDeps, id: string, input: unknown, actor: Actor): Promise<Result<Project>> {
  try {
    return await transactionResult(deps.sql, async (tx) => {
      const current = await findProject(tx, deps.region, id, true);
      if (!current || !reachesEnterprise(actor, current.creditCode)) return fail(notFound(`project ${id}`));
      joinCase({ projectId: current.id });
      const result = updateProject(current, input, { investmentCodeHolder: await projectWithInvestmentCode(tx, deps.region, field(input, "investmentCode")) }, { region: deps.region, actor, now: deps.now() });
      if (!result.ok) return result;
      const { project, changes } = result.value;
      if (changes.length === 0) return ok(project);
      await new WriteSet(tx)
        .add(updateProjectSql(tx, project))
        .appendLedger([{ region: deps.region, chainId: projectChain(project.id), actor: actor.subject, action: "project.updated", to: `version ${project.version}`, details: { changes: changes.map((change) => ({ ...change })) } }])
        .recordEvents([projectUpdated(project, changes.map((change) => change.field), actor.subject)])
        .flush();
      return ok(project);
    });
  } catch (error) {
    if ((error as { code?: string }).code === uniqueViolation) return fail({ ...alreadyExists("a project with this investment code is already registered"), reason: "INVESTMENT_CODE_TAKEN" });
    throw error;
  }
}

/** Facts about a project learnt from other services' events: its steward, its case, its stage. */
export interface ProjectFacts {
  steward?: { id: string; name: string };
  caseId?: string;
  stage?: Stage;
}

/**
 * Records what other services decided about a project, in the consumer's transaction; a stage
 * change is the project's own change (ledger and intake.project.updated), the rest is reference.
 */
export async function recordProjectFacts(tx: TransactionSql, deps: Pick<IntakeDeps, "region" | "now">, project: Project, facts: ProjectFacts, actor: string): Promise<Project> {
  // A steward released without a successor comes as an assignment of nobody: the project has none.
  const { stewardId: _id, stewardName: _name, ...withoutSteward } = project;
  const next: Project = {
    ...(facts.steward && !facts.steward.id ? withoutSteward : project),
    ...(facts.steward?.id ? { stewardId: facts.steward.id, stewardName: facts.steward.name } : {}),
    ...(facts.caseId ? { caseId: facts.caseId } : {}),
    ...(facts.stage ? { stage: facts.stage } : {}),
  };
  const stageChanged = facts.stage !== undefined && facts.stage !== project.stage;
  const writes = new WriteSet(tx).add(updateProjectSql(tx, { ...next, ...(stageChanged ? { version: project.version + 1, updatedAt: deps.now() } : {}) }));
  if (stageChanged) {
    const updated = { ...next, version: project.version + 1 };
    writes
      .appendLedger([{ region: deps.region, chainId: projectChain(project.id), actor, action: "project.stage_changed", from: project.stage, to: next.stage }])
      .recordEvents([projectUpdated(updated, ["stage"], actor)]);
  }
  await writes.flush();
  return next;
}
