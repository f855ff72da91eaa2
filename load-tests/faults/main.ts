/**
 * The fault suite (`pnpm faults`; scripts/faults.sh gives it a Postgres and NATS of its own):
 * a steady load through approval-routing, notification and assessment while, round after round,
 * routing is SIGKILLed mid-burst, notification is killed between a webhook POST and recording it,
 * nats-server is killed and restarted, Postgres restarts in immediate mode, and routing's links to
 * Postgres and to NATS are cut. Prints per fault the recovery time, the calls that failed by status
 * code and the calls past their deadline, then checks the invariants. Exits 1 when one fails.
 *
 *   --rounds N     rounds of every fault (default 3; CI runs 1)
 *   --cut-s S      how long a link stays cut (default 30)
 *   --workers W    load workers (default 4)
 *   --out FILE     where the JSON result goes
 *   --only TEXT    only the faults whose name contains TEXT (to look at one)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { status } from "@grpc/grpc-js";
import { signDevToken } from "@steward/platform/auth";
import { createClient } from "@steward/platform/grpc";
import { assessmentV1 } from "@steward/proto";
import { testAuthSecret } from "@steward/testing";
import { faults, RelayWatcher, type FaultRun } from "./faults.ts";
import { checkInvariants, settle, type Invariant } from "./invariants.ts";
import { SteadyLoad, type CallRecord } from "./load.ts";
import { WebhookReceiver } from "./receiver.ts";
import { startSystem } from "./services.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    "cut-s": { type: "string", default: "30" },
    workers: { type: "string", default: "4" },
    out: { type: "string", default: "bench-results/faults.json" },
    only: { type: "string" },
  },
});
const rounds = Number(values.rounds);
const cutMs = Number(values["cut-s"]) * 1000;
const workers = Number(values.workers);
if (!(rounds >= 1 && rounds <= 20 && cutMs >= 1000 && cutMs <= 120_000 && workers >= 1 && workers <= 32)) {
  process.stderr.write("faults: --rounds 1..20, --cut-s 1..120, --workers 1..32\n");
  process.exit(2);
}

// Everything is bounded: a round takes about 2 minutes plus the two cuts; past this, stop.
const watchdogMs = rounds * (240_000 + 2 * cutMs) + 300_000;
const watchdog = setTimeout(() => {
  process.stderr.write(`faults: still running after ${Math.round(watchdogMs / 1000)} s; giving up\n`);
  process.exit(1);
}, watchdogMs);
watchdog.unref();

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number | undefined) => (ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`);

interface FaultFigures {
  fault: string;
  round: number;
  recoveryProbe: string;
  recoveryMs: number | undefined;
  readyAgainMs: number | undefined;
  readyDuringOutage: boolean | undefined;
  failedByCode: Record<string, number>;
  pastDeadline: number;
  calls: number;
  /** From the restore until routing's relay published again. */
  eventsFlowingMs: number | undefined;
}

