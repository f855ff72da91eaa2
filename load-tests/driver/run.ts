/**
 * Runs one profile of lib/profiles.ts against a target: warm-up, the scenario (bounded), the
 * wait for notifications, then the same thresholds k6 would evaluate, and a result to print and
 * write as JSON.
 */
import { status } from "@grpc/grpc-js";
import { meanItemsPerPlan, metricNames, methods, type MethodKey, type Profile, type Scenario } from "../lib/profiles.ts";
import { VirtualUser, type CallRecorder } from "./client.ts";
import { execute, withDuration, type ExecutionStats } from "./executor.ts";
import { approvalRoutingIteration, type IterationContext } from "./iteration.ts";
import { Registry, type TrendSummary } from "./metrics.ts";
import type { NotificationTracker } from "./notifications.ts";
import { ProcessWatcher, type ProcessReport } from "./processes.ts";
import type { Target } from "./stack.ts";
import { evaluateThresholds, type ThresholdResult } from "./thresholds.ts";

export interface RunOptions {
  /** Replaces the scenario's duration (constant executors) or scales its stages (ramping). */
  durationS?: number;
  /** Iterations run one after another before measuring, recorded nowhere. */
  warmupIterations?: number;
  /** Set when the target delivers notifications to the tracker's webhook. */
  notifications?: NotificationTracker;
  /** How long to wait after the scenario for outstanding notifications. */
  settleMs?: number;
  /** Where progress lines go (standard error by default). */
  log?: (line: string) => void;
  /** Receives the id of every item whose decision the server acknowledged, warm-up included. */
  acknowledged?: (itemId: string) => void;
  /** Ends the scenario before its duration (the iterations in flight finish). */
  stop?: AbortSignal;
  /** What one iteration does: the scenario's script (approvalRoutingIteration) unless given (bench's batch phase). */
  iteration?: (vu: VirtualUser, context: IterationContext) => Promise<void>;
}

export interface RunResult {
  profile: string;
  /** The scenario's name in the profile (k6's `scenarios` key). */
  scenarioName: string;
  target: string;
  region: string;
  addresses: string[];
  startedAt: string;
  scenario: Scenario;
  execution: ExecutionStats;
  throughput: { iterationsPerS: number; decisionsPerS: number; rpcPerS: number; meanItemsPerPlan: number };
  latencyMs: { grpc: TrendSummary; byMethod: Record<string, TrendSummary>; planToCompletion: TrendSummary; decisionToNotification?: TrendSummary };
  notifications?: { delivered: number; pending: number; duplicates: number; unmatched: number };
  /** Failed calls by method and gRPC status, with the first message of each. */
  errors: { method: string; code: string; count: number; firstMessage: string }[];
  checks: Record<string, { passes: number; fails: number }>;
  thresholds: ThresholdResult[];
  thresholdsOk: boolean;
  processes: ProcessReport[];
}

const codeName = (code: number) => status[code] ?? String(code);

