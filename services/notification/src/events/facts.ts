import type { TransactionSql } from "postgres";
import { payloadOf, type EventEnvelope } from "@steward/platform/events";
import { recordCase, recordMilestone, renameEnterprise, setLiaison, setSteward, upsertProject } from "../db/directory.js";

/**
 * Keeps notification's projection of who is who up to date from intake's and agreement's events
 * (and the case ids routing's and agreement's events reveal). Returns the cases this event made
 * known, so events parked for them can be planned, and the projects whose profile changed (for
 * policy matching).
 */
export async function applyFacts(tx: TransactionSql, region: string, event: EventEnvelope): Promise<{ casesKnown: string[]; profileChanged: string[] }> {
  const none = { casesKnown: [], profileChanged: [] };
  const payload = event.payload;
  if (!payload) return none;
  switch (payload.$case) {
    case "projectRegistered": {
      const p = payload.value;
      await upsertProject(tx, region, {
        projectId: p.projectId,
        projectName: p.projectName,
        enterpriseId: p.enterpriseId,
        enterpriseName: p.enterpriseName,
        creditCode: p.creditCode,
        divisionCode: p.divisionCode,
        industryChain: p.industryChain,
        keyProject: p.keyProject,
        investmentWanYuan: p.investmentWanYuanExact || (p.investmentWanYuan ? String(p.investmentWanYuan) : ""),
      });
      return { casesKnown: [], profileChanged: [p.projectId] };
    }
    case "projectUpdated": {
      const p = payload.value;
      await upsertProject(tx, region, {
        projectId: p.projectId,
        projectName: p.projectName,
        enterpriseId: p.enterpriseId,
        creditCode: p.creditCode,
        divisionCode: p.divisionCode,
        keyProject: p.keyProject,
        investmentWanYuan: p.investmentWanYuanExact,
        stage: p.stage,
      });
      return { casesKnown: [], profileChanged: [p.projectId] };
    }
    case "enterpriseUpdated":
      if (payload.value.name) await renameEnterprise(tx, region, payload.value.enterpriseId, payload.value.name);
      return none;
    case "agreementDrafted": {
      const a = payload.value;
      await upsertProject(tx, region, { projectId: a.projectId, projectName: a.projectName, enterpriseId: a.enterpriseId, enterpriseName: a.enterpriseName, creditCode: a.creditCode, agreementId: a.agreementId });
      return none;
    }
    case "stewardAssigned":
      await setSteward(tx, region, payload.value.projectId, payload.value.stewardId, payload.value.stewardName);
      return none;
    case "liaisonAssigned": {
      const l = payload.value;
      await setLiaison(tx, region, { projectId: l.projectId, departmentCode: l.departmentCode, departmentName: l.departmentName, liaisonId: l.liaisonId, liaisonName: l.liaisonName });
      return none;
    }
    case "planAccepted":
    case "agreementActivated":
    case "caseCompleted":
      await recordCase(tx, region, payload.value.caseId, payload.value.projectId);
      return { casesKnown: [payload.value.caseId], profileChanged: [] };
    default:
      return none;
  }
}

/** Facts that need the case's project, applied once it is known: an approved item is a milestone. */
export async function applyCaseFacts(tx: TransactionSql, region: string, event: EventEnvelope): Promise<string[]> {
  const decided = payloadOf(event, "itemDecided");
  if (decided && decided.outcome === "approved") {
    const projectId = await recordMilestone(tx, region, decided.caseId, decided.itemCode, event.occurredAt ?? new Date());
    return projectId ? [projectId] : [];
  }
  return [];
}
