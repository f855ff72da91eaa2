import { randomUUID } from "node:crypto";
import { fail, failedPrecondition, invalidArgument, ok, type FieldViolation, type Result } from "@steward/platform/errors";
import type { Agreement } from "./agreement.js";

/**
 * The agent plan (代办计划): the approval items the steward drives for the project, drafted from an
 * industry chain or a 一件事一次办 bundle of routing's catalogue (or item by item), each with the
 * target date agreed with the enterprise; every department's liaison reviews its items (approve,
 * or return with a reason) before the steward approves the version, which is then submitted to
 * routing; routing's answer (the case, or the problems) is the version's status. Versions are kept.
 */
export interface PlanItem {
  itemCode: string;
  departmentCode: string;
  itemName: string;
  stage: string;
  targetDate?: string;
}

export type PlanStatus = "in_review" | "returned" | "reviewed" | "submitted" | "accepted" | "refused" | "superseded";

export interface Review {
  departmentCode: string;
  departmentName: string;
  liaisonId: string;
  decision: "approved" | "returned";
  reason: string;
  reviewedAt: Date;
}

export interface PlanProblem {
  field: string;
  description: string;
}

export interface Plan {
  id: string;
  region: string;
  agreementId: string;
  version: number;
  items: PlanItem[];
  status: PlanStatus;
  sourceKind: "industry_chain" | "bundle" | "items";
  sourceCode: string;
  sourceName: string;
  draftedBy: string;
  draftedAt: Date;
  approvedBy?: string;
  approvedAt?: Date;
  reviews: Review[];
  caseId?: string;
  problems: PlanProblem[];
  refusalDetail?: string;
  answeredAt?: Date;
}

/** Routing's catalogue as the plan needs it (read over CatalogueService). */
export interface Catalogue {
  items: ReadonlyMap<string, { code: string; name: string; departmentCode: string; stage: string }>;
  selections: readonly { code: string; name: string; kind: string; itemCodes: readonly string[] }[];
  departments: ReadonlyMap<string, string>;
}

export interface DraftInput {
  selectionCode: string;
  items: { itemCode: string; departmentCode: string }[];
  targetDates: Record<string, string>;
  excludedItemCodes: string[];
}

export const maxPlanItems = 200;
const civilDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The departments whose liaisons review a plan. */
export const departmentsOf = (items: readonly PlanItem[]) => [...new Set(items.map((item) => item.departmentCode))].sort();

export interface Drafted {
  plan: Plan;
  /** The unapproved version this one replaces. */
  superseded?: Plan;
}

export function draftPlan(agreement: Agreement, latest: Plan | undefined, catalogue: Catalogue, input: DraftInput, context: { actor: string; now: Date; today: string }): Result<Drafted> {
  const violations: FieldViolation[] = [];
  const selection = input.selectionCode ? catalogue.selections.find((candidate) => candidate.code === input.selectionCode) : undefined;
  if (input.selectionCode && !selection) violations.push({ field: "selection_code", description: `${input.selectionCode} is not an industry chain or bundle of the catalogue` });
  if (!input.selectionCode && input.items.length === 0) violations.push({ field: "selection_code", description: "choose a chain or bundle, or list items" });
  input.excludedItemCodes.forEach((code, index) => {
    if (!selection?.itemCodes.includes(code)) violations.push({ field: `excluded_item_codes[${index}]`, description: `${code} is not in the chosen selection` });
  });
  const chosen: PlanItem[] = [];
  const seen = new Set<string>();
  const add = (code: string, department: string, field: string) => {
    const item = catalogue.items.get(code);
    if (!item) return violations.push({ field: `${field}.item_code`, description: `${code || "(empty)"} is not in the item catalogue` });
    if (department && department !== item.departmentCode) return violations.push({ field: `${field}.department_code`, description: `${code} is handled by ${item.departmentCode}` });
    if (seen.has(code)) return violations.push({ field: `${field}.item_code`, description: `${code} appears twice` });
    seen.add(code);
    chosen.push({ itemCode: code, departmentCode: item.departmentCode, itemName: item.name, stage: item.stage });
  };
  for (const code of selection?.itemCodes ?? []) if (!input.excludedItemCodes.includes(code)) add(code, "", `selection ${selection!.code}`);
  input.items.forEach((item, index) => add(item.itemCode, item.departmentCode, `items[${index}]`));
  if (chosen.length > maxPlanItems) violations.push({ field: "items", description: `a plan holds at most ${maxPlanItems} items` });
  for (const [code, date] of Object.entries(input.targetDates)) {
    const field = `target_dates[${code}]`;
    if (!seen.has(code)) violations.push({ field, description: `${code} is not an item of this plan` });
    else if (!civilDate.test(date)) violations.push({ field, description: "must be a date YYYY-MM-DD" });
    else if (date < context.today) violations.push({ field, description: "must not be in the past" });
  }
  if (violations.length > 0) return fail(invalidArgument(violations));
  if (agreement.status !== "signed" && agreement.status !== "active") {
    return fail({ ...failedPrecondition(`agreement ${agreement.id} is ${agreement.status}; a plan is drafted under a signed agreement`), reason: "AGREEMENT_STATE_CONFLICT", metadata: { status: agreement.status } });
  }
  if (latest?.status === "submitted") return fail({ ...failedPrecondition(`version ${latest.version} awaits routing's answer`), reason: "PLAN_AWAITING_ROUTING" });
  const plan: Plan = {
    id: latest?.id ?? randomUUID(),
    region: agreement.region,
    agreementId: agreement.id,
    version: (latest?.version ?? 0) + 1,
    items: chosen.map((item) => ({ ...item, ...(input.targetDates[item.itemCode] ? { targetDate: input.targetDates[item.itemCode] } : {}) })),
    status: "in_review",
    sourceKind: selection ? (selection.kind === "bundle" ? "bundle" : "industry_chain") : "items",
    sourceCode: selection?.code ?? "",
    sourceName: selection?.name ?? "",
    draftedBy: context.actor,
    draftedAt: context.now,
    reviews: [],
    problems: [],
  };
  const replaces = latest && (latest.status === "in_review" || latest.status === "returned" || latest.status === "reviewed") ? { ...latest, status: "superseded" as const } : undefined;
  return ok({ plan, ...(replaces ? { superseded: replaces } : {}) });
}

