import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Project } from "../domain/project.js";

/** intake.project.registered; carries no personal data (the contact stays in intake). */
export function projectRegistered(project: Project): EventEnvelope {
  return newEvent({
    region: project.region,
    aggregateId: project.id,
    payload: {
      $case: "projectRegistered",
      value: {
        projectId: project.id,
        projectName: project.name,
        enterpriseName: project.enterpriseName,
        creditCode: project.creditCode,
        investmentCode: project.investmentCode ?? "",
        investmentWanYuan: project.investmentWanYuan,
        industryChain: project.industryChain ?? "",
      },
    },
  });
}
