/**
 * The bounded local driver: runs a profile of lib/profiles.ts against the routing path on
 * loopback, evaluates the profile's k6 thresholds and exits 99 (as k6 does) when one fails.
 *
 *   node --import tsx load-tests/driver/main.ts --profile smoke
 *   node --import tsx load-tests/driver/main.ts --profile average --duration-s 20
 *   node --import tsx load-tests/driver/main.ts --profile average --address 127.0.0.1:9102 --region hanbin \
 *     --secret steward-local-development-secret-0123456789      (a stack already running, e.g. scripts/dev.sh)
 *
 * --acknowledged-out FILE writes the ids of the items whose DecideItem the server acknowledged
 * (a JSON array), so a run that replaced pods can show that none of those decisions was lost.
 * SIGUSR2 ends the scenario early (no new iteration; those in flight finish; the result is written
 * as usual): the Kubernetes rehearsal holds a load exactly as long as a rollout takes.
 *
 * Without --address it starts routing, notification and assessment for a fresh region (Postgres
 * and NATS must run: scripts/stack.sh up) and stops them at the end. Writes the result as JSON to
 * --out (default bench-results/driver-<profile>-<time>.json).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { repositoryRoot } from "@steward/testing";
import { profileFor } from "../lib/profiles.ts";
import { NotificationTracker } from "./notifications.ts";
import { formatRun, runProfile } from "./run.ts";
import { mintTokens, startRoutingStack, type Target } from "./stack.ts";

const { values } = parseArgs({
  options: {
    profile: { type: "string", default: process.env.PROFILE ?? "smoke" },
    "duration-s": { type: "string", default: process.env.DRIVER_DURATION_S },
    out: { type: "string" },
    address: { type: "string" },
    region: { type: "string" },
    secret: { type: "string", default: process.env.STEWARD_AUTH_SECRET },
    warmup: { type: "string", default: "4" },
    "acknowledged-out": { type: "string" },
  },
});

const profile = profileFor(values.profile);
const durationS = values["duration-s"] ? Number(values["duration-s"]) : undefined;
if (durationS !== undefined && !(durationS > 0 && durationS <= profile.bounds.maxDurationS)) {
  throw new Error(`--duration-s must be between 1 and ${profile.bounds.maxDurationS} for ${profile.name}`);
}
const log = (line: string): void => void process.stderr.write(`${line}\n`);

let target: Target | undefined;
let stopping: Promise<void> | undefined;
const stopTarget = () => (stopping ??= target ? target.stop().catch((error: unknown) => log(`stopping the stack failed: ${String(error)}`)) : Promise.resolve());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopTarget().then(() => process.exit(130)));
}
// The scenario bounds itself; this bounds start-up, drain and teardown too.
const watchdogMs = (profile.bounds.maxDurationS + 180) * 1000;
setTimeout(() => {
  log(`driver: still running after ${watchdogMs / 1000} s; stopping`);
  void stopTarget().then(() => process.exit(2));
}, watchdogMs).unref();

const stop = new AbortController();
process.once("SIGUSR2", () => {
  log("driver: SIGUSR2: ending the scenario");
  stop.abort();
});

const tracker = new NotificationTracker();
const acknowledged: string[] = [];
let exitCode = 0;
try {
  if (values.address) {
    if (!values.region || !values.secret) throw new Error("--address needs --region and --secret (or STEWARD_AUTH_SECRET)");
    const tokens = await mintTokens(profile, values.region, values.secret);
    target = { name: "approval-routing", addresses: values.address.split(","), region: values.region, tokens, processes: [], stop: async () => {} };
  } else {
    log("driver: starting approval-routing, notification and assessment for a fresh region");
    target = await startRoutingStack(profile, tracker);
  }
  const result = await runProfile(profile, target, {
    ...(durationS ? { durationS } : {}),
    warmupIterations: Number(values.warmup),
    stop: stop.signal,
    ...(values.address ? {} : { notifications: tracker }),
    ...(values["acknowledged-out"] ? { acknowledged: (itemId: string) => void acknowledged.push(itemId) } : {}),
    log,
  });
  if (values["acknowledged-out"]) writeFileSync(values["acknowledged-out"], `${JSON.stringify(acknowledged)}\n`);
  await stopTarget();
  process.stdout.write(`\n${formatRun(result)}\n\n`);
  const out = values.out ?? `${repositoryRoot}bench-results/driver-${profile.name}-${result.startedAt.replace(/[:.]/g, "-")}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`driver: result written to ${out}`);
  const failures = [
    ...result.thresholds.filter((t) => !t.ok).map((t) => `threshold ${t.metric} ${t.expression}`),
    ...(result.execution.failed > 0 ? [`${result.execution.failed} iterations threw`] : []),
  ];
  if (failures.length > 0) {
    log(`driver: FAILED: ${failures.join("; ")}`);
    exitCode = 99;
  } else {
    log(`driver: ${profile.name} passed its thresholds`);
  }
} catch (error) {
  log(`driver: ${(error as Error).stack ?? String(error)}`);
  await stopTarget();
  exitCode = 1;
}
process.exit(exitCode);
