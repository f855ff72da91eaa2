import { randomUUID } from "node:crypto";
import { failedPrecondition, fail, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { Agreement } from "./agreement.js";

export interface PlanItem {
  itemCode: string;
  departmentCode: string;
}

/** An agent plan (代办计划): the approval items the steward will drive for the project. */
export interface Plan {
  id: string;
  region: string;
  agreementId: string;
  version: number;
  items: PlanItem[];
  approvedAt: Date;
  approvedBy: string;
}

const code = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const maxPlanItems = 200;

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

/** The department routing's catalogue names for each item code it holds. */
export type CatalogueDepartments = ReadonlyMap<string, string>;

/**
 * Every item must be in the catalogue, planned for the department the catalogue names: routing
 * would refuse anything else after the plan was approved, where nobody sees it.
 */
export function checkAgainstCatalogue(items: PlanItem[], catalogue: CatalogueDepartments): FieldViolation[] {
  return items.flatMap((item, index): FieldViolation[] => {
    const department = catalogue.get(item.itemCode);
    if (department === undefined) return [{ field: `items[${index}].item_code`, description: `${item.itemCode} is not in the item catalogue` }];
    if (department !== item.departmentCode) return [{ field: `items[${index}].department_code`, description: `${item.itemCode} is handled by ${department}, not ${item.departmentCode}` }];
    return [];
  });
}

/** The plan's identity so far: the first approval creates it, revisions keep its id. */
export interface PlanHead {
  id: string;
  version: number;
}

/**
 * Approves a new version of the agreement's plan: its items well formed and as the catalogue
 * has them, the agreement signed.
 */
export function approvePlan(agreement: Agreement, items: PlanItem[], previous: PlanHead | undefined, approvedBy: string, catalogue: CatalogueDepartments, now = new Date()): Result<Plan> {
  const violations = validatePlanItems(items);
  if (violations.length > 0) return fail(invalidArgument(violations));
  const uncatalogued = checkAgainstCatalogue(items, catalogue);
  if (uncatalogued.length > 0) return fail({ ...invalidArgument(uncatalogued), reason: "PLAN_NOT_IN_CATALOGUE" });
  if (agreement.status !== "signed") {
    return fail(failedPrecondition(`agreement ${agreement.id} is ${agreement.status}; a plan is approved only under a signed agreement`));
  }
  return ok({
    id: previous?.id ?? randomUUID(),
    region: agreement.region,
    agreementId: agreement.id,
    version: (previous?.version ?? 0) + 1,
    items,
    approvedAt: now,
    approvedBy,
  });
}
