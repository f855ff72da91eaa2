import { randomUUID } from "node:crypto";
import { divisionOf, type ProjectRegistration } from "./project-registration.js";
import type { Stage } from "./stage.js";

/** A key project registered for assisted handling, as intake keeps it. */
export interface Project {
  id: string;
  region: string;
  name: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  investmentCode?: string;
  /** Exact decimal of 万元. */
  investmentWanYuan: string;
  industryChain?: string;
  contactName: string;
  contactPhone: string;
  keyProject: boolean;
  divisionCode?: string;
  stage: Stage;
  stewardId?: string;
  stewardName?: string;
  caseId?: string;
  registeredBy: string;
  registeredAt: Date;
  updatedAt: Date;
  version: number;
}

export function newProject(registration: ProjectRegistration, enterpriseId: string, region: string, registeredBy: string, now: Date): Project {
  return {
    id: randomUUID(),
    region,
    name: registration.name,
    enterpriseId,
    enterpriseName: registration.enterpriseName,
    creditCode: registration.creditCode,
    ...(registration.investmentCode ? { investmentCode: registration.investmentCode } : {}),
    investmentWanYuan: registration.investmentWanYuan,
    ...(registration.industryChain ? { industryChain: registration.industryChain } : {}),
    contactName: registration.contactName,
    contactPhone: registration.contactPhone,
    keyProject: registration.keyProject ?? false,
    ...(divisionOf(registration) ? { divisionCode: divisionOf(registration)! } : {}),
    stage: "registered",
    registeredBy,
    registeredAt: now,
    updatedAt: now,
    version: 1,
  };
}

/**
 * The key by which two spellings of one project name find each other: NFKC (full-width to
 * half-width), lower case, without whitespace and punctuation.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}
