import { deriveStage, type Stage } from "./stage.js";

/** A project's case as intake reads it from approval routing. */
export interface CaseView {
  id: string;
  completed: boolean;
  items: CaseItemView[];
}

export interface CaseItemView {
  itemId: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  stage: string;
  /** Routing's state, e.g. "in_review", "returned_for_correction". */
  state: string;
  /** "normal", "tolerant" (容缺) or "commitment" (告知承诺). */
  mode: string;
  committedDueOn?: string;
  dueProvisional: boolean;
  outstandingMaterials: string[];
  supplementDueOn?: string;
  verificationDueOn?: string;
}

/** Something the enterprise must do for an item to move on. */
export interface WaitingOnEnterprise {
  /** "correction" (补正), "tolerant_material" (容缺 material owed) or "commitment_verification" (告知承诺). */
  kind: "correction" | "tolerant_material" | "commitment_verification";
  itemCode: string;
  itemName: string;
  departmentCode: string;
  materials: string[];
  dueOn?: string;
}

const open = new Set(["accepted", "in_review", "resubmitted"]);

/**
 * What waits on the enterprise: items returned for correction (补正: its materials, the clock
 * stopped until they come), materials owed under 容缺 by their deadline, and approvals on
 * commitment (告知承诺) whose verification (审后核查) is still to come.
 */
export function waitingOnEnterprise(kase: CaseView): WaitingOnEnterprise[] {
  const waiting: WaitingOnEnterprise[] = [];
  for (const item of kase.items) {
    const base = { itemCode: item.itemCode, itemName: item.itemName, departmentCode: item.departmentCode };
    if (item.state === "returned_for_correction") {
      waiting.push({ kind: "correction", ...base, materials: item.outstandingMaterials, ...(item.supplementDueOn ? { dueOn: item.supplementDueOn } : {}) });
    } else if (item.mode === "tolerant" && item.outstandingMaterials.length > 0 && (open.has(item.state) || item.state === "suspended")) {
      waiting.push({ kind: "tolerant_material", ...base, materials: item.outstandingMaterials, ...(item.supplementDueOn ? { dueOn: item.supplementDueOn } : {}) });
    } else if (item.mode === "commitment" && item.state === "approved" && item.verificationDueOn) {
      waiting.push({ kind: "commitment_verification", ...base, materials: [], dueOn: item.verificationDueOn });
    }
  }
  return waiting;
}

export interface ProjectProgress {
  caseId: string;
  stage: Stage;
  items: CaseItemView[];
  waitingOnEnterprise: WaitingOnEnterprise[];
}

export function projectProgress(kase: CaseView): ProjectProgress {
  return { caseId: kase.id, stage: deriveStage(kase.items, kase.completed), items: kase.items, waitingOnEnterprise: waitingOnEnterprise(kase) };
}
