import type { Project } from "../domain/project.js";
import { maskPhone } from "../domain/phone.js";

/** The project as the HTTP API shows it; the contact phone is masked in every response. */
export function toProjectJson(project: Project) {
  return {
    id: project.id,
    region: project.region,
    name: project.name,
    enterpriseName: project.enterpriseName,
    creditCode: project.creditCode,
    investmentCode: project.investmentCode ?? null,
    investmentWanYuan: project.investmentWanYuan,
    industryChain: project.industryChain ?? null,
    contactName: project.contactName,
    contactPhone: maskPhone(project.contactPhone),
    registeredAt: project.registeredAt.toISOString(),
  };
}
