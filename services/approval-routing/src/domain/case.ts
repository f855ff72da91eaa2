import { randomUUID } from "node:crypto";
import type { FieldViolation } from "@steward/platform/errors";
import { requestDigest } from "@steward/platform/idempotency";
import { civilDateOf, deadlineFor, isCivilDate, type Deadline, type HolidaySchedule } from "@steward/calendar";
import type { CaseItem, ItemTerms } from "./case-item.js";
import { finalStates, satisfiedStates } from "./item-state.js";

export type { CaseItem } from "./case-item.js";
export type CaseStatus = "open" | "completed";

/** A case: one approved plan (and its revisions) driven through the departments. */
export interface Case {
  id: string;
  region: string;
  planId: string;
  planVersion: number;
  projectId: string;
  projectName: string;
  status: CaseStatus;
  /** Unified social credit code of the project's enterprise (unknown for cases opened before it was required). */
  creditCode?: string;
  /** Prerequisites the latest plan version declared satisfied outside the plan. */
  satisfiedPrerequisites: SatisfiedPrerequisite[];
  /** City side: the county case this forwarded copy serves; it never completes on its own. */
  forwardedFrom?: { region: string; caseId: string };
  /** How many times the case completed; more than one after a reopening. */
  completions: number;
  /** Every item of every attempt, in creation order: nothing is forgotten by a revision. */
  items: CaseItem[];
  createdAt: Date;
  completedAt?: Date;
}

/**
 * A prerequisite of a planned item that the plan leaves out because it was approved before the
 * plan: the approval's document reference (批文号) and date stand for it in the case.
 */
export interface SatisfiedPrerequisite {
  itemCode: string;
  documentRef: string;
  approvedOn: string;
}

/**
 * What an item is for, shown beside it to departments: its case's project and the plan version the
 * case works to now (the item itself belongs to no one version: revisions add and cancel items).
 */
export type CaseContext = Pick<Case, "projectId" | "projectName" | "planVersion">;

/** An item with its case's context, as the department gateway shows it. */
export interface ItemInCase {
  item: CaseItem;
  context: CaseContext;
}

export interface PlanSubmission {
  planId: string;
  planVersion: number;
  projectId: string;
  projectName: string;
  creditCode: string;
  items: { itemCode: string; departmentCode: string }[];
  satisfiedPrerequisites: SatisfiedPrerequisite[];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const code = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/**
 * The shape of a unified social credit code (GB 32100-2015): 18 characters of the standard's
 * alphabet (digits and capitals without I, O, S, V, Z). Intake checks the check character when the
 * project is registered; routing only needs a well-formed key to follow the enterprise by.
 */
const creditCode = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** True for a well-formed unified social credit code (see `creditCode`). */
export const isCreditCode = (value: string): boolean => creditCode.test(value);
export const maxPlanItems = 200;

export function validateSubmission(plan: PlanSubmission): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!uuid.test(plan.planId)) violations.push({ field: "plan_id", description: "must be a UUID" });
  if (!(plan.planVersion > 0)) violations.push({ field: "plan_version", description: "must be a positive version" });
  if (!uuid.test(plan.projectId)) violations.push({ field: "project_id", description: "must be a UUID" });
  if (!plan.projectName.trim()) violations.push({ field: "project_name", description: "must not be empty" });
  if (plan.items.length === 0) violations.push({ field: "items", description: "a plan needs at least one item" });
  if (plan.items.length > maxPlanItems) violations.push({ field: "items", description: `a plan holds at most ${maxPlanItems} items` });
  if (!isCreditCode(plan.creditCode)) violations.push({ field: "credit_code", description: "must be the enterprise's 18-character unified social credit code" });
  const seen = new Set<string>();
  plan.items.forEach((item, index) => {
    if (!code.test(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: "must be a catalogue item code" });
    if (!code.test(item.departmentCode)) violations.push({ field: `items[${index}].department_code`, description: "must be a department code" });
    if (seen.has(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: `item ${item.itemCode} appears twice` });
    seen.add(item.itemCode);
  });
  if (plan.satisfiedPrerequisites.length > maxPlanItems) violations.push({ field: "satisfied_prerequisites", description: `holds at most ${maxPlanItems} entries` });
  const declared = new Set<string>();
  plan.satisfiedPrerequisites.forEach((prerequisite, index) => {
    const at = `satisfied_prerequisites[${index}]`;
    if (!code.test(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: "must be a catalogue item code" });
    else if (declared.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is declared twice` });
    else if (seen.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is in the plan; it cannot also be declared satisfied` });
    declared.add(prerequisite.itemCode);
    if (!prerequisite.documentRef.trim() || prerequisite.documentRef.length > 200) {
      violations.push({ field: `${at}.document_ref`, description: "must be the approval's document reference (批文号), 1-200 characters" });
    }
    if (!isCivilDate(prerequisite.approvedOn)) violations.push({ field: `${at}.approved_on`, description: "must be the approval's date, YYYY-MM-DD" });
  });
  return violations;
}

