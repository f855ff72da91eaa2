import { randomUUID } from "node:crypto";
import { fail, failedPrecondition, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";

export type AgreementStatus = "draft" | "signed" | "active" | "fulfilled" | "terminated" | "closed";

/** What the parties committed to when signing (the speech: 零收费, response times, scope). */
export interface Commitments {
  zeroFee: boolean;
  responseHours: number;
  scope: string;
}

export interface SigningRecord {
  signedOn: string;
  serviceCentre: string;
  enterpriseSignatory: string;
  commitments: Commitments;
}

/** An assisted-handling agreement (帮办代办协议) between the service centre and a project. */
export interface Agreement {
  id: string;
  region: string;
  projectId: string;
  projectName: string;
  enterpriseId?: string;
  enterpriseName: string;
  creditCode: string;
  keyProject: boolean;
  status: AgreementStatus;
  createdAt: Date;
  signedAt?: Date;
  signedBy?: string;
  signing?: SigningRecord;
  stewardId?: string;
  stewardName?: string;
  caseId?: string;
  closedAt?: Date;
  closedBy?: string;
  closedReason?: string;
}

export interface ProjectFacts {
  projectId: string;
  projectName: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  keyProject: boolean;
}

export function draftAgreement(region: string, project: ProjectFacts, now: Date): Agreement {
  return {
    id: randomUUID(),
    region,
    projectId: project.projectId,
    projectName: project.projectName,
    ...(project.enterpriseId ? { enterpriseId: project.enterpriseId } : {}),
    enterpriseName: project.enterpriseName,
    creditCode: project.creditCode,
    keyProject: project.keyProject,
    status: "draft",
    createdAt: now,
  };
}

export interface SigningInput {
  signedOn: string;
  serviceCentre: string;
  enterpriseSignatory: string;
  commitments: Commitments | undefined;
}

const civilDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Signing is the promise the speech calls binding: only a draft is signed, once, with its record
 * (the date, the parties, the commitments: zero fee, the steward's response time, the scope).
 */
export function signAgreement(agreement: Agreement, input: SigningInput, signedBy: string, now: Date, today: string): Result<Agreement> {
  const violations: FieldViolation[] = [];
  const signedOn = input.signedOn || today;
  if (!civilDate.test(signedOn)) violations.push({ field: "signed_on", description: "must be a date YYYY-MM-DD" });
  else if (signedOn > today) violations.push({ field: "signed_on", description: "must not be in the future" });
  if (!input.serviceCentre.trim() || input.serviceCentre.length > 100) violations.push({ field: "service_centre", description: "name the service centre that signs (1-100 characters)" });
  if (!input.enterpriseSignatory.trim() || input.enterpriseSignatory.length > 50) violations.push({ field: "enterprise_signatory", description: "name the enterprise's signatory (1-50 characters)" });
  if (!input.commitments) violations.push({ field: "commitments", description: "state the commitments signed" });
  else {
    if (!input.commitments.zeroFee) violations.push({ field: "commitments.zero_fee", description: "assisted handling is free for the enterprise (零收费): must be true" });
    if (!(input.commitments.responseHours >= 1 && input.commitments.responseHours <= 720)) violations.push({ field: "commitments.response_hours", description: "must be 1-720 hours" });
    if (!input.commitments.scope.trim() || input.commitments.scope.length > 500) violations.push({ field: "commitments.scope", description: "state the scope (1-500 characters)" });
  }
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (agreement.status !== "draft") return fail({ ...failedPrecondition(`agreement ${agreement.id} is ${agreement.status}; only a draft can be signed`), reason: "AGREEMENT_STATE_CONFLICT", metadata: { status: agreement.status } });
  return ok({
    ...agreement,
    status: "signed",
    signedAt: now,
    signedBy,
    signing: { signedOn, serviceCentre: input.serviceCentre.trim(), enterpriseSignatory: input.enterpriseSignatory.trim(), commitments: { ...input.commitments!, scope: input.commitments!.scope.trim() } },
  });
}

/** The first plan routing accepted puts the agreement in force; later ones only move its case. */
export function activateAgreement(agreement: Agreement, caseId: string): Agreement {
  if (agreement.status === "signed") return { ...agreement, status: "active", caseId };
  return { ...agreement, caseId };
}

/** The project's case completed: the agreement is fulfilled. */
export function fulfilAgreement(agreement: Agreement, now: Date): Result<Agreement> {
  if (agreement.status !== "active") return fail(failedPrecondition(`agreement ${agreement.id} is ${agreement.status}, not active`));
  return ok({ ...agreement, status: "fulfilled", closedAt: now, closedBy: "system:routing", closedReason: "the project's case completed" });
}

export function terminateAgreement(agreement: Agreement, reason: string, by: string, now: Date): Result<Agreement> {
  if (!reason.trim() || reason.length > 2000) return fail(invalidArgument([{ field: "reason", description: "give the reason for ending the agreement (1-2000 characters)" }]));
  if (agreement.status === "fulfilled" || agreement.status === "terminated" || agreement.status === "closed") {
    return fail({ ...failedPrecondition(`agreement ${agreement.id} has already ended (${agreement.status})`), reason: "AGREEMENT_STATE_CONFLICT", metadata: { status: agreement.status } });
  }
  return ok({ ...agreement, status: "terminated", closedAt: now, closedBy: by, closedReason: reason.trim() });
}

/** Agreements whose projects are served now: a key project among them must always have a steward. */
export const inService = (status: AgreementStatus) => status === "signed" || status === "active";
