import { randomUUID } from "node:crypto";

/** overdue: past its committed deadline; blocked: flagged by the steward; verification_overdue: 审后核查 not recorded by its due date. */
export type EscalationCause = "overdue" | "blocked" | "verification_overdue";

/** An item taken to the region's joint meeting (联席会议). */
export interface Escalation {
  id: string;
  region: string;
  caseId: string;
  itemId: string;
  cause: EscalationCause;
  reason: string;
  status: "open" | "resolved";
  raisedBy: string;
  raisedAt: Date;
  resolution?: string;
  resolutionReason?: string;
  resolvedBy?: string;
  resolvedAt?: Date;
}

/** What the joint meeting decided, and how it is acted on. */
export type Resolution =
  | { kind: "reassign"; department: string }
  | { kind: "extend"; workingDays: number }
  | { kind: "deem_consent" };

export function raiseEscalation(item: { region: string; caseId: string; id: string }, cause: EscalationCause, reason: string, raisedBy: string, now: Date): Escalation {
  return { id: randomUUID(), region: item.region, caseId: item.caseId, itemId: item.id, cause, reason, status: "open", raisedBy, raisedAt: now };
}

export function describeResolution(resolution: Resolution): string {
  switch (resolution.kind) {
    case "reassign":
      return `reassign to ${resolution.department}`;
    case "extend":
      return `extend by ${resolution.workingDays} working days`;
    case "deem_consent":
      return "deem consent";
  }
}
