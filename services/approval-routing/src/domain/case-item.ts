import type { Deadline, TimeLimit } from "@steward/calendar";
import type { ItemState } from "./item-state.js";

export type ProcessingModeName = "normal" | "tolerant" | "commitment";
export type JurisdictionName = "county" | "city";

/** A period the clock stood or stands still: 补正, a period the law excludes, or a suspension. */
export interface ItemPause {
  kind: string;
  /** First civil date not counted. */
  from: string;
  /** Last civil date not counted; open while the pause lasts. */
  to?: string;
}

/**
 * One receipt of materials by the item's department: the application when the item reached it
 * (whole), or materials received later — a resubmission after 补正 or 容缺 materials supplied.
 * 一次性告知 allows one 补正 round per receipt, within the notice window after it.
 */
export interface MaterialReceipt {
  on: string;
  /** The application as a whole; otherwise only `materials` were received. */
  whole: boolean;
  materials: string[];
  /** The day a 补正 round answered this receipt; none may follow on it. */
  noticedOn?: string;
}

/** What the catalogue said about the item when it entered the case (later edits do not move a running clock). */
export interface ItemTerms {
  itemName: string;
  stage: string;
  jurisdiction: JurisdictionName;
  /** Approvals every project needs first: planned in the case, or declared satisfied by 批文号. */
  prerequisites: string[];
  /** Approvals some projects need first: the item waits for them only when the case holds them. */
  conditionalPrerequisites: string[];
  statutoryLimit: TimeLimit;
  committedLimit: TimeLimit;
  modes: ProcessingModeName[];
  nonCoreMaterials: string[];
  excludedPeriods: string[];
  supplementWorkingDays: number;
  verificationWorkingDays: number;
}

/** One approval item of a case, with its clocks. */
export interface CaseItem extends ItemTerms {
  id: string;
  caseId: string;
  region: string;
  itemCode: string;
  /** 1 for the first application; a plan revision that re-adds a finished item opens attempt 2... */
  attempt: number;
  departmentCode: string;
  /** For an item of city jurisdiction: the region whose departments decide it. */
  handledInRegion?: string;
  /** City side: the county item this one stands for (纵向联动); the county's case owns it. */
  forwardedFrom?: { region: string; itemId: string };
  state: ItemState;
  mode?: ProcessingModeName;
  /** The day the department received the item (it was routed to it): the acceptance window starts. */
  receivedOn?: string;
  /** The last day to accept before the item counts as accepted from `receivedOn`. */
  acceptanceDue?: Deadline;
  /** The acceptance window passed and the item was deemed accepted from `receivedOn`. */
  deemedAccepted: boolean;
  acceptedOn?: string;
  /** Every receipt of materials by the current department, oldest first (一次性告知). */
  receipts: MaterialReceipt[];
  /** 补正 rounds asked so far, first and follow-up. */
  supplementRounds: number;
  statutoryDue?: Deadline;
  committedDue?: Deadline;
  /** Working days the joint meeting added to the committed limit. */
  extensionWorkingDays: number;
  /** The civil date from which the yellow light is due. */
  warnOn?: string;
  warnedAt?: Date;
  overdueAt?: Date;
  outstandingMaterials: string[];
  supplementDue?: Deadline;
  /** 容缺: when a suspended item is returned. */
  returnOn?: Deadline;
  verificationDue?: Deadline;
  /** The civil date from which the verification's yellow light is due. */
  verificationWarnOn?: string;
  verificationWarnedAt?: Date;
  verificationOverdueAt?: Date;
  verificationOpen: boolean;
  commitmentRef?: string;
  pauses: ItemPause[];
  updatedAt: Date;
}

export function openPause(item: CaseItem): ItemPause | undefined {
  return item.pauses.find((pause) => pause.to === undefined);
}
