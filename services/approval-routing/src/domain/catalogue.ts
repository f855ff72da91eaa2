import { z } from "zod";

/**
 * The item catalogue (事项目录): departments, the approval items they handle, industry chains
 * (产业链) and 一件事一次办 bundles. It is data (catalogue/*.json, then the database, edited by city
 * administrators); this module holds its shape and the rules every version must satisfy.
 *
 * Prerequisites come in two kinds. `prerequisites` are approvals every project needs before the
 * item (施工许可 before 竣工验收): a plan holds them, or declares them satisfied with the approval's
 * 批文号 and date. `conditionalPrerequisites` apply to some projects only (消防设计审查 only for
 * 特殊建设工程, 用地预审 after 备案 only for filed projects, 排污许可 after whichever 环评 the
 * project needed): they order two items of a case when its plan holds both, and a plan that leaves
 * one out says the project does not need it.
 */

/** The stages of the construction-project approval reform (国办发〔2019〕11号), then 准营. */
export const stages = ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收", "准营"] as const;
export type Stage = (typeof stages)[number];

/** Position of each stage in the approval sequence: an item never requires one of a later stage. */
export const stageOrder: Readonly<Record<Stage, number>> = Object.freeze(
  Object.fromEntries(stages.map((stage, index) => [stage, index])) as Record<Stage, number>,
);

export const limitUnits = ["working_days", "calendar_days"] as const;
export type LimitUnit = (typeof limitUnits)[number];

/** normal; tolerant = 容缺受理 (non-core materials supplied later); commitment = 告知承诺 (verified afterwards). */
export const processingModes = ["normal", "tolerant", "commitment"] as const;
export type ProcessingModeName = (typeof processingModes)[number];

/**
 * Periods the clock does not count: 行政许可法 §45 (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审)
 * plus the technical review (技术评审/委托评估) and public notice (公示) that item rules exclude.
 */
export const excludedPeriodKinds = [
  "hearing",
  "tender",
  "auction",
  "inspection",
  "testing",
  "quarantine",
  "appraisal",
  "expert_review",
  "technical_review",
  "public_notice",
] as const;
export type ExcludedPeriod = (typeof excludedPeriodKinds)[number];

export const jurisdictions = ["county", "city"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

export const selectionKinds = ["industry_chain", "bundle"] as const;
export type SelectionKind = (typeof selectionKinds)[number];

/** Item and selection codes: the same alphabet plan submissions accept. */
const itemCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "must be 1–64 letters, digits, '.', '_' or '-'");
const departmentCode = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "must be lowercase ascii letters, digits or '_'");
const days = z.number().int().min(0).max(3650);

const limitSchema = z.strictObject({ value: days, unit: z.enum(limitUnits) });
const materialSchema = z.strictObject({ name: z.string().trim().min(1), core: z.boolean() });

export const departmentSchema = z.strictObject({ code: departmentCode, name: z.string().trim().min(1) });

export const catalogueItemSchema = z.strictObject({
  code: itemCode,
  name: z.string().trim().min(1),
  department: departmentCode,
  jurisdiction: z.enum(jurisdictions),
  stage: z.enum(stages),
  statutoryLimit: limitSchema,
  committedLimit: limitSchema,
  modes: z.array(z.enum(processingModes)).min(1),
  materials: z.array(materialSchema).min(1),
  prerequisites: z.array(itemCode),
  /** Prerequisites some projects only need: they order the item when the plan holds them. */
  conditionalPrerequisites: z.array(itemCode).default([]),
  excludedPeriods: z.array(z.enum(excludedPeriodKinds)),
  /** Working days the applicant has to supply missing non-core materials under 容缺; 0 when not offered. */
  supplementWorkingDays: days,
  /** Working days for the post-approval verification (审后核查) under 告知承诺; 0 when not offered. */
  verificationWorkingDays: days,
  /** Where the limits come from; unconfirmed figures are marked (?). */
  source: z.string().trim().min(1),
});

export const selectionSchema = z.strictObject({
  code: itemCode,
  name: z.string().trim().min(1),
  kind: z.enum(selectionKinds),
  items: z.array(itemCode).min(1),
});

/** The catalogue data file. */
export const catalogueSchema = z.strictObject({
  version: z.string().trim().min(1),
  source: z.string().trim().min(1),
  departments: z.array(departmentSchema).min(1),
  items: z.array(catalogueItemSchema).min(1),
  selections: z.array(selectionSchema),
});

export type Limit = z.infer<typeof limitSchema>;
export type Material = z.infer<typeof materialSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export type Selection = z.infer<typeof selectionSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; problems: string[] };

