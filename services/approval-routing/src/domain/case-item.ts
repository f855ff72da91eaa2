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

/** What the catalogue said about the item when it entered the case (later edits do not move a running clock). */
export interface ItemTerms {
  itemName: string;
  stage: string;
  jurisdiction: JurisdictionName;
  prerequisites: string[];
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
  state: ItemState;
  mode?: ProcessingModeName;
  acceptedOn?: string;
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
  verificationOpen: boolean;
  commitmentRef?: string;
  pauses: ItemPause[];
  updatedAt: Date;
}

export function openPause(item: CaseItem): ItemPause | undefined {
  return item.pauses.find((pause) => pause.to === undefined);
}