/**
 * A plan either holds every prerequisite of its items or declares it satisfied, with the approval's
 * 批文号 and date (not after `today`). A prerequisite left out without either used to count as done,
 * so a 竣工验收 item was routed on day one. Declarations must be of catalogue items some planned
 * item requires, so that the case records only what stands for a real prerequisite. Conditional
 * prerequisites (some projects only) are not asked for: leaving one out says the project needs none.
 */
export function checkPrerequisites(plan: PlanSubmission, catalogue: Map<string, CatalogueTerms>, today: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const planned = new Set(plan.items.map((item) => item.itemCode));
  const declared = new Set(plan.satisfiedPrerequisites.map((prerequisite) => prerequisite.itemCode));
  const required = new Set<string>();
  plan.items.forEach((item, index) => {
    const terms = catalogue.get(item.itemCode);
    // A conditional prerequisite approved before the plan may be declared too (its 批文号 is kept).
    for (const prerequisite of terms?.conditionalPrerequisites ?? []) required.add(prerequisite);
    const missing = (terms?.prerequisites ?? []).filter((prerequisite) => {
      required.add(prerequisite);
      return !planned.has(prerequisite) && !declared.has(prerequisite);
    });
    if (missing.length > 0) {
      violations.push({
        field: `items[${index}].item_code`,
        description: `${item.itemCode} requires ${missing.join(", ")}: add ${missing.length > 1 ? "them" : "it"} to the plan, or declare ${missing.length > 1 ? "them" : "it"} in satisfied_prerequisites with the approval's 批文号 and date`,
      });
    }
  });
  plan.satisfiedPrerequisites.forEach((prerequisite, index) => {
    const at = `satisfied_prerequisites[${index}]`;
    if (!catalogue.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is not in the item catalogue` });
    else if (!required.has(prerequisite.itemCode)) violations.push({ field: `${at}.item_code`, description: `${prerequisite.itemCode} is not a prerequisite of any planned item` });
    if (isCivilDate(prerequisite.approvedOn) && prerequisite.approvedOn > today) {
      violations.push({ field: `${at}.approved_on`, description: `${prerequisite.approvedOn} is after today (${today}); declare only approvals already given` });
    }
  });
  return violations;
}

/**
 * What a plan version's id and number are bound to (SubmitPlan is idempotent by them): the
 * project, its enterprise, the items and the prerequisites declared satisfied, in code order. A
 * second submission of the version with other content is a different request under the same key.
 */
export function submissionDigest(plan: PlanSubmission): Buffer {
  const byCode = (a: { itemCode: string }, b: { itemCode: string }) => (a.itemCode < b.itemCode ? -1 : a.itemCode > b.itemCode ? 1 : 0);
  return requestDigest("steward.routing.v1.RoutingService/SubmitPlan", {
    projectId: plan.projectId,
    projectName: plan.projectName,
    creditCode: plan.creditCode,
    items: [...plan.items].sort(byCode),
    satisfiedPrerequisites: [...plan.satisfiedPrerequisites].sort(byCode),
  });
}

/** What the catalogue knows of an item code, as plan validation needs it. */
export type CatalogueTerms = ItemTerms & { departmentCode: string };

/** Every planned item must be in the catalogue, assigned to the department the catalogue names. */
export function checkAgainstCatalogue(items: PlanSubmission["items"], catalogue: Map<string, CatalogueTerms>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  items.forEach((item, index) => {
    const terms = catalogue.get(item.itemCode);
    if (terms === undefined) {
      violations.push({ field: `items[${index}].item_code`, description: `${item.itemCode} is not in the item catalogue` });
    } else if (terms.departmentCode !== item.departmentCode) {
      violations.push({ field: `items[${index}].department_code`, description: `${item.itemCode} is handled by ${terms.departmentCode}, not ${item.departmentCode}` });
    }
  });
  return violations;
}

/** The item of each code that the case is working with now: its latest attempt. */
export function currentItems(items: CaseItem[]): Map<string, CaseItem> {
  const current = new Map<string, CaseItem>();
  for (const item of items) {
    const known = current.get(item.itemCode);
    if (!known || item.attempt > known.attempt) current.set(item.itemCode, item);
  }
  return current;
}

/**
 * Items ready to go to their departments: planned, with every prerequisite either approved in the
 * case or declared satisfied outside it (`satisfied`, by 批文号) — one that is neither (not planned,
 * or cancelled) holds the item back: it is not done — and every conditional prerequisite the case
 * holds approved. All of a stage's ready items go together: this is 并联审批.
 */
export function routableItems(items: CaseItem[], satisfied: ReadonlySet<string>): CaseItem[] {
  const current = currentItems(items);
  const done = (code: string) => {
    const needed = current.get(code);
    return needed ? satisfiedStates.has(needed.state) || (needed.state === "cancelled" && satisfied.has(code)) : satisfied.has(code);
  };
  const doneIfPlanned = (code: string) => {
    const needed = current.get(code);
    return !needed || needed.state === "cancelled" || satisfiedStates.has(needed.state);
  };
  return [...current.values()].filter((item) => item.state === "planned" && item.prerequisites.every(done) && item.conditionalPrerequisites.every(doneIfPlanned));
}

/** A case is complete when every item it still works with is approved or cancelled, and one is approved. */
export function isComplete(items: CaseItem[]): boolean {
  const current = [...currentItems(items).values()];
  return current.some((item) => item.state === "approved") && current.every((item) => item.state === "approved" || item.state === "cancelled");
}

export function newItem(caseId: string, region: string, itemCode: string, terms: CatalogueTerms, attempt: number, now: Date): CaseItem {
  const { departmentCode, ...itemTerms } = terms;
  return {
    ...itemTerms,
    id: randomUUID(),
    caseId,
    region,
    itemCode,
    attempt,
    departmentCode,
    state: "planned",
    deemedAccepted: false,
    receipts: [],
    supplementRounds: 0,
    extensionWorkingDays: 0,
    outstandingMaterials: [],
    verificationOpen: false,
    pauses: [],
    updatedAt: now,
  };
}

export function openCase(region: string, plan: PlanSubmission, catalogue: Map<string, CatalogueTerms>, now = new Date()): Case {
  const id = randomUUID();
  return {
    id,
    region,
    planId: plan.planId,
    planVersion: plan.planVersion,
    projectId: plan.projectId,
    projectName: plan.projectName,
    status: "open",
    creditCode: plan.creditCode,
    satisfiedPrerequisites: plan.satisfiedPrerequisites,
    completions: 0,
    createdAt: now,
    items: plan.items.map((item) => newItem(id, region, item.itemCode, catalogue.get(item.itemCode)!, 1, now)),
  };
}

export interface Revision {
  added: CaseItem[];
  cancelled: CaseItem[];
}

/**
 * What a new plan version changes: items it adds (a new attempt where an earlier one ended without
 * approval) and items it drops, which are cancelled unless already approved. History stays.
 */
export function reviseCase(kase: Case, plan: PlanSubmission, catalogue: Map<string, CatalogueTerms>, now = new Date()): Revision {
  const current = currentItems(kase.items);
  const wanted = new Set(plan.items.map((item) => item.itemCode));
  const added: CaseItem[] = [];
  const superseded: CaseItem[] = [];
  for (const { itemCode } of plan.items) {
    const existing = current.get(itemCode);
    if (existing && !(finalStates.has(existing.state) && existing.state !== "approved") && existing.state !== "returned") continue;
    added.push(newItem(kase.id, kase.region, itemCode, catalogue.get(itemCode)!, (existing?.attempt ?? 0) + 1, now));
    // A returned application is not final; the new attempt replaces it, so it must end.
    if (existing?.state === "returned") superseded.push(existing);
  }
  const cancelled = [...current.values()].filter((item) => !wanted.has(item.itemCode) && !finalStates.has(item.state));
  return { added, cancelled: [...cancelled, ...superseded] };
}

export interface Forecast {
  criticalPath: string[];
  constructionStart?: Deadline;
  operation?: Deadline;
}

const stageOrder = ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收", "准营"];

/**
 * The forecast of a case from committed limits and the calendar: each item finishes when it was
 * approved, or when its committed deadline falls, or — not yet accepted — its committed limit after
 * its last prerequisite finishes (today at the earliest). The critical path is the chain of items
 * that ends last; construction can start when every item up to 施工许可 is done, operation when all are.
 */
export function forecast(kase: Case, schedule: HolidaySchedule, today: string): Forecast {
  const current = currentItems(kase.items);
  const finish = new Map<string, Deadline>();
  const via = new Map<string, string | undefined>();
  const visiting = new Set<string>();
  const finishOf = (code: string): Deadline => {
    const known = finish.get(code);
    if (known) return known;
    const item = current.get(code)!;
    if (visiting.has(code)) return { date: today, provisional: false };
    visiting.add(code);
    let result: Deadline;
    let before: string | undefined;
    if (item.state === "approved") result = { date: civilDateOf(item.updatedAt), provisional: false };
    else if (item.committedDue) result = item.committedDue;
    else {
      let startOn = today;
      let provisional = false;
      for (const prerequisite of [...item.prerequisites, ...item.conditionalPrerequisites]) {
        if (!current.has(prerequisite) || current.get(prerequisite)!.state === "cancelled") continue;
        const done = finishOf(prerequisite);
        if (done.date > startOn) {
          startOn = done.date;
          before = prerequisite;
        }
        provisional ||= done.provisional;
      }
      const due = deadlineFor(item.committedLimit, startOn, schedule);
      result = { date: due.date, provisional: provisional || due.provisional };
    }
    visiting.delete(code);
    finish.set(code, result);
    via.set(code, before);
    return result;
  };
  const live = [...current.values()].filter((item) => item.state !== "cancelled");
  if (live.length === 0) return { criticalPath: [] };
  const latest = (items: CaseItem[]): Deadline | undefined =>
    items.reduce<Deadline | undefined>((max, item) => {
      const done = finishOf(item.itemCode);
      return !max || done.date > max.date ? { date: done.date, provisional: max?.provisional || done.provisional } : { ...max, provisional: max.provisional || done.provisional };
    }, undefined);
  const last = live.reduce((a, b) => (finishOf(b.itemCode).date > finishOf(a.itemCode).date ? b : a));
  const path: string[] = [];
  for (let code: string | undefined = last.itemCode; code; code = via.get(code)) path.unshift(code);
  const building = live.filter((item) => stageOrder.indexOf(item.stage) <= stageOrder.indexOf("施工许可"));
  return { criticalPath: path, constructionStart: latest(building), operation: latest(live) };
}
