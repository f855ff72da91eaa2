import { routingV1 } from "@steward/proto";
import type { Deadline, HolidaySchedule } from "@steward/calendar";
import type { Case } from "../domain/case.js";
import type { Forecast } from "../domain/case.js";
import type { CaseItem, ProcessingModeName } from "../domain/case-item.js";
import { openPause } from "../domain/case-item.js";
import { elapsedWorkingDays } from "../domain/clock.js";
import type { ItemState } from "../domain/item-state.js";

const states: Record<ItemState, routingV1.ItemState> = {
  planned: routingV1.ItemState.ITEM_STATE_PLANNED,
  routed: routingV1.ItemState.ITEM_STATE_ROUTED,
  accepted: routingV1.ItemState.ITEM_STATE_ACCEPTED,
  in_review: routingV1.ItemState.ITEM_STATE_IN_REVIEW,
  returned_for_correction: routingV1.ItemState.ITEM_STATE_RETURNED_FOR_CORRECTION,
  resubmitted: routingV1.ItemState.ITEM_STATE_RESUBMITTED,
  suspended: routingV1.ItemState.ITEM_STATE_SUSPENDED,
  returned: routingV1.ItemState.ITEM_STATE_RETURNED,
  approved: routingV1.ItemState.ITEM_STATE_APPROVED,
  rejected: routingV1.ItemState.ITEM_STATE_REJECTED,
  cancelled: routingV1.ItemState.ITEM_STATE_CANCELLED,
  revoked: routingV1.ItemState.ITEM_STATE_REVOKED,
};

export const itemStateToMessage = (state: ItemState): routingV1.ItemState => states[state];

export const itemStateFromMessage = (state: routingV1.ItemState): ItemState | undefined =>
  (Object.entries(states).find(([, value]) => value === state)?.[0] as ItemState | undefined) ?? undefined;

const modes: Record<ProcessingModeName, routingV1.ProcessingMode> = {
  normal: routingV1.ProcessingMode.PROCESSING_MODE_NORMAL,
  tolerant: routingV1.ProcessingMode.PROCESSING_MODE_TOLERANT,
  commitment: routingV1.ProcessingMode.PROCESSING_MODE_COMMITMENT,
};

export function modeFromMessage(mode: routingV1.ProcessingMode): ProcessingModeName | undefined {
  return (Object.entries(modes).find(([, value]) => value === mode)?.[0] as ProcessingModeName | undefined) ?? undefined;
}

const deadline = (value: Deadline | undefined): routingV1.Deadline | undefined => (value ? { dueOn: value.date, provisional: value.provisional } : undefined);

export interface ClockView {
  schedule: HolidaySchedule;
  today: string;
}

export function toItemMessage(item: CaseItem, view?: ClockView): routingV1.CaseItem {
  const pause = openPause(item);
  return {
    id: item.id,
    caseId: item.caseId,
    itemCode: item.itemCode,
    departmentCode: item.departmentCode,
    state: states[item.state],
    updatedAt: item.updatedAt,
    itemName: item.itemName,
    stage: item.stage,
    mode: item.mode ? modes[item.mode] : routingV1.ProcessingMode.PROCESSING_MODE_UNSPECIFIED,
    prerequisites: item.prerequisites,
    clock: item.acceptedOn
      ? {
          statutory: deadline(item.statutoryDue),
          committed: deadline(item.committedDue),
          elapsedWorkingDays: view ? elapsedWorkingDays(item, view.schedule, view.today) : 0,
          paused: pause !== undefined,
          pauseKind: pause?.kind ?? "",
          warnedAt: item.warnedAt,
          overdueAt: item.overdueAt,
        }
      : undefined,
    outstandingMaterials: item.outstandingMaterials,
    supplementDue: deadline(item.supplementDue),
    verificationDue: item.verificationOpen ? deadline(item.verificationDue) : undefined,
    jurisdiction: item.jurisdiction === "city" ? routingV1.Jurisdiction.JURISDICTION_CITY : routingV1.Jurisdiction.JURISDICTION_COUNTY,
    handledInRegion: item.handledInRegion ?? "",
  };
}

export function toCaseMessage(kase: Case, view?: ClockView, forecast?: Forecast): routingV1.Case {
  return {
    id: kase.id,
    region: kase.region,
    planId: kase.planId,
    planVersion: kase.planVersion,
    projectId: kase.projectId,
    projectName: kase.projectName,
    status: kase.status === "completed" ? routingV1.CaseStatus.CASE_STATUS_COMPLETED : routingV1.CaseStatus.CASE_STATUS_OPEN,
    items: kase.items.map((item) => toItemMessage(item, view)),
    createdAt: kase.createdAt,
    completedAt: kase.completedAt,
    criticalPath: forecast?.criticalPath ?? [],
    forecastConstructionStart: deadline(forecast?.constructionStart),
    forecastOperation: deadline(forecast?.operation),
  };
}
