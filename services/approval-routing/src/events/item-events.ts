import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { CaseItem } from "../domain/case-item.js";
import type { DecisionClock } from "../domain/clock.js";
import type { ItemStep } from "../domain/item-commands.js";

const base = (item: CaseItem) => ({ caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode });

/** The event each recorded step publishes: routed, accepted, supplement requested, decided, or transitioned. */
export function eventForStep(item: CaseItem, step: ItemStep): EventEnvelope | undefined {
  const region = item.region;
  const aggregateId = item.caseId;
  switch (step.action) {
    case "route":
      return newEvent({ region, aggregateId, payload: { $case: "itemRouted", value: base(item) } });
    case "accept":
      return newEvent({
        region,
        aggregateId,
        payload: {
          $case: "itemAccepted",
          value: {
            ...base(item),
            mode: item.mode ?? "normal",
            missingMaterials: item.outstandingMaterials,
            committedDueOn: item.committedDue?.date ?? "",
            deadlineProvisional: item.committedDue?.provisional ?? false,
          },
        },
      });
    case "request_supplement":
    case "return":
      return newEvent({
        region,
        aggregateId,
        payload: {
          $case: "supplementRequested",
          value: { ...base(item), materials: item.outstandingMaterials, reason: step.reason ?? "", dueOn: "" },
        },
      });
    case "approve":
    case "reject":
    case "approve_on_commitment":
      return newEvent({ region, aggregateId, payload: { $case: "itemDecided", value: { ...base(item), outcome: step.to, clock: step.details?.clock as DecisionClock | undefined } } });
    case "start_review":
      return undefined; // part of acceptance: routing.item.accepted says it
    default:
      break;
  }
  return newEvent({
    region,
    aggregateId,
    payload: { $case: "itemTransitioned", value: { ...base(item), action: step.action, fromState: step.from, toState: step.to, reason: step.reason ?? "" } },
  });
}

export function deadlineAlert(item: CaseItem, kind: "itemWarned" | "itemOverdue"): EventEnvelope {
  const value = { ...base(item), committedDueOn: item.committedDue?.date ?? "", deadlineProvisional: item.committedDue?.provisional ?? false };
  return newEvent({
    region: item.region,
    aggregateId: item.caseId,
    payload: kind === "itemWarned" ? { $case: "itemWarned", value } : { $case: "itemOverdue", value },
  });
}
