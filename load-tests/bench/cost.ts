/**
 * Where a call's CPU goes (`pnpm bench:cost`): starts routing, notification and assessment for a
 * fresh region and, with COST_VUS closed-loop VUs, makes COST_PLANS SubmitPlan calls, then accepts
 * and approves every item of the first half of those cases one call at a time (AcceptItem,
 * DecideItem), and of the second half with the batch calls (AcceptItems, DecideItems: the items
 * ready at each step of every case, grouped by department, up to COST_BATCH entries a call). For
 * each phase it prints the CPU each process used per call — the services, this checkout's
 * PostgreSQL (all its processes) and nats-server, and this driver — then the service-side CPU per
 * decision (a decision = its accept, its decide, and its share of SubmitPlan and of the work they
 * set off; the driver excluded) and the services' peak RSS. The services' share includes the work
 * the calls set off (the outbox relay, the consumers of case completions), so the figures are what
 * one more call of that kind costs the machine.
 *
 * Then the floor (unless COST_PROBE=0): the baseline probe (bench/probe.ts) takes the same
 * SubmitPlan, AcceptItem and DecideItem calls from the same driver, and its CPU per decision —
 * the probe, Postgres and NATS for one transaction of decision-shaped rows and one acknowledged
 * publish per call, no domain, no feed, no consumers — is printed beside routing's.
 *
 * COST_TRACES=1 exports the services' traces to a sink in this driver that counts and drops them
 * (driver/otlp-sink.ts), so the figures include what tracing costs the services; OTEL_TRACES_SAMPLER,
 * OTEL_TRACES_SAMPLER_ARG and STEWARD_TRACE_DB_QUERIES reach the services as set.
 *
 * STEWARD_SERVICES_ROOT runs the services of another checkout (another build, with its own
 * dependencies) under this same driver: scripts/bench.sh cost-compare interleaves two builds.
 * A build without the batch calls skips that phase.
 *
 * A measurement, not a test: it asserts nothing. Bounded by COST_PLANS (at most 5,000) and a watchdog.
 */
import { status } from "@grpc/grpc-js";
import { routingV1 } from "@steward/proto";
import { repositoryRoot } from "@steward/testing";
import { mkdirSync, writeFileSync } from "node:fs";
import { VirtualUser } from "../driver/client.ts";
import { NotificationTracker } from "../driver/notifications.ts";
import { cpuSeconds, peakRss, postgresCpuSeconds, serverProcesses, stackCpuSeconds } from "../driver/processes.ts";
import { startRoutingStack, type Target } from "../driver/stack.ts";
import { startProbe } from "../driver/probe-process.ts";
import { startOtlpSink } from "../driver/otlp-sink.ts";
import { acceptPayload, decidePayload, decisionOrder, planPayload, profiles, type ItemView } from "../lib/profiles.ts";

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const plans = Number(process.env.COST_PLANS ?? 600);
const vus = Number(process.env.COST_VUS ?? 4);
const batchSize = Number(process.env.COST_BATCH ?? 100);
/** COST_PROBE=0 skips the probe's phases (the floor); the probe submits at most COST_PROBE_PLANS plans. */
const withProbe = process.env.COST_PROBE !== "0";
const probePlans = Number(process.env.COST_PROBE_PLANS ?? 300);
const build = process.env.STEWARD_SERVICES_ROOT ?? "this checkout";
const withTraces = process.env.COST_TRACES === "1";
if (!(Number.isInteger(plans) && plans >= 10 && plans <= 5000)) throw new Error("COST_PLANS must be a whole number from 10 to 5000");
if (!(Number.isInteger(vus) && vus >= 1 && vus <= 64)) throw new Error("COST_VUS must be a whole number from 1 to 64");
if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 100)) throw new Error("COST_BATCH must be a whole number from 1 to 100");
if (!(Number.isInteger(probePlans) && probePlans >= 10 && probePlans <= 5000)) throw new Error("COST_PROBE_PLANS must be a whole number from 10 to 5000");
setTimeout(() => {
  log("bench:cost: still running after 10 minutes; stopping");
  process.exit(2);
}, 600_000).unref();

