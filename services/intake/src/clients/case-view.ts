import { routingV1 } from "@steward/proto";
import type { CaseView } from "../domain/progress.js";

/** "ITEM_STATE_RETURNED_FOR_CORRECTION" → "returned_for_correction". */
const stateName = (state: routingV1.ItemState) => routingV1.itemStateToJSON(state).replace(/^ITEM_STATE_/, "").toLowerCase();
const modes: Partial<Record<routingV1.ProcessingMode, string>> = {
  [routingV1.ProcessingMode.PROCESSING_MODE_NORMAL]: "normal",
  [routingV1.ProcessingMode.PROCESSING_MODE_TOLERANT]: "tolerant",
  [routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT]: "commitment",
};

/** A case as routing answers GetCase, in intake's terms. */
export function caseViewOf(kase: routingV1.Case): CaseView {
  return {
    id: kase.id,
    completed: kase.status === routingV1.CaseStatus.CASE_STATUS_COMPLETED,
    items: kase.items.map((item) => ({
      itemId: item.id,
      itemCode: item.itemCode,
      itemName: item.itemName,
      departmentCode: item.departmentCode,
      stage: item.stage,
      state: stateName(item.state),
      mode: modes[item.mode] ?? "",
      ...(item.clock?.committed?.dueOn ? { committedDueOn: item.clock.committed.dueOn } : {}),
      dueProvisional: item.clock?.committed?.provisional ?? false,
      outstandingMaterials: item.outstandingMaterials,
      ...(item.supplementDue?.dueOn ? { supplementDueOn: item.supplementDue.dueOn } : {}),
      ...(item.verificationDue?.dueOn ? { verificationDueOn: item.verificationDue.dueOn } : {}),
    })),
  };
}
