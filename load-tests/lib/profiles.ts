/**
 * THE scenario definitions of the approval routing load tests, written once and read by every
 * runner: the k6 script (scenarios/approval-routing.ts) exports `profile.options` as its k6
 * options, and the local Node driver (driver/) translates the same scenarios, thresholds, request
 * mix and payload generators into its bounded loops.
 *
 * This module runs in two runtimes (k6's JavaScript VM and Node), so it imports nothing and uses
 * nothing either runtime lacks: plain objects, Math.random, Date.
 */

/** A k6 stage of a ramping executor. */
export interface Stage {
  duration: string;
  target: number;
}

interface ScenarioBase {
  /** Time in-flight iterations get at the end before they are interrupted (k6 default 30s). */
  gracefulStop?: string;
  tags?: Record<string, string>;
}

/** Every VU runs exactly `iterations` iterations, within `maxDuration`. */
export interface PerVuIterationsScenario extends ScenarioBase {
  executor: "per-vu-iterations";
  vus: number;
  iterations: number;
  maxDuration: string;
}

/** A closed model: `vus` VUs loop for `duration`. */
export interface ConstantVusScenario extends ScenarioBase {
  executor: "constant-vus";
  vus: number;
  duration: string;
}

/** An open model: `rate` iterations start every `timeUnit`, whatever the response times. */
export interface ConstantArrivalRateScenario extends ScenarioBase {
  executor: "constant-arrival-rate";
  rate: number;
  timeUnit: string;
  duration: string;
  preAllocatedVUs: number;
  maxVUs: number;
}

/** An open model whose start rate follows `stages` linearly from `startRate`. */
export interface RampingArrivalRateScenario extends ScenarioBase {
  executor: "ramping-arrival-rate";
  startRate: number;
  timeUnit: string;
  stages: Stage[];
  preAllocatedVUs: number;
  maxVUs: number;
}

export type Scenario = PerVuIterationsScenario | ConstantVusScenario | ConstantArrivalRateScenario | RampingArrivalRateScenario;

/** k6 threshold expressions ("p(95)<250", "rate>0.999", "count>0") per metric. */
export type Thresholds = Record<string, string[]>;

/** How often the optional calls of an iteration happen. */
export interface RequestMix {
  /**
   * Share of items before whose acceptance the department first lists its assignments (a page of
   * `listPageSize`), as a department system polling for work would.
   */
  listAssignmentsShare: number;
  listPageSize: number;
  /** Relative weights of the plan templates an iteration submits (see `planTemplates`). */
  plans: Record<PlanTemplateName, number>;
}

export interface Profile {
  name: ProfileName;
  description: string;
  /** Exactly what the k6 script exports as `options`. */
  options: { scenarios: Record<string, Scenario>; thresholds: Thresholds };
  mix: RequestMix;
  /**
   * Hard bounds of the local driver (k6 does not read them): it stops scheduling at the first of
   * the scenario's own end, `maxIterations` started iterations and `maxDurationS` seconds.
   */
  bounds: { maxIterations: number; maxDurationS: number };
}

export type ProfileName = "smoke" | "average" | "stress" | "soak" | "rollout";

/** Names shared by the runners' metrics, checks and thresholds. */
export const metricNames = {
  /** k6's built-in gRPC request duration (ms); the driver records the same per call. */
  grpcDuration: "grpc_req_duration",
  checks: "checks",
  iterations: "iterations",
  droppedIterations: "dropped_iterations",
  /** From just before SubmitPlan to the response of the plan's last DecideItem (ms). */
  planToCompletion: "plan_to_completion",
  /** Driver only (k6 cannot receive webhooks): last DecideItem response -> webhook delivery (ms). */
  decisionToNotification: "decision_to_notification",
} as const;

export const checkNames = {
  submitted: "SubmitPlan: OK, case opened with every item",
  listed: "ListAssignments: OK",
  accepted: "AcceptItem: OK, item in review",
  decided: "DecideItem: OK, item approved",
} as const;

/** gRPC methods as k6 names them (`package.Service/Method`); grpc-js paths add a leading slash. */
export const methods = {
  submitPlan: "steward.routing.v1.RoutingService/SubmitPlan",
  listAssignments: "steward.routing.v1.DepartmentGatewayService/ListAssignments",
  acceptItem: "steward.routing.v1.DepartmentGatewayService/AcceptItem",
  decideItem: "steward.routing.v1.DepartmentGatewayService/DecideItem",
  acceptItems: "steward.routing.v1.DepartmentGatewayService/AcceptItems",
  decideItems: "steward.routing.v1.DepartmentGatewayService/DecideItems",
} as const;

export type MethodKey = keyof typeof methods;

/** Item states as protojson spells them (k6 answers enums as names; the driver converts). */
export const itemStates = { inReview: "ITEM_STATE_IN_REVIEW", approved: "ITEM_STATE_APPROVED" } as const;

