import { agreementV1 } from "@steward/proto";
import type { Agreement, AgreementStatus } from "../../domain/agreement.js";
import type { Plan } from "../../domain/plan.js";

const statuses: Record<AgreementStatus, agreementV1.AgreementStatus> = {
  draft: agreementV1.AgreementStatus.AGREEMENT_STATUS_DRAFT,
  signed: agreementV1.AgreementStatus.AGREEMENT_STATUS_SIGNED,
  closed: agreementV1.AgreementStatus.AGREEMENT_STATUS_CLOSED,
};

export function toAgreementMessage(agreement: Agreement): agreementV1.Agreement {
  return {
    id: agreement.id,
    region: agreement.region,
    projectId: agreement.projectId,
    projectName: agreement.projectName,
    status: statuses[agreement.status],
    createdAt: agreement.createdAt,
    signedAt: agreement.signedAt,
    signedBy: agreement.signedBy ?? "",
    creditCode: agreement.creditCode,
  };
}

export function toPlanMessage(plan: Plan): agreementV1.Plan {
  return { id: plan.id, version: plan.version, agreementId: plan.agreementId, items: plan.items, satisfiedPrerequisites: plan.satisfiedPrerequisites, approvedAt: plan.approvedAt };
}
