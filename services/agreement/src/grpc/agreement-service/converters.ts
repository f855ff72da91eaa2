import { agreementV1 } from "@steward/proto";
import type { Agreement, AgreementStatus } from "../../domain/agreement.js";
import type { Plan, PlanStatus } from "../../domain/plan.js";
import type { Steward } from "../../domain/stewards.js";

const statuses: Record<AgreementStatus, agreementV1.AgreementStatus> = {
  draft: agreementV1.AgreementStatus.AGREEMENT_STATUS_DRAFT,
  signed: agreementV1.AgreementStatus.AGREEMENT_STATUS_SIGNED,
  active: agreementV1.AgreementStatus.AGREEMENT_STATUS_ACTIVE,
  fulfilled: agreementV1.AgreementStatus.AGREEMENT_STATUS_FULFILLED,
  terminated: agreementV1.AgreementStatus.AGREEMENT_STATUS_TERMINATED,
  closed: agreementV1.AgreementStatus.AGREEMENT_STATUS_CLOSED,
};

export const statusFromMessage = (status: agreementV1.AgreementStatus): AgreementStatus | undefined =>
  (Object.entries(statuses) as [AgreementStatus, agreementV1.AgreementStatus][]).find(([, value]) => value === status)?.[0];

/** The signatory is a person's name: shown to admins, who keep the signing record. */
export function toAgreementMessage(agreement: Agreement, showSignatory: boolean): agreementV1.Agreement {
  const signing = agreement.signing;
  return {
    id: agreement.id,
    region: agreement.region,
    projectId: agreement.projectId,
    projectName: agreement.projectName,
    status: statuses[agreement.status],
    createdAt: agreement.createdAt,
    signedAt: agreement.signedAt,
    signedBy: agreement.signedBy ?? "",
    enterpriseId: agreement.enterpriseId ?? "",
    enterpriseName: agreement.enterpriseName,
    creditCode: agreement.creditCode,
    keyProject: agreement.keyProject,
    signing: signing
      ? { signedOn: signing.signedOn, serviceCentre: signing.serviceCentre, enterpriseSignatory: showSignatory ? signing.enterpriseSignatory : `${[...signing.enterpriseSignatory][0]}*`, commitments: signing.commitments, signedBy: agreement.signedBy ?? "", signedAt: agreement.signedAt }
      : undefined,
    stewardId: agreement.stewardId ?? "",
    stewardName: agreement.stewardName ?? "",
    caseId: agreement.caseId ?? "",
    closedAt: agreement.closedAt,
    closedReason: agreement.closedReason ?? "",
  };
}

export const toStewardMessage = (steward: Steward): agreementV1.Steward => ({ id: steward.id, name: steward.name, active: steward.active, workload: steward.workload, keyProjectWorkload: steward.keyProjectWorkload });

const planStatuses: Record<PlanStatus, agreementV1.PlanStatus> = {
  in_review: agreementV1.PlanStatus.PLAN_STATUS_IN_REVIEW,
  returned: agreementV1.PlanStatus.PLAN_STATUS_RETURNED,
  reviewed: agreementV1.PlanStatus.PLAN_STATUS_REVIEWED,
  submitted: agreementV1.PlanStatus.PLAN_STATUS_SUBMITTED,
  accepted: agreementV1.PlanStatus.PLAN_STATUS_ACCEPTED,
  refused: agreementV1.PlanStatus.PLAN_STATUS_REFUSED,
  superseded: agreementV1.PlanStatus.PLAN_STATUS_SUPERSEDED,
};

export function toPlanMessage(plan: Plan, departments: ReadonlyMap<string, string> = new Map()): agreementV1.Plan {
  const pending = [...new Set(plan.items.map((item) => item.departmentCode))].filter((code) => !plan.reviews.some((review) => review.departmentCode === code));
  return {
    id: plan.id,
    version: plan.version,
    agreementId: plan.agreementId,
    items: plan.items.map((item) => ({ itemCode: item.itemCode, departmentCode: item.departmentCode, itemName: item.itemName, stage: item.stage, targetDate: item.targetDate ?? "" })),
    approvedAt: plan.approvedAt,
    status: planStatuses[plan.status],
    sourceKind: plan.sourceKind,
    sourceCode: plan.sourceCode,
    sourceName: plan.sourceName,
    draftedBy: plan.draftedBy,
    draftedAt: plan.draftedAt,
    approvedBy: plan.approvedBy ?? "",
    reviews: [
      ...plan.reviews.map((review) => ({ departmentCode: review.departmentCode, departmentName: review.departmentName, liaisonId: review.liaisonId, decision: review.decision, reason: review.reason, reviewedAt: review.reviewedAt })),
      ...pending.map((code) => ({ departmentCode: code, departmentName: departments.get(code) ?? "", liaisonId: "", decision: "pending", reason: "", reviewedAt: undefined })),
    ],
    caseId: plan.caseId ?? "",
    problems: plan.problems,
    refusalDetail: plan.refusalDetail ?? "",
    answeredAt: plan.answeredAt,
  };
}