export async function runProfile(profile: Profile, target: Target, options: RunOptions = {}): Promise<RunResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // k6 would run several scenarios side by side; every profile defines one, and so runs the driver.
  const scenarios = Object.entries(profile.options.scenarios);
  if (scenarios.length !== 1) throw new Error(`the driver runs profiles of one scenario; ${profile.name} has ${scenarios.length}`);
  const [scenarioName, original] = scenarios[0]!;
  const scenario = options.durationS ? withDuration(original, options.durationS) : original;
  const registry = new Registry();
  // Registered up front so a threshold on a metric that saw no sample compares against zero.
  registry.trend(metricNames.grpcDuration);
  registry.trend(metricNames.planToCompletion);
  registry.rate(metricNames.checks);
  const iterations = registry.counter(metricNames.iterations);
  const dropped = registry.counter(metricNames.droppedIterations);
  const decisions = registry.counter("decisions");
  const rpcs = registry.counter("grpc_reqs");
  if (options.notifications) {
    options.notifications.reset();
    const trend = registry.trend(metricNames.decisionToNotification);
    options.notifications.onLatency = (ms) => trend.add(ms);
  }
  const errors = new Map<string, { method: string; code: string; count: number; firstMessage: string }>();

  let live = false;
  const record: CallRecorder = (method, ms, code, error) => {
    if (!live) return;
    registry.trend(metricNames.grpcDuration).add(ms);
    registry.trend(metricNames.grpcDuration, { rpc: method }).add(ms);
    rpcs.add();
    if (method === "decideItem" && code === status.OK) decisions.add();
    if (code !== status.OK) {
      const key = `${method} ${codeName(code)}`;
      const entry = errors.get(key) ?? { method: methods[method as MethodKey], code: codeName(code), count: 0, firstMessage: error?.details ?? "" };
      entry.count++;
      errors.set(key, entry);
    }
  };
  const context: IterationContext = {
    profile,
    tokens: target.tokens,
    registry,
    live: () => live,
    ...(options.notifications ? { notifications: options.notifications } : {}),
    ...(options.acknowledged ? { acknowledged: options.acknowledged } : {}),
  };

  const iteration = options.iteration ?? approvalRoutingIteration;
  const warmup = options.warmupIterations ?? 0;
  if (warmup > 0) {
    log(`[${target.name}] warm-up: ${warmup} iterations`);
    const vu = new VirtualUser(-1, target.addresses[0]!, record);
    try {
      for (let i = 0; i < warmup; i++) await iteration(vu, context);
    } finally {
      vu.close();
    }
  }

  // Watched from here, so CPU figures cover the measured scenario; the driver is watched too, as it shares the machine.
  const watcher = new ProcessWatcher([...target.processes, { name: "driver (this process)", pid: process.pid }]);
  log(`[${target.name}] ${profile.name}/${scenarioName}: ${describe(scenario)}; bounds ${profile.bounds.maxIterations} iterations, ${profile.bounds.maxDurationS} s`);
  const startedAt = new Date().toISOString();
  registry.start();
  live = true;
  const { stats, vus } = await execute(
    scenario,
    { maxIterations: profile.bounds.maxIterations, maxDurationMs: profile.bounds.maxDurationS * 1000, ...(options.stop ? { stop: options.stop } : {}) },
    { create: (index) => new VirtualUser(index, target.addresses[index % target.addresses.length]!, record) },
    async (vu) => {
      await iteration(vu, context);
      if (live) iterations.add();
    },
  );
  live = false;
  registry.end();
  dropped.add(stats.dropped);
  for (const vu of vus) vu.close();

  if (options.notifications) {
    await options.notifications.settle(options.settleMs ?? 15_000);
  }
  const processes = watcher.report();
  const thresholds = evaluateThresholds(profile.options.thresholds, registry);
  const summary = (name: string, tags?: Record<string, string>) => registry.trend(name, tags).summary();
  const elapsed = Math.max(stats.elapsedS, 1e-9);
  return {
    profile: profile.name,
    scenarioName,
    target: target.name,
    region: target.region,
    addresses: target.addresses,
    startedAt,
    scenario,
    execution: stats,
    throughput: {
      iterationsPerS: round(iterations.count / elapsed),
      decisionsPerS: round(decisions.count / elapsed),
      rpcPerS: round(rpcs.count / elapsed),
      meanItemsPerPlan: round(meanItemsPerPlan(profile.mix)),
    },
    latencyMs: {
      grpc: summary(metricNames.grpcDuration),
      byMethod: Object.fromEntries((Object.keys(methods) as MethodKey[]).filter((m) => registry.find(`${metricNames.grpcDuration}{rpc:${m}}`)).map((m) => [m, summary(metricNames.grpcDuration, { rpc: m })])),
      planToCompletion: summary(metricNames.planToCompletion),
      ...(options.notifications ? { decisionToNotification: summary(metricNames.decisionToNotification) } : {}),
    },
    ...(options.notifications
      ? { notifications: { delivered: options.notifications.delivered, pending: options.notifications.pending, duplicates: options.notifications.duplicates, unmatched: options.notifications.unmatched } }
      : {}),
    errors: [...errors.values()].sort((a, b) => b.count - a.count),
    checks: Object.fromEntries([...registry.checks].map(([name, rate]) => [name, { passes: rate.passes, fails: rate.fails }])),
    thresholds,
    thresholdsOk: thresholds.every((t) => t.ok),
    processes,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

function describe(scenario: Scenario): string {
  switch (scenario.executor) {
    case "per-vu-iterations":
      return `per-vu-iterations ${scenario.vus} VUs x ${scenario.iterations} (max ${scenario.maxDuration})`;
    case "constant-vus":
      return `constant-vus ${scenario.vus} VUs for ${scenario.duration}`;
    case "constant-arrival-rate":
      return `constant-arrival-rate ${scenario.rate}/${scenario.timeUnit} for ${scenario.duration}, ${scenario.preAllocatedVUs}-${scenario.maxVUs} VUs`;
    case "ramping-arrival-rate":
      return `ramping-arrival-rate from ${scenario.startRate}/${scenario.timeUnit} through ${scenario.stages.map((s) => `${s.target}@${s.duration}`).join(", ")}, ${scenario.preAllocatedVUs}-${scenario.maxVUs} VUs`;
  }
}

/** A k6-like text summary of one run. */
export function formatRun(result: RunResult): string {
  const lines: string[] = [];
  const t = (s: TrendSummary) => `avg=${s.avg}ms p(50)=${s.p50}ms p(95)=${s.p95}ms p(99)=${s.p99}ms max=${s.max}ms n=${s.count}`;
  const e = result.execution;
  lines.push(`  ${result.target} (${result.profile}/${result.scenarioName}, region ${result.region})`);
  lines.push(`    iterations ........ ${e.completed} completed, ${e.failed} threw, ${e.dropped} dropped, ${e.interrupted} interrupted; ${e.vus} VUs; ${e.elapsedS.toFixed(1)} s`);
  lines.push(`    throughput ........ ${result.throughput.decisionsPerS} decisions/s, ${result.throughput.iterationsPerS} plans/s, ${result.throughput.rpcPerS} rpc/s`);
  lines.push(`    grpc_req_duration . ${t(result.latencyMs.grpc)}`);
  for (const [method, summary] of Object.entries(result.latencyMs.byMethod)) lines.push(`      ${`{rpc:${method}}`.padEnd(22)} ${t(summary)}`);
  lines.push(`    plan_to_completion  ${t(result.latencyMs.planToCompletion)}`);
  if (result.latencyMs.decisionToNotification && result.notifications) {
    const n = result.notifications;
    lines.push(`    decision_to_notification ${t(result.latencyMs.decisionToNotification)}`);
    lines.push(`      deliveries: ${n.delivered} delivered, ${n.pending} still pending, ${n.duplicates} duplicate, ${n.unmatched} unmatched`);
  }
  for (const [name, { passes, fails }] of Object.entries(result.checks)) lines.push(`    ${fails === 0 ? "✓" : "✗"} ${name} (${passes} passed, ${fails} failed)`);
  for (const error of result.errors.slice(0, 8)) lines.push(`    ! ${error.count} x ${error.method} ${error.code}: ${error.firstMessage}`);
  for (const error of e.firstErrors.slice(0, 3)) lines.push(`    ! iteration threw: ${error.split("\n")[0]}`);
  for (const threshold of result.thresholds) {
    const actual = threshold.actual === undefined ? "n/a" : String(Math.round(threshold.actual * 1000) / 1000);
    lines.push(`    ${threshold.ok ? "✓" : "✗"} threshold ${threshold.metric}: ${threshold.expression} (actual ${actual})${threshold.problem ? ` — ${threshold.problem}` : ""}`);
  }
  for (const p of result.processes) {
    lines.push(`    process ${p.name.padEnd(17)} peak RSS ${p.peakRssMiB} MiB (sampled ${p.sampledPeakRssMiB}); CPU ${p.cpuSeconds} s (${p.cpuCores} cores); ${p.errors} error and ${p.warnings} warn log lines${p.firstErrors.length ? `: ${p.firstErrors.join(" | ")}` : ""}`);
  }
  return lines.join("\n");
}
