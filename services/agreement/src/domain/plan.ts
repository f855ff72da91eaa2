import { randomUUID } from "node:crypto";
import { failedPrecondition, fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { Agreement } from "./agreement.js";

export interface PlanItem {
  itemCode: string;
  departmentCode: string;
}

/**
 * A prerequisite of a planned item the plan leaves out because it was approved before: the
 * approval's document reference (批文号) and date. Approval routing checks that every item's
 * catalogue prerequisites are planned or declared so.
 */
export interface SatisfiedPrerequisite {
  itemCode: string;
  documentRef: string;
  approvedOn: string;
}

/** What a steward approves: the items, and the prerequisites satisfied outside the plan. */
export interface PlanContent {
  items: PlanItem[];
  satisfiedPrerequisites: SatisfiedPrerequisite[];
}

/** An agent plan (代办计划): the approval items the steward will drive for the project. */
export interface Plan {
  id: string;
  region: string;
  agreementId: string;
  version: number;
  items: PlanItem[];
  satisfiedPrerequisites: SatisfiedPrerequisite[];
  approvedAt: Date;
  approvedBy: string;
}

const code = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const maxPlanItems = 200;

/** A real calendar date written YYYY-MM-DD. */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function validatePlan(content: PlanContent): FieldViolation[] {
  const violations = validatePlanItems(content.items);
  const planned = new Set(content.items.map((item) => item.itemCode));
  const declared = new Set<string>();
  content.satisfiedPrerequisites.forEach((prerequisite, index) => {
    const at = `satisfied_prerequisites[${index}]`;
    if (!code.test(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: "must be a catalogue item code" });
    else if (planned.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is in the plan; it cannot also be declared satisfied` });
    else if (declared.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is declared twice` });
    declared.add(prerequisite.itemCode);
    if (!prerequisite.documentRef.trim() || prerequisite.documentRef.length > 200) {
      violations.push({ field: `${at}.document_ref`, description: "must be the approval's document reference (批文号), 1-200 characters" });
    }
    if (!isDate(prerequisite.approvedOn)) violations.push({ field: `${at}.approved_on`, description: "must be the approval's date, YYYY-MM-DD" });
  });
  return violations;
}

export function validatePlanItems(items: PlanItem[]): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (items.length === 0) violations.push({ field: "items", description: "a plan needs at least one item" });
  if (items.length > maxPlanItems) violations.push({ field: "items", description: `a plan holds at most ${maxPlanItems} items` });
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!code.test(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: "must be a catalogue item code" });
    if (!code.test(item.departmentCode)) violations.push({ field: `items[${index}].department_code`, description: "must be a department code" });
    if (seen.has(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: `item ${item.itemCode} appears twice` });
    seen.add(item.itemCode);
  });
  return violations;
}

/** The plan's identity so far: the first approval creates it, revisions keep its id. */
export interface PlanHead {
  id: string;
  version: number;
}

/** Approves a new version of the agreement's plan; the agreement must be signed. */
export function approvePlan(agreement: Agreement, content: PlanContent, previous: PlanHead | undefined, approvedBy: string, now = new Date()): Result<Plan> {
  const violations = validatePlan(content);
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (agreement.status !== "signed") {
    return fail(failedPrecondition(`agreement ${agreement.id} is ${agreement.status}; a plan is approved only under a signed agreement`));
  }
  return ok({
    id: previous?.id ?? randomUUID(),
    region: agreement.region,
    agreementId: agreement.id,
    version: (previous?.version ?? 0) + 1,
    items: content.items,
    satisfiedPrerequisites: content.satisfiedPrerequisites,
    approvedAt: now,
    approvedBy,
  });
}
