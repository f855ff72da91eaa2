/**
 * Where a call's CPU goes (`pnpm bench:cost`): starts routing, notification and assessment for a
 * fresh region and, with COST_VUS closed-loop VUs, makes COST_PLANS SubmitPlan calls, then accepts
 * and approves every item of those cases. For each of the two kinds of call it prints the CPU each
 * process used per call: the services, every PostgreSQL process, and this driver; then the
 * services' peak RSS. The services'
 * share includes the work the calls set off (the outbox relay, the consumers of case completions),
 * so the figures are what one more call of that kind costs the machine.
 *
 * A measurement, not a test: it asserts nothing. Bounded by COST_PLANS (at most 5,000) and a watchdog.
 */
import { routingV1 } from "@steward/proto";
import { repositoryRoot } from "@steward/testing";
import { mkdirSync, writeFileSync } from "node:fs";
import { VirtualUser } from "../driver/client.ts";
import { NotificationTracker } from "../driver/notifications.ts";
import { cpuSeconds, peakRss, postgresCpuSeconds } from "../driver/processes.ts";
import { startRoutingStack } from "../driver/stack.ts";
import { acceptPayload, decidePayload, decisionOrder, planPayload, profiles } from "../lib/profiles.ts";

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const plans = Number(process.env.COST_PLANS ?? 600);
const vus = Number(process.env.COST_VUS ?? 4);
if (!(Number.isInteger(plans) && plans >= 10 && plans <= 5000)) throw new Error("COST_PLANS must be a whole number from 10 to 5000");
if (!(Number.isInteger(vus) && vus >= 1 && vus <= 64)) throw new Error("COST_VUS must be a whole number from 1 to 64");
setTimeout(() => {
  log("bench:cost: still running after 10 minutes; stopping");
  process.exit(2);
}, 600_000).unref();

const profile = profiles.average;
const target = await startRoutingStack(profile, new NotificationTracker(), { log });
type Cpu = Record<string, number>;
const ownCpu = () => (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
const sample = (): Cpu => ({
  ...Object.fromEntries(target.processes.map((p) => [p.name, cpuSeconds(p.pid) ?? 0])),
  postgres: postgresCpuSeconds(),
  "driver (this process)": ownCpu(),
});
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
  failed: number;
  wallS: number;
  callsPerS: number;
  /** CPU milliseconds per call, by process. */
  cpuMsPerCall: Cpu;
  cpuMsPerCallTotal: number;
}

async function phase(name: string, work: (vu: VirtualUser) => Promise<{ calls: number; failed: number }>): Promise<Phase> {
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
  const cpuMsPerCall = Object.fromEntries(Object.keys(after).map((key) => [key, round(((after[key]! - before[key]!) * 1000) / Math.max(calls, 1))]));
  const result = { calls, failed, wallS: round(wallS), callsPerS: round(calls / wallS), cpuMsPerCall, cpuMsPerCallTotal: round(Object.values(cpuMsPerCall).reduce((a, b) => a + b, 0)) };
  log(`${name.padEnd(24)} ${calls} calls (${failed} failed) in ${result.wallS} s, ${result.callsPerS}/s; CPU ms per call: ${Object.entries(cpuMsPerCall).map(([k, v]) => `${k} ${v}`).join(", ")}; total ${result.cpuMsPerCallTotal}`);
  return result;
}
const round = (value: number) => Math.round(value * 100) / 100;

type Item = { id: string; departmentCode: string };
const cases: Item[][] = [];
let submitted = 0;
try {
  // Warm-up, unmeasured: JIT, prepared statements, pools.
  const warm = new VirtualUser(-1, target.addresses[0]!, () => {});
  for (let i = 0; i < 10; i++) await warm.call("submitPlan", routingV1.SubmitPlanRequest.fromJSON(planPayload(profile.mix)), target.tokens.steward);
  warm.close();

  const submit = await phase("SubmitPlan", async (vu) => {
    let calls = 0;
    let failed = 0;
    while (submitted < plans) {
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
    return { calls, failed };
  });

  let next = 0;
  const decide = await phase("AcceptItem + DecideItem", async (vu) => {
    let calls = 0;
    let failed = 0;
    while (next < cases.length) {
      for (const item of cases[next++]!) {
        const token = target.tokens.departments[item.departmentCode]!;
        const accepted = await vu.call("acceptItem", routingV1.AcceptItemRequest.fromJSON(acceptPayload(item.id)), token);
        const decided = await vu.call("decideItem", routingV1.DecideItemRequest.fromJSON(decidePayload(item.id)), token);
        calls += 2;
        failed += (accepted.ok ? 0 : 1) + (decided.ok ? 0 : 1);
      }
    }
    return { calls, failed };
  });

  const peakRssMiB = Object.fromEntries(target.processes.map((p) => [p.name, peakRss(p.pid)]));
  log(`peak RSS (VmHWM) MiB: ${Object.entries(peakRssMiB).map(([name, mib]) => `${name} ${mib}`).join(", ")}`);
  const report = { startedAt: new Date().toISOString(), plans, vus, submitPlan: submit, acceptAndDecide: decide, peakRssMiB };
  const out = `${repositoryRoot}bench-results/cost-${report.startedAt.replace(/[:.]/g, "-")}.json`;
  mkdirSync(`${repositoryRoot}bench-results`, { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`bench:cost: written to ${out}`);
} finally {
  await target.stop();
}
process.exit(0);