/** A department's liaison reviews its items of the latest version, while it is in review. */
export function reviewPlan(
  plan: Plan | undefined,
  review: { version: number; department: string; departmentName: string; liaisonId: string; approve: boolean; reason: string },
  now: Date,
): Result<Plan> {
  if (!review.approve && !review.reason.trim()) return fail(invalidArgument([{ field: "reason", description: "a returned plan says why" }]));
  if (review.reason.length > 2000) return fail(invalidArgument([{ field: "reason", description: "must be at most 2000 characters" }]));
  if (!plan || plan.version !== review.version) return fail(invalidArgument([{ field: "version", description: `is not the latest version${plan ? ` (${plan.version})` : ""}` }]));
  if (!departmentsOf(plan.items).includes(review.department)) return fail({ ...failedPrecondition(`version ${plan.version} has no items of ${review.department}`), reason: "NOT_A_PLAN_DEPARTMENT" });
  if (plan.status !== "in_review") return fail({ ...failedPrecondition(`version ${plan.version} is ${plan.status}, not in review`), reason: "PLAN_STATE_CONFLICT", metadata: { status: plan.status } });
  const reviews = [...plan.reviews.filter((r) => r.departmentCode !== review.department), { departmentCode: review.department, departmentName: review.departmentName, liaisonId: review.liaisonId, decision: review.approve ? ("approved" as const) : ("returned" as const), reason: review.reason.trim(), reviewedAt: now }];
  const allApproved = departmentsOf(plan.items).every((department) => reviews.some((r) => r.departmentCode === department && r.decision === "approved"));
  return ok({ ...plan, reviews, status: !review.approve ? "returned" : allApproved ? "reviewed" : "in_review" });
}

/** The steward approves the latest version once every department approved it: it goes to routing. */
export function approvePlan(agreement: Agreement, plan: Plan | undefined, version: number, approvedBy: string, now: Date): Result<Plan> {
  if (!plan || plan.version !== version) return fail(invalidArgument([{ field: "version", description: `is not the latest version${plan ? ` (${plan.version})` : " (no plan is drafted)"}` }]));
  if (agreement.status !== "signed" && agreement.status !== "active") return fail({ ...failedPrecondition(`agreement ${agreement.id} is ${agreement.status}`), reason: "AGREEMENT_STATE_CONFLICT" });
  if (agreement.keyProject && !agreement.stewardId) return fail({ ...failedPrecondition("a key project's plan goes to routing with a steward assigned"), reason: "KEY_PROJECT_NEEDS_STEWARD" });
  if (plan.status !== "reviewed") {
    const pending = departmentsOf(plan.items).filter((department) => !plan.reviews.some((r) => r.departmentCode === department && r.decision === "approved"));
    return fail({ ...failedPrecondition(`version ${plan.version} is ${plan.status}; waiting on ${pending.join(", ") || "nothing"}`), reason: "PLAN_NOT_REVIEWED", metadata: { pending: pending.join(",") } });
  }
  return ok({ ...plan, status: "submitted", approvedBy, approvedAt: now });
}

/** Routing's answer to the submitted version. */
export function recordAnswer(plan: Plan, answer: { caseId: string } | { problems: PlanProblem[]; detail: string }, now: Date): Plan {
  if ("caseId" in answer) return { ...plan, status: "accepted", caseId: answer.caseId, problems: [], answeredAt: now };
  return { ...plan, status: "refused", problems: answer.problems, refusalDetail: answer.detail, answeredAt: now };
}