function figuresOf(run: FaultRun, recoveryProbe: string, calls: CallRecord[]): FaultFigures {
  // The fault's window: from the injection until two seconds after the system answered again.
  const end = (run.recoveredAt ?? run.restoredAt) + 2000;
  const inWindow = calls.filter((call) => call.endedAt >= run.injectedAt && call.endedAt <= end);
  const failedByCode: Record<string, number> = {};
  for (const call of inWindow) if (call.code !== status.OK) failedByCode[status[call.code] ?? String(call.code)] = (failedByCode[status[call.code] ?? String(call.code)] ?? 0) + 1;
  return {
    fault: run.fault,
    round: run.round,
    recoveryProbe,
    recoveryMs: run.recoveredAt === undefined ? undefined : run.recoveredAt - run.restoredAt,
    readyAgainMs: run.readyAgainAt === undefined ? undefined : run.readyAgainAt - run.restoredAt,
    eventsFlowingMs: run.flowingAt === undefined ? undefined : run.flowingAt - run.restoredAt,
    readyDuringOutage: run.readyDuringOutage,
    failedByCode,
    pastDeadline: inWindow.filter((call) => call.code === status.DEADLINE_EXCEEDED).length,
    calls: inWindow.length,
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const webhook = new WebhookReceiver();
  await webhook.listen();
  say(`faults: starting approval-routing, notification and assessment on the suite's own stack (${rounds} round(s), links cut for ${cutMs / 1000} s)`);
  const system = await startSystem(webhook);
  const relay = new RelayWatcher(system.databases["approval-routing"].url);
  const load = new SteadyLoad({ address: system.services["approval-routing"].address, region: system.region, workers, maxCases: 1500 * rounds, pauseMs: 500, callDeadlineMs: 10_000, retryBudgetMs: 90_000 });
  const figures: FaultFigures[] = [];
  let invariants: Invariant[] = [];
  let settled = false;
  try {
    await load.start();
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the load runs before the first fault
    for (let round = 1; round <= rounds; round++) {
      for (const fault of faults.filter((candidate) => !values.only || candidate.name.toLowerCase().includes(values.only!.toLowerCase()))) {
        say(`faults: round ${round}: ${fault.name}`);
        const runs = await fault.inject({ system, load, webhook, relay, cutMs, round });
        for (const run of runs) figures.push(figuresOf(run, fault.recoveryProbe, load.calls));
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
    say("faults: stopping the load and letting the system settle");
    await load.stop();
    settled = await settle(system, 60_000);
    const assessment = createClient(assessmentV1.AssessmentServiceService, {
      address: system.services.assessment.address,
      token: () => signDevToken({ secret: testAuthSecret }, { subject: "faults-admin", region: system.region, role: "admin" }),
      defaultDeadlineMs: 10_000,
    });
    const stats = await assessment.getCompletionStats({}).finally(() => assessment.close());
    invariants = await checkInvariants(system, load, webhook, stats.completedCases);
  } finally {
    await load.stop();
    await relay.close();
    await system.stop();
    await webhook.close();
  }

  const totals = { calls: load.calls.length, ok: load.calls.filter((call) => call.code === status.OK).length, pastDeadline: load.calls.filter((call) => call.code === status.DEADLINE_EXCEEDED).length };
  say("");
  say(`${"fault".padEnd(62)} ${"round".padEnd(6)} ${"recovery".padEnd(31)} ${"ready again".padEnd(12)} ${"events flow".padEnd(12)} ${"past deadline".padEnd(14)} failed calls by code`);
  for (const figure of figures) {
    const failed = Object.entries(figure.failedByCode).map(([code, n]) => `${code} ${n}`).join(", ") || "none";
    const recovery = `${seconds(figure.recoveryMs)} (${figure.recoveryProbe})`;
    const readiness = figure.readyDuringOutage === undefined ? "" : figure.readyDuringOutage ? " (readyz stayed 200 during the outage!)" : " (readyz 503 during the outage)";
    say(`${figure.fault.padEnd(62)} ${String(figure.round).padEnd(6)} ${recovery.padEnd(31)} ${seconds(figure.readyAgainMs).padEnd(12)} ${seconds(figure.eventsFlowingMs).padEnd(12)} ${String(figure.pastDeadline).padEnd(14)} ${failed}${readiness}`);
  }
  say("");
  say(`load: ${load.casesOpened} cases opened, ${load.casesFinished} finished, ${load.casesGivenUp} given up; ${totals.calls} calls, ${totals.ok} OK, ${totals.pastDeadline} past their deadline`);
  for (const refusal of load.refusals.slice(0, 5)) say(`  given up: ${refusal}`);
  say(`settled: ${settled ? "every outbox published, every delivery recorded, every event projected by assessment" : "NOT within 60 s"}`);
  say("");
  for (const invariant of invariants) say(`${invariant.holds ? "ok  " : "FAIL"} ${invariant.name}: ${invariant.detail}`);
  const readinessHeld = figures.every((figure) => figure.readyDuringOutage !== true);
  const recovered = figures.every((figure) => figure.recoveryMs !== undefined && figure.eventsFlowingMs !== undefined);
  const passed = settled && recovered && readinessHeld && totals.pastDeadline === 0 && load.casesGivenUp === 0 && invariants.length > 0 && invariants.every((invariant) => invariant.holds);
  say("");
  say(`faults: ${passed ? "passed" : "FAILED"} in ${seconds(performance.now() - started)}${recovered ? "" : " (a fault never recovered)"}${readinessHeld ? "" : " (readiness stayed 200 during an outage)"}`);

  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify({ rounds, cutMs, workers, passed, figures, invariants, load: { ...totals, casesOpened: load.casesOpened, casesFinished: load.casesFinished, casesGivenUp: load.casesGivenUp } }, null, 2));
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faults: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
