import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import type { TransactionSql } from "@steward/platform/db";
import { caseViewOf } from "../clients/case-view.js";
import type { RoutingClients } from "../clients/routing.js";
import { recordProjectFacts } from "../commands/projects.js";
import type { Project } from "../domain/project.js";
import { deriveStage } from "../domain/stage.js";
import { findProject, findProjectByCase } from "../db/projects.js";

/**
 * What other services decide about a project, kept on intake's project: its steward (agreement),
 * its case (agreement's plan accepted by routing) and its stage, derived from the case as routing
 * holds it (GetCase) whenever one of its items changes.
 */
export interface FactsDeps {
  region: string;
  now: () => Date;
  routing: Pick<RoutingClients, "routing"> | undefined;
}

const actor = "system:intake";

async function stageOf(deps: FactsDeps, caseId: string) {
  if (!deps.routing) return undefined;
  const { case: kase } = await deps.routing.routing.getCase({ id: caseId });
  if (!kase) return undefined;
  const view = caseViewOf(kase);
  return deriveStage(view.items, view.completed);
}

async function refresh(tx: TransactionSql, deps: FactsDeps, project: Project, facts: { caseId?: string; steward?: { id: string; name: string } }) {
  const caseId = facts.caseId ?? project.caseId;
  const stage = caseId ? await stageOf(deps, caseId) : undefined;
  await recordProjectFacts(tx, deps, project, { ...facts, ...(stage ? { stage } : {}) }, actor);
}

export const stewardAssignedConsumer = { durable: "intake-steward-assigned", eventTypes: [eventTypes.stewardAssigned] };

export const recordSteward =
  (deps: FactsDeps): EventHandler =>
  async (tx, event) => {
    const assigned = payloadOf(event, "stewardAssigned");
    const project = assigned ? await findProject(tx, event.region, assigned.projectId, true) : undefined;
    if (!assigned || !project) return;
    await recordProjectFacts(tx, deps, project, { steward: { id: assigned.stewardId, name: assigned.stewardName } }, actor);
  };

export const planAcceptedConsumer = { durable: "intake-plan-accepted", eventTypes: [eventTypes.planAccepted] };

export const recordCase =
  (deps: FactsDeps): EventHandler =>
  async (tx, event) => {
    const accepted = payloadOf(event, "planAccepted");
    const project = accepted ? await findProject(tx, event.region, accepted.projectId, true) : undefined;
    if (!accepted || !project) return;
    await refresh(tx, deps, project, { caseId: accepted.caseId });
  };

export const caseProgressConsumer = {
  durable: "intake-case-progress",
  eventTypes: [eventTypes.itemAccepted, eventTypes.itemDecided, eventTypes.itemTransitioned, eventTypes.itemRouted, eventTypes.caseCompleted],
};

/** A change of one of the case's items may move the project's stage. */
export const refreshStage =
  (deps: FactsDeps): EventHandler =>
  async (tx, event) => {
    const payload = event.payload;
    const caseId = payload && "caseId" in payload.value ? (payload.value as { caseId: string }).caseId : undefined;
    // Items of a case this region's projects do not know (yet: the plan's acceptance comes next) are skipped.
    const project = caseId ? await findProjectByCase(tx, event.region, caseId) : undefined;
    if (!project) return;
    await refresh(tx, deps, project, {});
  };