const profile = profiles.average;
const sink = withTraces ? await startOtlpSink() : undefined;
// The services the driver starts take it from its environment (driver/stack.ts, passThrough).
if (sink) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = sink.url;
const traces = sink ? `exported to a sink, sampler ${process.env.OTEL_TRACES_SAMPLER ?? "parentbased_always_on"} ${process.env.OTEL_TRACES_SAMPLER_ARG ?? ""}`.trim() : process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? "exported" : "off";
let target: Target = await startRoutingStack(profile, new NotificationTracker(), { log });
type Cpu = Record<string, number>;
const ownCpu = () => (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
const driverKey = "driver (this process)";
const sample = (): Cpu => {
  const ownStack = stackCpuSeconds(repositoryRoot);
  return {
    ...Object.fromEntries(target.processes.map((p) => [p.name, cpuSeconds(p.pid) ?? 0])),
    ...(ownStack.postgresByDatabase ? postgresByService(ownStack.postgresByDatabase) : { postgres: postgresCpuSeconds() }),
    ...(ownStack.nats === undefined ? {} : { nats: ownStack.nats }),
    [driverKey]: ownCpu(),
  };
};
/**
 * This checkout's PostgreSQL by whom it served: "postgres: <service>" for the backends of each
 * service's database (its name holds the service's), "postgres: server" for the postmaster and the
 * background processes (WAL writer, checkpointer: every commit's share), "postgres: other" else.
 */
function postgresByService(byDatabase: Record<string, number>): Cpu {
  const services = [...new Set(target.processes.map((p) => p.name.replace(/ #\d+$/, "")))];
  const split: Cpu = { "postgres: server": 0, "postgres: other": 0 };
  for (const service of services) split[`postgres: ${service}`] = 0;
  for (const [database, seconds] of Object.entries(byDatabase)) {
    const service = database === serverProcesses ? "server" : (services.find((name) => database.includes(`_${name.replace(/-/g, "_")}_`)) ?? "other");
    split[`postgres: ${service}`]! += seconds;
  }
  return split;
}
/** Waits for the work a phase set off (relay, consumers, webhook) to finish: CPU of the services stops moving. */
async function quiesce(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const before = sample();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = sample();
    const moving = target.processes.some((p) => after[p.name]! - before[p.name]! > 0.01);
    if (!moving) return;
  }
}

interface Phase {
  calls: number;
  /** Decisions the phase made (accept and approve of one item), or plans it submitted. */
  units: number;
  /** CPU seconds of the services' side (every process but the driver) over the phase. */
  serviceCpuS: number;
  failed: number;
  wallS: number;
  callsPerS: number;
  /** CPU milliseconds per call, by process. */
  cpuMsPerCall: Cpu;
  cpuMsPerCallTotal: number;
}

async function phase(name: string, work: (vu: VirtualUser) => Promise<{ calls: number; failed: number; units: number }>): Promise<Phase> {
  const users = Array.from({ length: vus }, (_, index) => new VirtualUser(index, target.addresses[0]!, () => {}));
  await quiesce();
  const before = sample();
  const started = performance.now();
  const counts = await Promise.all(users.map(work));
  const wallS = (performance.now() - started) / 1000;
  await quiesce();
  const after = sample();
  for (const user of users) user.close();
  const calls = counts.reduce((sum, c) => sum + c.calls, 0);
  const failed = counts.reduce((sum, c) => sum + c.failed, 0);
  const units = counts.reduce((sum, c) => sum + c.units, 0);
  const cpuMsPerCall = Object.fromEntries(Object.keys(after).map((key) => [key, round(((after[key]! - (before[key] ?? 0)) * 1000) / Math.max(calls, 1))]));
  const serviceCpuS = Object.keys(after)
    .filter((key) => key !== driverKey)
    .reduce((sum, key) => sum + after[key]! - (before[key] ?? 0), 0);
  const result = { calls, units, serviceCpuS, failed, wallS: round(wallS), callsPerS: round(calls / wallS), cpuMsPerCall, cpuMsPerCallTotal: round(Object.values(cpuMsPerCall).reduce((a, b) => a + b, 0)) };
  log(`${name.padEnd(24)} ${calls} calls (${failed} failed) in ${result.wallS} s, ${result.callsPerS}/s; CPU ms per call: ${Object.entries(cpuMsPerCall).map(([k, v]) => `${k} ${v}`).join(", ")}; total ${result.cpuMsPerCallTotal}`);
  return result;
}
const round = (value: number) => Math.round(value * 100) / 100;


/** Submits `count` plans of the profile's mix; each case's items, in decision order, go to `cases`. */
function submitPhase(name: string, count: number, cases: ItemView[][]): Promise<Phase> {
  let submitted = 0;
  return phase(name, async (vu) => {
    let calls = 0;
    let failed = 0;
    while (submitted < count) {
      submitted++;
      const answer = await vu.call("submitPlan", routingV1.SubmitPlanRequest.fromJSON(planPayload(profile.mix)), target.tokens.steward);
      calls++;
      if (!answer.ok || !answer.response.case) {
        failed++;
        continue;
      }
      const items = answer.response.case.items.map((item) => ({ id: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, prerequisites: item.prerequisites }));
      cases.push(decisionOrder(items));
    }
    return { calls, failed, units: calls };
  });
}

/** Accepts and approves every item of `cases`, one call each (AcceptItem, DecideItem), in decision order. */
function singleCallPhase(name: string, cases: readonly ItemView[][]): Promise<Phase> {
  let next = 0;
  return phase(name, async (vu) => {
    let calls = 0;
    let failed = 0;
    let units = 0;
    while (next < cases.length) {
      for (const item of cases[next++]!) {
        const token = target.tokens.departments[item.departmentCode]!;
        const accepted = await vu.call("acceptItem", routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id)), token);
        const decided = await vu.call("decideItem", routingV1.DecideItemRequest.fromJSON(decidePayload(item.id)), token);
        calls += 2;
        units++;
        failed += (accepted.ok ? 0 : 1) + (decided.ok ? 0 : 1);
      }
    }
    return { calls, failed, units };
  });
}

/** Unmeasured calls of every kind the phases make, so JIT, prepared statements and pools are warm. */
async function warmUp(): Promise<void> {
  const warm = new VirtualUser(-1, target.addresses[0]!, () => {});
  try {
    for (let i = 0; i < 10; i++) {
      const answer = await warm.call("submitPlan", routingV1.SubmitPlanRequest.fromJSON(planPayload(profile.mix)), target.tokens.steward);
      if (!answer.ok || !answer.response.case) continue;
      for (const item of decisionOrder(answer.response.case.items.map((item) => ({ id: item.id, itemCode: item.itemCode, departmentCode: item.departmentCode, prerequisites: item.prerequisites })))) {
        const token = target.tokens.departments[item.departmentCode]!;
        await warm.call("acceptItem", routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id)), token);
        await warm.call("decideItem", routingV1.DecideItemRequest.fromJSON(decidePayload(item.id)), token);
      }
    }
  } finally {
    warm.close();
  }
}