/**
 * Plan templates: item codes and their departments from services/approval-routing/catalogue/
 * ankang.json (the driver checks them against that file before it starts). Only items of county
 * jurisdiction: an item of city jurisdiction is forwarded to the city's routing service, which a
 * load run of one region does not start. Each template holds every prerequisite of its items (a
 * plan must, or declare them satisfied by 批文号). Prerequisites come back in SubmitPlan's answer;
 * an item whose in-plan prerequisites are approved is routed in the same transaction as that approval.
 */
export const planTemplates = {
  /** One item, routed at once. */
  single: [{ itemCode: "SL-STBC", departmentCode: "sl" }],
  /** Two items routed in parallel (并联审批). */
  parallel: [
    { itemCode: "STHJ-HPB", departmentCode: "sthj" },
    { itemCode: "SL-STBC", departmentCode: "sl" },
  ],
  /** The business licence, then three items it unblocks. */
  fanOut: [
    { itemCode: "SCJG-YYZZ", departmentCode: "scjg" },
    { itemCode: "GA-YZBA", departmentCode: "ga" },
    { itemCode: "SW-FPSL", departmentCode: "sw" },
    { itemCode: "RS-SBDJ", departmentCode: "rs" },
  ],
  /** Three items of three departments routed at once, decided in a burst (the fault suite's case). */
  parallelThree: [
    { itemCode: "FGW-BA", departmentCode: "fgw" },
    { itemCode: "STHJ-HPB", departmentCode: "sthj" },
    { itemCode: "SL-STBC", departmentCode: "sl" },
  ],
  /** A chain of three: filing, land pre-approval, land-use planning permit. */
  chain: [
    { itemCode: "FGW-BA", departmentCode: "fgw" },
    { itemCode: "ZRZY-YDYS", departmentCode: "zrzy" },
    { itemCode: "ZRZY-YDGH", departmentCode: "zrzy" },
  ],
} as const satisfies Record<string, readonly PlanItem[]>;

export type PlanTemplateName = keyof typeof planTemplates;

export interface PlanItem {
  itemCode: string;
  departmentCode: string;
}

const defaultMix: RequestMix = {
  listAssignmentsShare: 0.1,
  listPageSize: 20,
  plans: { single: 3, parallel: 3, parallelThree: 0, fanOut: 2, chain: 2 },
};

/** Every department a mix's plans need a token for. */
export function departmentsOf(mix: RequestMix): string[] {
  const codes = new Set<string>();
  for (const [name, weight] of Object.entries(mix.plans) as [PlanTemplateName, number][]) {
    if (weight > 0) for (const item of planTemplates[name]) codes.add(item.departmentCode);
  }
  return [...codes].sort();
}

