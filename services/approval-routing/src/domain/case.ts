import { randomUUID } from "node:crypto";
import { invalidArgument, fail, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import { doneStates, type ItemState } from "./item-state.js";

export interface CaseItem {
  id: string;
  caseId: string;
  itemCode: string;
  departmentCode: string;
  state: ItemState;
  updatedAt: Date;
}

export type CaseStatus = "open" | "completed";

/** A case: one approved plan version being driven through the departments. */
export interface Case {
  id: string;
  region: string;
  planId: string;
  planVersion: number;
  projectId: string;
  projectName: string;
  status: CaseStatus;
  items: CaseItem[];
  createdAt: Date;
  completedAt?: Date;
}

export interface PlanSubmission {
  planId: string;
  planVersion: number;
  projectId: string;
  projectName: string;
  items: { itemCode: string; departmentCode: string }[];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const code = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function validateSubmission(plan: PlanSubmission): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!uuid.test(plan.planId)) violations.push({ field: "plan_id", description: "must be a UUID" });
  if (!(plan.planVersion > 0)) violations.push({ field: "plan_version", description: "must be a positive version" });
  if (!uuid.test(plan.projectId)) violations.push({ field: "project_id", description: "must be a UUID" });
  if (!plan.projectName.trim()) violations.push({ field: "project_name", description: "must not be empty" });
  if (plan.items.length === 0) violations.push({ field: "items", description: "a plan needs at least one item" });
  const seen = new Set<string>();
  plan.items.forEach((item, index) => {
    if (!code.test(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: "must be a catalogue item code" });
    if (!code.test(item.departmentCode)) violations.push({ field: `items[${index}].department_code`, description: "must be a department code" });
    if (seen.has(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: `item ${item.itemCode} appears twice` });
    seen.add(item.itemCode);
  });
  return violations;
}

/**
 * Opens the case of a plan. Every item is routed at once: this skeleton has no prerequisites yet,
 * so all items run in parallel (并联).
 */
export function openCase(region: string, plan: PlanSubmission, now = new Date()): Result<Case> {
  const violations = validateSubmission(plan);
  if (violations.length > 0) return fail(invalidArgument(violations));
  const id = randomUUID();
  return ok({
    id,
    region,
    planId: plan.planId,
    planVersion: plan.planVersion,
    projectId: plan.projectId,
    projectName: plan.projectName,
    status: "open",
    createdAt: now,
    items: plan.items.map((item) => ({ id: randomUUID(), caseId: id, itemCode: item.itemCode, departmentCode: item.departmentCode, state: "routed", updatedAt: now })),
  });
}

/** A case is complete when every item reached a final decision. */
export function isComplete(states: ItemState[]): boolean {
  return states.length > 0 && states.every((state) => doneStates.has(state));
}

/** Every planned item must be in the catalogue, assigned to the department the catalogue names. */
export function checkAgainstCatalogue(items: PlanSubmission["items"], departments: Map<string, string>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  items.forEach((item, index) => {
    const department = departments.get(item.itemCode);
    if (department === undefined) {
      violations.push({ field: `items[${index}].item_code`, description: `${item.itemCode} is not in the item catalogue` });
    } else if (department !== item.departmentCode) {
      violations.push({ field: `items[${index}].department_code`, description: `${item.itemCode} is handled by ${department}, not ${item.departmentCode}` });
    }
  });
  return violations;
}
