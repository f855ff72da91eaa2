import { routingV1 } from "@steward/proto";
import type { Case, CaseItem } from "../domain/case.js";
import type { ItemState } from "../domain/item-state.js";

const states: Record<ItemState, routingV1.ItemState> = {
  planned: routingV1.ItemState.ITEM_STATE_PLANNED,
  routed: routingV1.ItemState.ITEM_STATE_ROUTED,
  accepted: routingV1.ItemState.ITEM_STATE_ACCEPTED,
  approved: routingV1.ItemState.ITEM_STATE_APPROVED,
  rejected: routingV1.ItemState.ITEM_STATE_REJECTED,
};

export function toItemMessage(item: CaseItem): routingV1.CaseItem {
  return { id: item.id, caseId: item.caseId, itemCode: item.itemCode, departmentCode: item.departmentCode, state: states[item.state], updatedAt: item.updatedAt };
}

export function toCaseMessage(kase: Case): routingV1.Case {
  return {
    id: kase.id,
    region: kase.region,
    planId: kase.planId,
    planVersion: kase.planVersion,
    projectId: kase.projectId,
    projectName: kase.projectName,
    status: kase.status === "completed" ? routingV1.CaseStatus.CASE_STATUS_COMPLETED : routingV1.CaseStatus.CASE_STATUS_OPEN,
    items: kase.items.map(toItemMessage),
    createdAt: kase.createdAt,
    completedAt: kase.completedAt,
  };
}