/** Mean number of decisions (items) per iteration under a mix. */
export function meanItemsPerPlan(mix: RequestMix): number {
  const entries = Object.entries(mix.plans) as [PlanTemplateName, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return entries.reduce((sum, [name, weight]) => sum + (weight / total) * planTemplates[name].length, 0);
}

const latency = (p95: number, p99: number) => [`p(95)<${p95}`, `p(99)<${p99}`];

export const profiles: Record<ProfileName, Profile> = {
  smoke: {
    name: "smoke",
    description: "2 VUs x 10 iterations: does every call of the path work? No latency thresholds, so CI asserts no wall-clock limit.",
    options: {
      scenarios: { smoke: { executor: "per-vu-iterations", vus: 2, iterations: 10, maxDuration: "60s", gracefulStop: "10s" } },
      thresholds: {
        [metricNames.checks]: ["rate>0.999"],
        [metricNames.iterations]: ["count>0"],
      },
    },
    mix: { ...defaultMix, listAssignmentsShare: 0.5 },
    bounds: { maxIterations: 20, maxDurationS: 60 },
  },
  average: {
    name: "average",
    description: "The load of an ordinary busy hour, as an open model: plans arrive at a constant rate whatever the response times.",
    options: {
      scenarios: {
        average: { executor: "constant-arrival-rate", rate: 8, timeUnit: "1s", duration: "60s", preAllocatedVUs: 16, maxVUs: 32, gracefulStop: "15s" },
      },
      thresholds: {
        [metricNames.grpcDuration]: latency(150, 300),
        [metricNames.checks]: ["rate>0.999"],
        [metricNames.planToCompletion]: ["p(95)<1500"],
        [metricNames.droppedIterations]: ["count==0"],
      },
    },
    mix: defaultMix,
    bounds: { maxIterations: 2_000, maxDurationS: 300 },
  },
  stress: {
    name: "stress",
    description: "Arrivals ramp to four times the average and hold, to find where latency, drops and errors break away.",
    options: {
      scenarios: {
        stress: {
          executor: "ramping-arrival-rate",
          startRate: 2,
          timeUnit: "1s",
          stages: [
            { duration: "30s", target: 8 },
            { duration: "60s", target: 32 },
            { duration: "60s", target: 32 },
            { duration: "30s", target: 0 },
          ],
          preAllocatedVUs: 32,
          maxVUs: 128,
          gracefulStop: "30s",
        },
      },
      thresholds: {
        [metricNames.grpcDuration]: latency(500, 1000),
        [metricNames.checks]: ["rate>0.999"],
        [metricNames.planToCompletion]: ["p(95)<5000"],
      },
    },
    mix: defaultMix,
    bounds: { maxIterations: 6_000, maxDurationS: 600 },
  },
  soak: {
    name: "soak",
    description: "A closed model at a modest concurrency for hours, to show leaks, table growth and slow drift.",
    options: {
      scenarios: { soak: { executor: "constant-vus", vus: 4, duration: "2h", gracefulStop: "30s" } },
      thresholds: {
        [metricNames.grpcDuration]: latency(150, 300),
        [metricNames.checks]: ["rate>0.999"],
        [metricNames.planToCompletion]: ["p(95)<1500"],
      },
    },
    mix: defaultMix,
    bounds: { maxIterations: 500_000, maxDurationS: 2 * 60 * 60 + 60 },
  },
  rollout: {
    name: "rollout",
    description: "A modest closed-model load held while pods are replaced (a rolling upgrade, a rollback, a deleted pod): every call must succeed. No latency thresholds.",
    options: {
      scenarios: { rollout: { executor: "constant-vus", vus: 4, duration: "90s", gracefulStop: "30s" } },
      thresholds: {
        [metricNames.checks]: ["rate>0.999"],
        [metricNames.iterations]: ["count>0"],
      },
    },
    mix: defaultMix,
    bounds: { maxIterations: 20_000, maxDurationS: 600 },
  },
};

export function profileFor(name: string | undefined): Profile {
  const profile = profiles[(name ?? "smoke") as ProfileName];
  if (!profile) throw new Error(`unknown profile "${name}"; one of ${Object.keys(profiles).join(", ")}`);
  return profile;
}

/** A random RFC 4122 version 4 UUID (Math.random: ids for load, not secrets). */
export function uuid(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

function pickTemplate(mix: RequestMix): PlanTemplateName {
  const entries = (Object.entries(mix.plans) as [PlanTemplateName, number][]).filter(([, weight]) => weight > 0);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = Math.random() * total;
  for (const [name, weight] of entries) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return entries[entries.length - 1]![0];
}

/** SubmitPlanRequest in protojson form: a fresh plan and project, items from the mix. */
export interface SubmitPlanPayload {
  planId: string;
  planVersion: number;
  projectId: string;
  projectName: string;
  /** The enterprise (unified social credit code): every plan names it. */
  creditCode: string;
  items: PlanItem[];
  /** Every template holds its items' prerequisites, so none is declared satisfied outside the plan. */
  satisfiedPrerequisites: never[];
}

/** Characters of a unified social credit code (GB 32100-2015: digits and capitals but I, O, S, V, Z). */
const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A well-formed credit code of a made-up Ankang enterprise, one per load project. */
export function creditCode(): string {
  return `916109${Array.from({ length: 12 }, () => creditCodeAlphabet[Math.floor(Math.random() * creditCodeAlphabet.length)]).join("")}`;
}

export function planPayload(mix: RequestMix): SubmitPlanPayload {
  const template = pickTemplate(mix);
  const projectId = uuid();
  return {
    planId: uuid(),
    planVersion: 1,
    projectId,
    projectName: `压测项目 ${template} ${projectId.slice(0, 8)}`,
    creditCode: creditCode(),
    items: planTemplates[template].map((item) => ({ ...item })),
    satisfiedPrerequisites: [],
  };
}

export const listAssignmentsPayload = (mix: RequestMix) => ({ pageSize: mix.listPageSize, pageToken: "" });

export const acceptPayload = (itemId: string) => ({
  itemId,
  requestId: uuid(),
  mode: "PROCESSING_MODE_NORMAL",
  missingMaterials: [] as string[],
  commitmentRef: "",
});

export const decidePayload = (itemId: string) => ({
  itemId,
  requestId: uuid(),
  decision: "DECISION_APPROVE",
  reason: "材料齐全，符合法定条件",
  documentRefs: [`LOAD-${itemId.slice(0, 8)}`],
});

/** What a runner needs of each item of the case SubmitPlan opened. */
export interface ItemView {
  id: string;
  itemCode: string;
  departmentCode: string;
  prerequisites: string[];
}

/**
 * The order in which one VU drives a case's items: every item after its in-plan prerequisites
 * (those outside the plan were declared satisfied), plan order otherwise.
 * Deciding an item routes what it unblocked in the same transaction, so the next one is ready.
 */
export function decisionOrder(items: ItemView[]): ItemView[] {
  const inPlan = new Set(items.map((item) => item.itemCode));
  const done = new Set<string>();
  const order: ItemView[] = [];
  while (order.length < items.length) {
    const ready = items.find((item) => !done.has(item.itemCode) && item.prerequisites.every((code) => !inPlan.has(code) || done.has(code)));
    if (!ready) throw new Error(`the plan's prerequisites form a cycle: ${items.map((item) => item.itemCode).join(", ")}`);
    done.add(ready.itemCode);
    order.push(ready);
  }
  return order;
}

/** Whether a draw in [0, 1) says to make an optional call of the given share. */
export const roll = (share: number) => Math.random() < share;