/**
 * Parses and checks a catalogue. Every problem names the item, department or selection at fault;
 * a catalogue with any problem is refused whole.
 */
export function parseCatalogue(input: unknown): CatalogueResult {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: shapeProblems(parsed.error.issues, input) };
  const problems = catalogueProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalogue: parsed.data };
}

/**
 * Problems of adding `item` to `catalogue`, or of replacing the item of the same code: the checks
 * of a whole catalogue, run on the catalogue as it would be after the change. Empty when allowed.
 */
export function validateItemChange(catalogue: Catalogue, item: CatalogueItem): string[] {
  const parsed = catalogueItemSchema.safeParse(item);
  if (!parsed.success) {
    const code = typeof (item as { code?: unknown } | null)?.code === "string" ? (item as { code: string }).code : "?";
    return parsed.error.issues.map((issue) => `item ${code}: ${describeIssue(issue.path, issue.message)}`);
  }
  const index = catalogue.items.findIndex((existing) => existing.code === parsed.data.code);
  const items = index >= 0 ? catalogue.items.map((existing, i) => (i === index ? parsed.data : existing)) : [...catalogue.items, parsed.data];
  return catalogueProblems({ ...catalogue, items });
}

/** An item as ordering sees it: its prerequisites of both kinds. */
interface Ordered {
  code: string;
  prerequisites: readonly string[];
  conditionalPrerequisites?: readonly string[];
}

/** Every item `item` comes after when both are planned: its prerequisites of both kinds. */
export const orderingPrerequisites = (item: Ordered): string[] => [...item.prerequisites, ...(item.conditionalPrerequisites ?? [])];

/**
 * The items ordered so that every item comes after its prerequisites (Kahn's algorithm; ties keep
 * the input order). Prerequisites outside `items` are ignored, so this also orders a case's subset
 * of the catalogue. Throws when the prerequisites form a cycle, which a parsed catalogue never has.
 */
export function topologicalOrder<T extends Ordered>(items: readonly T[]): T[] {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const item of items) {
    const prerequisites = new Set(orderingPrerequisites(item).filter((code) => byCode.has(code)));
    waitingOn.set(item.code, prerequisites.size);
    for (const prerequisite of prerequisites) dependents.set(prerequisite, [...(dependents.get(prerequisite) ?? []), item.code]);
  }
  const position = new Map(items.map((item, index) => [item.code, index]));
  const ready = items.filter((item) => waitingOn.get(item.code) === 0).map((item) => item.code);
  const ordered: T[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const code = ready.shift()!;
    ordered.push(byCode.get(code)!);
    for (const dependent of dependents.get(code) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (ordered.length < byCode.size) {
    const [cycle] = prerequisiteCycles(items);
    throw new Error(cycle ? `prerequisites form a cycle ${cycle.join(" -> ")}` : "prerequisites form a cycle");
  }
  return ordered;
}

/** The rules beyond the shape, on a catalogue whose shape is already checked. */
function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const code of duplicates(catalogue.departments.map((department) => department.code))) problems.push(`department ${code}: listed twice`);
  for (const code of duplicates(catalogue.items.map((item) => item.code))) problems.push(`item ${code}: listed twice`);
  for (const code of duplicates(catalogue.selections.map((selection) => selection.code))) problems.push(`selection ${code}: listed twice`);

  const departments = new Set(catalogue.departments.map((department) => department.code));
  const items = new Map(catalogue.items.map((item) => [item.code, item]));
  for (const item of catalogue.items) problems.push(...itemProblems(item, departments, items));
  for (const cycle of prerequisiteCycles(catalogue.items)) problems.push(`item ${cycle[0]}: prerequisites form a cycle ${cycle.join(" -> ")}`);

  for (const selection of catalogue.selections) {
    for (const code of duplicates(selection.items)) problems.push(`selection ${selection.code}: item ${code} listed twice`);
    for (const code of new Set(selection.items)) if (!items.has(code)) problems.push(`selection ${selection.code}: unknown item ${code}`);
  }
  return [...new Set(problems)]; // an item listed twice would otherwise repeat its own problems
}

