import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Agreement } from "../domain/agreement.js";
import type { Plan } from "../domain/plan.js";

export function agreementSigned(agreement: Agreement): EventEnvelope {
  return newEvent({
    region: agreement.region,
    aggregateId: agreement.id,
    payload: { $case: "agreementSigned", value: { agreementId: agreement.id, projectId: agreement.projectId, signedBy: agreement.signedBy ?? "" } },
  });
}

export function planApproved(agreement: Agreement, plan: Plan): EventEnvelope {
  return newEvent({
    region: plan.region,
    aggregateId: agreement.id,
    payload: {
      $case: "planApproved",
      value: {
        planId: plan.id,
        version: plan.version,
        agreementId: agreement.id,
        projectId: agreement.projectId,
        projectName: agreement.projectName,
        items: plan.items.map((item) => ({ itemCode: item.itemCode, departmentCode: item.departmentCode })),
        creditCode: agreement.creditCode,
        satisfiedPrerequisites: plan.satisfiedPrerequisites,
      },
    },
  });
}
