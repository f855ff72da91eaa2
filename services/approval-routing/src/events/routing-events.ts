import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Case, CaseItem } from "../domain/case.js";

export function itemRouted(region: string, item: CaseItem): EventEnvelope {
  return newEvent({
    region,
    aggregateId: item.caseId,
    payload: { $case: "itemRouted", value: { caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode } },
  });
}

export function itemDecided(region: string, item: CaseItem): EventEnvelope {
  return newEvent({
    region,
    aggregateId: item.caseId,
    payload: {
      $case: "itemDecided",
      value: { caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, outcome: item.state },
    },
  });
}

export function caseCompleted(kase: Pick<Case, "id" | "region" | "projectId" | "planId" | "projectName">, itemCount: number): EventEnvelope {
  return newEvent({
    region: kase.region,
    aggregateId: kase.id,
    payload: { $case: "caseCompleted", value: { caseId: kase.id, projectId: kase.projectId, planId: kase.planId, projectName: kase.projectName, itemCount } },
  });
}
