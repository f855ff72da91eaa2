import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Agreement } from "../domain/agreement.js";
import { departmentsOf, type Plan, type PlanItem } from "../domain/plan.js";

/** Agreement's events; each carries the ids and names a notice or a statistic needs. */

const project = (a: Agreement) => ({ agreementId: a.id, projectId: a.projectId, projectName: a.projectName });
const planned = (items: PlanItem[]) => items.map((item) => ({ itemCode: item.itemCode, departmentCode: item.departmentCode, itemName: item.itemName, targetDate: item.targetDate ?? "", stage: item.stage }));

export const agreementDrafted = (a: Agreement): EventEnvelope =>
  newEvent({ region: a.region, aggregateId: a.id, payload: { $case: "agreementDrafted", value: { ...project(a), enterpriseId: a.enterpriseId ?? "", enterpriseName: a.enterpriseName, creditCode: a.creditCode, keyProject: a.keyProject } } });

export const agreementSigned = (a: Agreement): EventEnvelope =>
  newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: {
      $case: "agreementSigned",
      value: {
        ...project(a),
        signedBy: a.signedBy ?? "",
        signedOn: a.signing?.signedOn ?? "",
        enterpriseName: a.enterpriseName,
        creditCode: a.creditCode,
        serviceCentre: a.signing?.serviceCentre ?? "",
        zeroFee: a.signing?.commitments.zeroFee ?? false,
        responseHours: a.signing?.commitments.responseHours ?? 0,
        scope: a.signing?.commitments.scope ?? "",
      },
    },
  });

export const agreementActivated = (a: Agreement, plan: Plan): EventEnvelope =>
  newEvent({ region: a.region, aggregateId: a.id, payload: { $case: "agreementActivated", value: { ...project(a), caseId: a.caseId ?? "", planId: plan.id, stewardId: a.stewardId ?? "" } } });

export const agreementClosed = (a: Agreement): EventEnvelope =>
  newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: { $case: "agreementClosed", value: { ...project(a), outcome: a.status === "fulfilled" ? "fulfilled" : "terminated", reason: a.closedReason ?? "", closedBy: a.closedBy ?? "", caseId: a.caseId ?? "", stewardId: a.stewardId ?? "" } },
  });

export const stewardAssigned = (a: Agreement, previous: { id: string; name: string } | undefined, by: string, note: string, workload: number): EventEnvelope =>
  newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: {
      $case: "stewardAssigned",
      value: { ...project(a), stewardId: a.stewardId ?? "", stewardName: a.stewardName ?? "", previousStewardId: previous?.id ?? "", previousStewardName: previous?.name ?? "", assignedBy: by, note, keyProject: a.keyProject, enterpriseId: a.enterpriseId ?? "", stewardWorkload: workload },
    },
  });

export const liaisonAssigned = (a: Agreement, liaison: { department: string; departmentName: string; liaisonId: string; liaisonName: string; previousId: string }, by: string): EventEnvelope =>
  newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: { $case: "liaisonAssigned", value: { ...project(a), departmentCode: liaison.department, departmentName: liaison.departmentName, liaisonId: liaison.liaisonId, liaisonName: liaison.liaisonName, previousLiaisonId: liaison.previousId, assignedBy: by } },
  });

export const planDrafted = (a: Agreement, plan: Plan): EventEnvelope =>
  newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: {
      $case: "planDrafted",
      value: { planId: plan.id, version: plan.version, ...project(a), sourceKind: plan.sourceKind, sourceCode: plan.sourceCode, sourceName: plan.sourceName, stewardId: a.stewardId ?? "", items: planned(plan.items), departments: departmentsOf(plan.items) },
    },
  });

export const planReviewed = (a: Agreement, plan: Plan, department: string): EventEnvelope => {
  const review = plan.reviews.find((r) => r.departmentCode === department)!;
  return newEvent({
    region: a.region,
    aggregateId: a.id,
    payload: {
      $case: "planReviewed",
      value: { planId: plan.id, version: plan.version, ...project(a), departmentCode: department, departmentName: review.departmentName, liaisonId: review.liaisonId, decision: review.decision, reason: review.reason, stewardId: a.stewardId ?? "", allApproved: plan.status === "reviewed" },
    },
  });
};

export const planApproved = (a: Agreement, plan: Plan): EventEnvelope =>
  newEvent({ region: a.region, aggregateId: a.id, payload: { $case: "planApproved", value: { planId: plan.id, version: plan.version, ...project(a), items: planned(plan.items), approvedBy: plan.approvedBy ?? "", stewardId: a.stewardId ?? "" } } });

export const planAccepted = (a: Agreement, plan: Plan): EventEnvelope =>
  newEvent({ region: a.region, aggregateId: a.id, payload: { $case: "planAccepted", value: { planId: plan.id, version: plan.version, ...project(a), caseId: plan.caseId ?? "", stewardId: a.stewardId ?? "", itemCount: plan.items.length } } });

export const planRefused = (a: Agreement, plan: Plan): EventEnvelope =>
  newEvent({ region: a.region, aggregateId: a.id, payload: { $case: "planRefused", value: { planId: plan.id, version: plan.version, ...project(a), stewardId: a.stewardId ?? "", problems: plan.problems, detail: plan.refusalDetail ?? "" } } });
