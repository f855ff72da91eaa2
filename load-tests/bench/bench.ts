/**
 * The benchmark (`pnpm bench`, after scripts/bench.sh started Postgres and NATS). In one run:
 *
 *   (a) the baseline probe (bench/probe.ts): a grpc-js unary call -> one Postgres transaction
 *       writing decision-shaped rows -> a JetStream publish with ack, in one process;
 *   (b) the routing path: approval-routing + notification + assessment for a fresh region;
 *   (c) two routing processes, (d) 10^6 finished items in the table, (e) the batch calls
 *       (AcceptItems / DecideItems, driver/batch-iteration.ts) at capacity.
 *
 * Each target is loaded by the same driver with the same iteration, first under the average
 * scenario of lib/profiles.ts (its rate, VUs and duration) and then, unless BENCH_CAPACITY=0, at
 * capacity: a closed model of the average scenario's preAllocatedVUs looping for the same duration,
 * which is where "this machine's limit" and the ratio routing / probe come from (an open model
 * only ever shows the offered rate while both keep up).
 *
 * Prints decisions/s, p50/p95/p99, decision -> notification latency, peak RSS of every process and
 * the ratios, and writes the same as JSON to bench-results/<timestamp>.json.
 * BENCH_DURATION_S shortens every phase (e.g. 10 for a quick look).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { repositoryRoot } from "@steward/testing";
import { profiles, type ConstantArrivalRateScenario, type Profile } from "../lib/profiles.ts";
import { NotificationTracker } from "../driver/notifications.ts";
import { formatRun, runProfile, type RunResult } from "../driver/run.ts";
import { startRoutingStack, type Target } from "../driver/stack.ts";
import { startProbe } from "../driver/probe-process.ts";
import { parseDuration } from "../driver/executor.ts";
import { countDuplicates, type DuplicateReport } from "../driver/duplicates.ts";
import { batchIteration } from "../driver/batch-iteration.ts";
import type { RunOptions } from "../driver/run.ts";

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const average = profiles.average;
const averageScenario = Object.values(average.options.scenarios)[0] as ConstantArrivalRateScenario;
const durationS = Number(process.env.BENCH_DURATION_S ?? parseDuration(averageScenario.duration) / 1000);
if (!(durationS >= 1 && durationS <= average.bounds.maxDurationS)) throw new Error(`BENCH_DURATION_S must be between 1 and ${average.bounds.maxDurationS}`);
const withCapacity = process.env.BENCH_CAPACITY !== "0";
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
/** Routing processes of phase (c); 1 skips it. */
const replicas = Math.max(1, count("BENCH_REPLICAS", 2));
/** Items in the database for phases (a)-(c), and for phase (d) (0 skips it). */
const smallItems = count("BENCH_SMALL_ITEMS", 1_000);
const largeItems = count("BENCH_LARGE_ITEMS", 1_000_000);
/** Plans per iteration of phase (e), the batch calls at capacity; 0 (or BENCH_CAPACITY=0) skips it. */
const batchPlans = count("BENCH_BATCH_PLANS", 40);
const warmupIterations = 8;

/** The average profile's mix and VUs as a closed model: as fast as `vus` VUs go, for the same time. */
const capacity: Profile = {
  ...average,
  description: `capacity: ${averageScenario.preAllocatedVUs} VUs of the average scenario looping without pause`,
  options: { scenarios: { capacity: { executor: "constant-vus", vus: averageScenario.preAllocatedVUs, duration: `${durationS}s`, gracefulStop: averageScenario.gracefulStop ?? "30s" } }, thresholds: {} },
};

// Phases are bounded by the scenarios; this bounds start-up and teardown too.
// The large seed takes about a minute per million items on the 2-core development machine.
const watchdogMs = ((withCapacity ? 7 : 4) * (durationS + 60) + 240 + Math.ceil(largeItems / 1_000_000) * 300) * 1000;
let stopCurrent: (() => Promise<void>) | undefined;
setTimeout(() => {
  log(`bench: still running after ${watchdogMs / 1000} s; stopping`);
  void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(2));
}, watchdogMs).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130)));
}

interface Phases {
  average?: RunResult;
  capacity?: RunResult;
  duplicates?: DuplicateReport;
}

