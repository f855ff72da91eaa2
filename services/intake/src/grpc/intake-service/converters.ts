import type { intakeV1 } from "@steward/proto";
import type { Project } from "../../domain/project.js";

export function toProjectMessage(project: Project): intakeV1.Project {
  return {
    id: project.id,
    region: project.region,
    name: project.name,
    enterpriseName: project.enterpriseName,
    creditCode: project.creditCode,
    investmentCode: project.investmentCode ?? "",
    investmentWanYuan: project.investmentWanYuan,
    industryChain: project.industryChain ?? "",
    registeredAt: project.registeredAt,
  };
}
