import { randomUUID } from "node:crypto";
import type { FieldViolation } from "@steward/platform/errors";
import { civilDateOf, deadlineFor, type Deadline, type HolidaySchedule } from "@steward/calendar";
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
  /** Every item of every attempt, in creation order: nothing is forgotten by a revision. */
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
export const maxPlanItems = 200;

export function validateSubmission(plan: PlanSubmission): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!uuid.test(plan.planId)) violations.push({ field: "plan_id", description: "must be a UUID" });
  if (!(plan.planVersion > 0)) violations.push({ field: "plan_version", description: "must be a positive version" });
  if (!uuid.test(plan.projectId)) violations.push({ field: "project_id", description: "must be a UUID" });
  if (!plan.projectName.trim()) violations.push({ field: "project_name", description: "must not be empty" });
  if (plan.items.length === 0) violations.push({ field: "items", description: "a plan needs at least one item" });
  if (plan.items.length > maxPlanItems) violations.push({ field: "items", description: `a plan holds at most ${maxPlanItems} items` });
  const seen = new Set<string>();
  plan.items.forEach((item, index) => {
    if (!code.test(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: "must be a catalogue item code" });
    if (!code.test(item.departmentCode)) violations.push({ field: `items[${index}].department_code`, description: "must be a department code" });
    if (seen.has(item.itemCode)) violations.push({ field: `items[${index}].item_code`, description: `item ${item.itemCode} appears twice` });
    seen.add(item.itemCode);
  });
  return violations;
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
 * Items ready to go to their departments: planned, with every prerequisite that is part of the
 * case approved. Prerequisites the plan left out (核准 where the project needs none) do not wait.
 * All of a stage's ready items go together: this is 并联审批.
 */
export function routableItems(items: CaseItem[]): CaseItem[] {
  const current = currentItems(items);
  return [...current.values()].filter(
    (item) =>
      item.state === "planned" &&
      item.prerequisites.every((prerequisite) => {
        const needed = current.get(prerequisite);
        return !needed || needed.state === "cancelled" || satisfiedStates.has(needed.state);
      }),
  );
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
      for (const prerequisite of item.prerequisites) {
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