/** Runs the given phases against a target, inspects it, and stops it whatever happens. */
async function measure(target: Target, phases: ("average" | "capacity")[], tracker?: NotificationTracker, options: Pick<RunOptions, "iteration" | "warmupIterations"> = {}): Promise<Phases> {
  stopCurrent = () => target.stop();
  try {
    const run = (profile: Profile) => runProfile(profile, target, { durationS, warmupIterations, ...options, ...(tracker ? { notifications: tracker } : {}), log });
    const result: Phases = {};
    for (const phase of phases) {
      result[phase] = await run(phase === "average" ? average : capacity);
      log(formatRun(result[phase]!));
    }
    if (target.routingDatabaseUrl) result.duplicates = await countDuplicates(target.routingDatabaseUrl, target.region);
    return result;
  } finally {
    await target.stop();
    stopCurrent = undefined;
  }
}

const loadPhase = withCapacity ? "capacity" : "average";
const phasesOf = (phases: Phases) => phases[loadPhase] ?? phases.average!;

log(`bench: average scenario ${averageScenario.rate}/${averageScenario.timeUnit}, ${averageScenario.preAllocatedVUs}-${averageScenario.maxVUs} VUs, ${durationS} s per phase${withCapacity ? ", then capacity" : ""}`);
log("bench: (a) baseline probe");
const probe = await measure(await startProbe(average), withCapacity ? ["average", "capacity"] : ["average"]);
log(`bench: (b) routing path, ${smallItems} items in the database`);
const tracker = new NotificationTracker();
const routing = await measure(await startRoutingStack(average, tracker, { seedItems: smallItems, log }), withCapacity ? ["average", "capacity"] : ["average"], tracker);
let replicated: Phases | undefined;
if (replicas > 1) {
  log(`bench: (c) routing path, ${replicas} routing processes sharing the database and consumers`);
  replicated = await measure(await startRoutingStack(average, tracker, { routingReplicas: replicas, seedItems: smallItems, log }), [loadPhase], tracker);
}
let large: Phases | undefined;
if (largeItems > 0) {
  log(`bench: (d) routing path, ${largeItems} items in the database`);
  large = await measure(await startRoutingStack(average, tracker, { seedItems: largeItems, log }), [loadPhase], tracker);
}
let batched: Phases | undefined;
if (batchPlans > 0 && withCapacity) {
  log(`bench: (e) routing path, batch calls (AcceptItems / DecideItems), ${batchPlans} plans per iteration, ${smallItems} items in the database`);
  batched = await measure(await startRoutingStack(average, tracker, { seedItems: smallItems, log }), ["capacity"], tracker, { iteration: batchIteration(batchPlans), warmupIterations: 1 });
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
const figures = (phase: RunResult) => ({
  decisionsPerS: phase.throughput.decisionsPerS,
  plansPerS: phase.throughput.iterationsPerS,
  rpcPerS: phase.throughput.rpcPerS,
  latencyMs: { p50: phase.latencyMs.grpc.p50, p95: phase.latencyMs.grpc.p95, p99: phase.latencyMs.grpc.p99 },
  decideItemMs: phase.latencyMs.byMethod.decideItem ? { p50: phase.latencyMs.byMethod.decideItem.p50, p95: phase.latencyMs.byMethod.decideItem.p95, p99: phase.latencyMs.byMethod.decideItem.p99 } : undefined,
  planToCompletionMs: { p50: phase.latencyMs.planToCompletion.p50, p95: phase.latencyMs.planToCompletion.p95, p99: phase.latencyMs.planToCompletion.p99 },
  decisionToNotificationMs: phase.latencyMs.decisionToNotification
    ? { p50: phase.latencyMs.decisionToNotification.p50, p95: phase.latencyMs.decisionToNotification.p95, p99: phase.latencyMs.decisionToNotification.p99 }
    : undefined,
  failedChecks: Object.values(phase.checks).reduce((sum, c) => sum + c.fails, 0),
  errors: phase.errors.reduce((sum, e) => sum + e.count, 0),
  dropped: phase.execution.dropped,
  /** CPU used per process during the phase, in cores (1.0 = one core busy throughout). */
  cpuCores: Object.fromEntries(phase.processes.map((p) => [p.name, p.cpuCores])),
});
/** VmHWM is a lifetime peak, so the last phase's reading is the process's peak; max() covers a restart. */
const peakRss = (phases: Phases): Record<string, number> => {
  const peaks: Record<string, number> = {};
  for (const run of [phases.average, phases.capacity]) for (const p of run?.processes ?? []) if (!p.name.startsWith("driver")) peaks[p.name] = Math.max(peaks[p.name] ?? 0, p.peakRssMiB);
  return peaks;
};
const notification = routing.average!.latencyMs.decisionToNotification;

const report = {
  startedAt: probe.average!.startedAt,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  scenario: { profile: "average", ...averageScenario, duration: `${durationS}s`, capacityVus: withCapacity ? averageScenario.preAllocatedVUs : undefined },
  probe: { average: figures(probe.average!), capacity: probe.capacity ? figures(probe.capacity) : undefined, peakRssMiB: peakRss(probe) },
  routing: {
    average: figures(routing.average!),
    capacity: routing.capacity ? figures(routing.capacity) : undefined,
    decisionToNotificationMs: notification ? { p50: notification.p50, p95: notification.p95, p99: notification.p99, count: notification.count } : undefined,
    notifications: routing.average!.notifications,
    peakRssMiB: peakRss(routing),
    thresholds: routing.average!.thresholds,
    thresholdsOk: routing.average!.thresholdsOk,
  },
  replicated: replicated
    ? {
        processes: replicas,
        [loadPhase]: figures(phasesOf(replicated)),
        notifications: phasesOf(replicated).notifications,
        duplicates: replicated.duplicates,
        peakRssMiB: peakRss(replicated),
      }
    : undefined,
  largeTable: large
    ? { items: largeItems, [loadPhase]: figures(phasesOf(large)), duplicates: large.duplicates, peakRssMiB: peakRss(large) }
    : undefined,
  batchCalls: batched ? { plansPerIteration: batchPlans, capacity: figures(batched.capacity!), duplicates: batched.duplicates, peakRssMiB: peakRss(batched) } : undefined,
  ratio: {
    /** combined throughput of the routing processes of (c) / one process (b), same phase. */
    replicatedDecisionsPerS: replicated ? ratio(phasesOf(replicated).throughput.decisionsPerS, phasesOf(routing).throughput.decisionsPerS) : null,
    /** (d) with the large table / (b) with the small one, same phase: within 10 % is the target. */
    largeTableDecisionsPerS: large ? ratio(phasesOf(large).throughput.decisionsPerS, phasesOf(routing).throughput.decisionsPerS) : null,
    /** (e) the batch calls / (b) one call per decision, both at capacity. */
    batchCallsDecisionsPerS: batched && routing.capacity ? ratio(batched.capacity!.throughput.decisionsPerS, routing.capacity.throughput.decisionsPerS) : null,
    /** (e) the batch calls / the probe, both at capacity. */
    batchCallsToProbe: batched && probe.capacity ? ratio(batched.capacity!.throughput.decisionsPerS, probe.capacity.throughput.decisionsPerS) : null,
    /** routing / probe at capacity: the share of this machine's limit the routing path reaches. */
    capacityDecisionsPerS: routing.capacity && probe.capacity ? ratio(routing.capacity.throughput.decisionsPerS, probe.capacity.throughput.decisionsPerS) : null,
    /** routing / probe under the average scenario (1.0 while both keep up with the offered rate). */
    averageDecisionsPerS: ratio(routing.average!.throughput.decisionsPerS, probe.average!.throughput.decisionsPerS),
    averageLatencyP50: ratio(routing.average!.latencyMs.grpc.p50, probe.average!.latencyMs.grpc.p50),
    averageLatencyP95: ratio(routing.average!.latencyMs.grpc.p95, probe.average!.latencyMs.grpc.p95),
    averageLatencyP99: ratio(routing.average!.latencyMs.grpc.p99, probe.average!.latencyMs.grpc.p99),
  },
  runs: { probe, routing, replicated, large, batched },
};

const out = `${repositoryRoot}bench-results/${report.startedAt.replace(/[:.]/g, "-")}.json`;
mkdirSync(`${repositoryRoot}bench-results`, { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const describeDuplicates = (d: DuplicateReport | undefined) =>
  d ? `${d.routedTwice} item(s) routed twice, ${d.warnedTwice} warned twice, ${d.overdueTwice} marked overdue twice, ${d.completedTwice} case(s) completed twice (of ${d.itemsRouted} items routed and ${d.casesCompleted} cases completed; ${d.ledgerRows} ledger rows)` : "not counted";
const row = (label: string, f: ReturnType<typeof figures> | undefined) =>
  f ? `  ${label.padEnd(28)} ${String(f.decisionsPerS).padStart(9)} decisions/s   p50 ${f.latencyMs.p50} ms  p95 ${f.latencyMs.p95} ms  p99 ${f.latencyMs.p99} ms   (${f.plansPerS} plans/s, ${f.rpcPerS} rpc/s, ${f.errors} errors, ${f.failedChecks} failed checks, ${f.dropped} dropped)` : "";
const lines = [
  "",
  `Steward benchmark — ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}`,
  `average scenario: ${averageScenario.rate} plans/${averageScenario.timeUnit} (≈${Math.round(averageScenario.rate * routing.average!.throughput.meanItemsPerPlan * 10) / 10} decisions/s offered), ${averageScenario.preAllocatedVUs}-${averageScenario.maxVUs} VUs, ${durationS} s${withCapacity ? `; capacity: ${averageScenario.preAllocatedVUs} VUs closed loop, ${durationS} s` : ""}`,
  "",
  row("(a) probe, average", report.probe.average),
  row("(a) probe, capacity", report.probe.capacity),
  row("(b) routing, average", report.routing.average),
  row("(b) routing, capacity", report.routing.capacity),
  row(`(c) routing ×${replicas}, ${loadPhase}`, report.replicated?.[loadPhase] as ReturnType<typeof figures> | undefined),
  row(`(d) routing, ${largeItems} items, ${loadPhase}`, report.largeTable?.[loadPhase] as ReturnType<typeof figures> | undefined),
  row(`(e) batch calls, capacity`, report.batchCalls?.capacity),
  "",
  `  DecideItem (routing, average)  p50 ${report.routing.average.decideItemMs?.p50} ms  p95 ${report.routing.average.decideItemMs?.p95} ms  p99 ${report.routing.average.decideItemMs?.p99} ms`,
  `  plan -> completion (routing)   p50 ${report.routing.average.planToCompletionMs.p50} ms  p95 ${report.routing.average.planToCompletionMs.p95} ms  p99 ${report.routing.average.planToCompletionMs.p99} ms`,
  `  decision -> notification       p50 ${notification?.p50} ms  p95 ${notification?.p95} ms  p99 ${notification?.p99} ms  (${routing.average!.notifications?.delivered ?? 0} delivered, ${routing.average!.notifications?.pending ?? 0} missing)`,
  ...(routing.capacity?.latencyMs.decisionToNotification
    ? [`  decision -> notification (cap.) p50 ${routing.capacity.latencyMs.decisionToNotification.p50} ms  p95 ${routing.capacity.latencyMs.decisionToNotification.p95} ms  p99 ${routing.capacity.latencyMs.decisionToNotification.p99} ms  (${routing.capacity.notifications?.delivered ?? 0} delivered, ${routing.capacity.notifications?.pending ?? 0} missing)`]
    : []),
  "",
  ...(["probe", "routing"] as const).flatMap((side) => {
    const f = report[side].capacity ?? report[side].average;
    return [`  CPU cores, ${side} ${report[side].capacity ? "capacity" : "average"}`.padEnd(33) + Object.entries(f.cpuCores).map(([name, cores]) => `${name} ${cores}`).join(", ")];
  }),
  `  peak RSS (VmHWM)               ${Object.entries({ ...report.probe.peakRssMiB, ...report.routing.peakRssMiB }).map(([name, mib]) => `${name} ${mib} MiB`).join(", ")}`,
  "",
  `  ratio routing / probe          capacity decisions/s ${report.ratio.capacityDecisionsPerS ?? "n/a"}; average decisions/s ${report.ratio.averageDecisionsPerS}; latency p50 x${report.ratio.averageLatencyP50}, p95 x${report.ratio.averageLatencyP95}, p99 x${report.ratio.averageLatencyP99}`,
  ...(replicated ? [`  (c) ×${replicas}: combined / one process ${report.ratio.replicatedDecisionsPerS}; duplicates: ${describeDuplicates(replicated.duplicates)}, ${phasesOf(replicated).notifications?.duplicates ?? 0} notification(s) delivered twice`] : []),
  ...(large ? [`  (d) ${largeItems} items / ${smallItems} items  ${report.ratio.largeTableDecisionsPerS} (target: within 10 %)`] : []),
  ...(batched ? [`  (e) batch calls / (b) one call each ${report.ratio.batchCallsDecisionsPerS}; / probe ${report.ratio.batchCallsToProbe}`] : []),
  `  routing thresholds (average)   ${routing.average!.thresholds.map((t) => `${t.ok ? "✓" : "✗"} ${t.metric} ${t.expression}`).join(", ")}`,
  "",
  `  written to ${out}`,
  "",
];
process.stdout.write(lines.filter((line, index) => line !== "" || lines[index - 1] !== "").join("\n"));
process.exit(0);
