import { randomUUID } from "node:crypto";
import type { Deadline } from "@steward/calendar";

export type ConsultationOutcome = "open" | "agreed" | "disagreed" | "deemed_agreed";

/** A department's request for another's opinion; silence past the due date counts as consent. */
export interface Consultation {
  id: string;
  region: string;
  caseId: string;
  itemId: string;
  requestingDepartment: string;
  consultedDepartment: string;
  question: string;
  due: Deadline;
  outcome: ConsultationOutcome;
  answerReason?: string;
}

export function newConsultation(
  item: { region: string; caseId: string; id: string; departmentCode: string },
  consultedDepartment: string,
  question: string,
  due: Deadline,
): Consultation {
  return {
    id: randomUUID(),
    region: item.region,
    caseId: item.caseId,
    itemId: item.id,
    requestingDepartment: item.departmentCode,
    consultedDepartment,
    question,
    due,
    outcome: "open",
  };
}
