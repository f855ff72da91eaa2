import type { intakeV1 } from "@steward/proto";
import { wholeWanYuan } from "../../domain/investment.js";
import type { Project } from "../../domain/project.js";

export function toProjectMessage(project: Project): intakeV1.Project {
  return {
    id: project.id,
    region: project.region,
    name: project.name,
    enterpriseName: project.enterpriseName,
    creditCode: project.creditCode,
    investmentCode: project.investmentCode ?? "",
    investmentWanYuan: wholeWanYuan(project.investmentWanYuan),
    investmentWanYuanExact: project.investmentWanYuan,
    industryChain: project.industryChain ?? "",
    registeredAt: project.registeredAt,
    enterpriseId: project.enterpriseId,
    keyProject: project.keyProject,
    divisionCode: project.divisionCode ?? "",
    stage: project.stage,
    stewardId: project.stewardId ?? "",
    caseId: project.caseId ?? "",
  };
}

/** The gRPC request as the registration command's input (the same field rules as over HTTP). */
export function registrationInput(request: intakeV1.RegisterProjectRequest): Record<string, unknown> {
  return {
    name: request.name,
    enterpriseName: request.enterpriseName,
    creditCode: request.creditCode,
    investmentCode: request.investmentCode,
    investmentWanYuan: request.investmentWanYuanExact || request.investmentWanYuan,
    ...(request.industryChain ? { industryChain: request.industryChain } : {}),
    contactName: request.contactName,
    contactPhone: request.contactPhone,
    ...(request.keyProject ? { keyProject: true } : {}),
    ...(request.divisionCode ? { divisionCode: request.divisionCode } : {}),
  };
}
