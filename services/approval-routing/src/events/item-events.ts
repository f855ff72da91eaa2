import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { CaseItem } from "../domain/case-item.js";
import type { DecisionClock } from "../domain/clock.js";
import type { ItemStep } from "../domain/item-commands.js";

const base = (item: CaseItem) => ({ caseId: item.caseId, itemId: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode });

/**
 * The event each recorded step publishes: routed, accepted, deemed accepted, supplement requested,
 * decided, a verification light, or transitioned.
 */
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
            supplementDueOn: item.supplementDue?.date ?? "",
            supplementDueProvisional: item.supplementDue?.provisional ?? false,
          },
        },
      });
    case "request_supplement":
    case "return": {
      const round = (step.details ?? {}) as { round?: number; followUp?: boolean; receivedOn?: string; noticeDueOn?: string };
      return newEvent({
        region,
        aggregateId,
        payload: {
          $case: "supplementRequested",
          value: {
            ...base(item),
            materials: item.outstandingMaterials,
            reason: step.reason ?? "",
            dueOn: "",
            round: round.round ?? 0,
            followUp: round.followUp ?? false,
            receivedOn: round.receivedOn ?? "",
            noticeDueOn: round.noticeDueOn ?? "",
          },
        },
      });
    }
    case "deem_accept":
      return newEvent({
        region,
        aggregateId,
        payload: {
          $case: "itemDeemedAccepted",
          value: {
            ...base(item),
            receivedOn: item.receivedOn ?? "",
            acceptanceDueOn: item.acceptanceDue?.date ?? "",
            committedDueOn: item.committedDue?.date ?? "",
            deadlineProvisional: item.committedDue?.provisional ?? false,
          },
        },
      });
    case "verification_warned":
    case "verification_overdue": {
      const value = {
        ...base(item),
        commitmentRef: item.commitmentRef ?? "",
        verificationDueOn: item.verificationDue?.date ?? "",
        deadlineProvisional: item.verificationDue?.provisional ?? false,
      };
      return newEvent({
        region,
        aggregateId,
        payload: step.action === "verification_warned" ? { $case: "verificationWarned", value } : { $case: "verificationOverdue", value },
      });
    }
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
