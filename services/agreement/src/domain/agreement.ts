import { randomUUID } from "node:crypto";
import { failedPrecondition, fail, ok, type Result } from "@steward/platform/errors";

export type AgreementStatus = "draft" | "signed" | "closed";

/** An assisted-handling agreement (帮办代办协议) between the service centre and a project. */
export interface Agreement {
  id: string;
  region: string;
  projectId: string;
  projectName: string;
  /** The enterprise's unified social credit code; absent on agreements drafted before it was kept. */
  creditCode?: string;
  status: AgreementStatus;
  createdAt: Date;
  signedAt?: Date;
  signedBy?: string;
}

export function draftAgreement(region: string, projectId: string, projectName: string, creditCode: string, now = new Date()): Agreement {
  return { id: randomUUID(), region, projectId, projectName, creditCode, status: "draft", createdAt: now };
}

/** Signing is the promise the speech calls binding: only a draft can be signed, and only once. */
export function signAgreement(agreement: Agreement, signedBy: string, now = new Date()): Result<Agreement> {
  if (agreement.status !== "draft") {
    return fail(failedPrecondition(`agreement ${agreement.id} is ${agreement.status}; only a draft can be signed`));
  }
  return ok({ ...agreement, status: "signed", signedAt: now, signedBy });
}