/** Service-side CPU per decision: its own calls, and its share of the plans submitted. */
function cpuPerDecisionMs(submit: Phase, itemsSubmitted: number, decisions: Phase): number {
  return round((submit.serviceCpuS * 1000) / Math.max(itemsSubmitted, 1) + (decisions.serviceCpuS * 1000) / Math.max(decisions.units, 1));
}

const cases: ItemView[][] = [];
try {
  await warmUp();

  const submit = await submitPhase("SubmitPlan", plans, cases);
  const itemsSubmitted = cases.reduce((sum, items) => sum + items.length, 0);
  const singly = cases.slice(0, Math.ceil(cases.length / 2));
  const batched = cases.slice(singly.length);

  const decide = await singleCallPhase("AcceptItem + DecideItem", singly);

  // The batch calls: step k takes the k-th item (in prerequisite order) of every case, grouped by
  // department in calls of up to COST_BATCH entries; a step's prerequisites were approved in the
  // steps before it.
  const probe = new VirtualUser(-2, target.addresses[0]!, () => {});
  const supported = await probe.call("acceptItems", { entries: [] }, target.tokens.departments[batched[0]?.[0]?.departmentCode ?? ""] ?? target.tokens.steward);
  probe.close();
  let batch: Phase | undefined;
  if (!supported.ok && supported.code === status.UNIMPLEMENTED) log("AcceptItems + DecideItems: not in this build; skipped");
  else if (batched.length > 0) {
    const steps = Math.max(...batched.map((items) => items.length));
    const chunks: ItemView[][][] = [];
    for (let step = 0; step < steps; step++) {
      const byDepartment = new Map<string, ItemView[]>();
      for (const item of batched.map((items) => items[step]).filter((item): item is ItemView => item !== undefined)) byDepartment.set(item.departmentCode, [...(byDepartment.get(item.departmentCode) ?? []), item]);
      chunks.push([...byDepartment.values()].flatMap((items) => Array.from({ length: Math.ceil(items.length / batchSize) }, (_, index) => items.slice(index * batchSize, (index + 1) * batchSize))));
    }
    let step = 0;
    let taken = 0;
    let inFlight = 0;
    const waiting: (() => void)[] = [];
    batch = await phase(`AcceptItems + DecideItems (${batchSize})`, async (vu) => {
      let calls = 0;
      let failed = 0;
      let units = 0;
      while (step < chunks.length) {
        if (taken >= chunks[step]!.length) {
          // This step is handed out; the next starts once its last calls are answered.
          if (inFlight === 0) {
            step++;
            taken = 0;
            for (const wake of waiting.splice(0)) wake();
          } else await new Promise<void>((resolve) => waiting.push(resolve));
          continue;
        }
        const items = chunks[step]![taken++]!;
        inFlight++;
        const token = target.tokens.departments[items[0]!.departmentCode]!;
        const accepted = await vu.call("acceptItems", { entries: items.map((item) => routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id))) }, token);
        const decided = await vu.call("decideItems", { entries: items.map((item) => routingV1.DecideItemRequest.fromJSON(decidePayload(item.id))) }, token);
        inFlight--;
        if (inFlight === 0) for (const wake of waiting.splice(0)) wake();
        calls += 2;
        units += items.length;
        const refused = (answer: typeof accepted | typeof decided) => (answer.ok ? answer.response.results.filter((result) => (result.status?.code ?? 0) !== 0).length : items.length);
        failed += refused(accepted) + refused(decided);
      }
      return { calls, failed, units };
    });
  }

  const submitShareMs = round((submit.serviceCpuS * 1000) / Math.max(itemsSubmitted, 1));
  const perDecisionMs = { single: cpuPerDecisionMs(submit, itemsSubmitted, decide), ...(batch ? { batch: cpuPerDecisionMs(submit, itemsSubmitted, batch) } : {}) };
  log(
    `service-side CPU per decision (routing, Postgres, NATS, notification, assessment; SubmitPlan's share ${submitShareMs} ms): ` +
      `one call each ${perDecisionMs.single} ms (${Math.round(1000 / perDecisionMs.single)} decisions per core-second)` +
      (perDecisionMs.batch ? `; batch calls ${perDecisionMs.batch} ms (${Math.round(1000 / perDecisionMs.batch)} per core-second)` : ""),
  );
  const peakRssMiB = Object.fromEntries(target.processes.map((p) => [p.name, peakRss(p.pid)]));
  const exported = sink?.received();
  if (exported) {
    const calls = submit.calls + decide.calls + (batch?.calls ?? 0);
    log(`traces (${traces}): ${exported.spans} spans received, ${round(exported.spans / Math.max(calls, 1))} per call, ${round(exported.bytes / 1048576)} MiB`);
  }

  // The floor: the same calls against the probe, which does one transaction of decision-shaped
  // rows and one acknowledged publish per call, with no domain, no feed and no consumers.
  let floor: { submitPlan: Phase; acceptAndDecide: Phase; serviceCpuMsPerDecision: number } | undefined;
  if (withProbe) {
    await target.stop();
    target = await startProbe(profile);
    await warmUp();
    const probeCases: ItemView[][] = [];
    const probeSubmit = await submitPhase("probe: SubmitPlan", Math.min(plans, probePlans), probeCases);
    const probeDecide = await singleCallPhase("probe: AcceptItem + DecideItem", probeCases);
    const probeItems = probeCases.reduce((sum, items) => sum + items.length, 0);
    floor = { submitPlan: probeSubmit, acceptAndDecide: probeDecide, serviceCpuMsPerDecision: cpuPerDecisionMs(probeSubmit, probeItems, probeDecide) };
    log(
      `the probe's CPU per decision (probe, Postgres, NATS; one call each): ${floor.serviceCpuMsPerDecision} ms — ` +
        `routing's path costs ${round(perDecisionMs.single / floor.serviceCpuMsPerDecision)} × that one call each` +
        (perDecisionMs.batch ? `, ${round(perDecisionMs.batch / floor.serviceCpuMsPerDecision)} × with the batch calls` : ""),
    );
  }

  log(`peak RSS (VmHWM) MiB: ${Object.entries(peakRssMiB).map(([name, mib]) => `${name} ${mib}`).join(", ")}`);
  const report = { startedAt: new Date().toISOString(), build, traces, ...(exported ? { tracesExported: exported } : {}), plans, vus, batchSize, submitPlan: submit, acceptAndDecide: decide, batchAcceptAndDecide: batch, serviceCpuMsPerDecision: perDecisionMs, peakRssMiB, probe: floor };
  const out = `${repositoryRoot}bench-results/cost-${report.startedAt.replace(/[:.]/g, "-")}.json`;
  mkdirSync(`${repositoryRoot}bench-results`, { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`bench:cost: written to ${out}`);
} finally {
  await target.stop();
  await sink?.close();
}
process.exit(0);