function itemProblems(item: CatalogueItem, departments: Set<string>, items: Map<string, CatalogueItem>): string[] {
  const problems: string[] = [];
  const at = `item ${item.code}`;
  if (!departments.has(item.department)) problems.push(`${at}: unknown department ${item.department}`);

  for (const code of duplicates(orderingPrerequisites(item))) problems.push(`${at}: prerequisite ${code} listed twice`);
  for (const code of new Set(orderingPrerequisites(item))) {
    const prerequisite = items.get(code);
    if (!prerequisite) problems.push(`${at}: unknown prerequisite ${code}`);
    else if (stageOrder[prerequisite.stage] > stageOrder[item.stage]) {
      problems.push(`${at}: requires ${code} of a later stage (${prerequisite.stage} after ${item.stage})`);
    }
  }

  const { statutoryLimit: statutory, committedLimit: committed } = item;
  // A commitment compresses the statutory limit, never extends it. Across units only the sure case
  // is refused: n working days always span at least n calendar days.
  if (committed.value > statutory.value && (committed.unit === statutory.unit || committed.unit === "working_days")) {
    problems.push(`${at}: committed limit ${formatLimit(committed)} exceeds the statutory limit ${formatLimit(statutory)}`);
  }

  for (const mode of duplicates(item.modes)) problems.push(`${at}: mode ${mode} listed twice`);
  if (!item.modes.includes("normal")) problems.push(`${at}: modes must include normal`);
  for (const name of duplicates(item.materials.map((material) => material.name))) problems.push(`${at}: material ${name} listed twice`);
  if (!item.materials.some((material) => material.core)) problems.push(`${at}: needs at least one core material`);
  if (item.modes.includes("tolerant")) {
    if (!item.materials.some((material) => !material.core)) problems.push(`${at}: tolerant mode (容缺) needs at least one non-core material`);
    if (item.supplementWorkingDays < 1) problems.push(`${at}: tolerant mode (容缺) needs supplementWorkingDays of at least 1`);
  }
  if (item.modes.includes("commitment") && item.verificationWorkingDays < 1) {
    problems.push(`${at}: commitment mode (告知承诺) needs verificationWorkingDays of at least 1`);
  }
  for (const period of duplicates(item.excludedPeriods)) problems.push(`${at}: excluded period ${period} listed twice`);
  return problems;
}

/**
 * One cycle per strongly connected component of the prerequisite graph (Tarjan), each starting and
 * ending at the component's smallest code, e.g. ["A", "B", "A"] when A requires B and B requires A.
 */
function prerequisiteCycles(items: readonly Ordered[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const item of items) if (!edges.has(item.code)) edges.set(item.code, []);
  for (const item of items) edges.get(item.code)!.push(...orderingPrerequisites(item).filter((code) => edges.has(code)));

  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  // Iterative, so a long chain of prerequisites cannot overflow the call stack.
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = edges.get(frame.node)!;
      if (frame.next < successors.length) {
        const successor = successors[frame.next++]!;
        if (!index.has(successor)) {
          index.set(successor, counter);
          lowLink.set(successor, counter++);
          stack.push(successor);
          onStack.add(successor);
          work.push({ node: successor, next: 0 });
        } else if (onStack.has(successor)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(successor)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }

  const cycles: string[][] = [];
  for (const component of components) {
    const start = [...component].sort()[0]!;
    if (component.length === 1 && !edges.get(start)!.includes(start)) continue;
    cycles.push(shortestCycle(start, new Set(component), edges));
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** The shortest path from `start` back to itself inside one strongly connected component. */
function shortestCycle(start: string, component: Set<string>, edges: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const successor of edges.get(node)!) {
      if (!component.has(successor)) continue;
      if (successor === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.push(at);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!previous.has(successor)) {
        previous.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return [start, start]; // unreachable for a strongly connected component
}

/** Zod issues as problems naming the item, department or selection they belong to. */
function shapeProblems(issues: z.ZodError["issues"], input: unknown): string[] {
  const collections: Record<string, string> = { items: "item", departments: "department", selections: "selection" };
  return issues.map((issue) => {
    const [collection, position, ...rest] = issue.path;
    const kind = typeof collection === "string" ? collections[collection] : undefined;
    if (kind && typeof position === "number") {
      const entry = (input as Record<string, unknown[]>)[collection as string]?.[position] as { code?: unknown } | undefined;
      const name = typeof entry?.code === "string" && entry.code ? entry.code : `#${position + 1}`;
      return `${kind} ${name}: ${describeIssue(rest, issue.message)}`;
    }
    return describeIssue(issue.path, issue.message);
  });
}

function describeIssue(path: readonly PropertyKey[], message: string): string {
  return path.length > 0 ? `${path.map(String).join(".")}: ${message}` : message;
}

function formatLimit(limit: Limit): string {
  return `${limit.value} ${limit.unit}`;
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const repeated = new Set<T>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
