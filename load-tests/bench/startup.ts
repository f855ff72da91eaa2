/**
 * What running the bundles instead of tsx saves at start-up (`pnpm bench:startup`): for
 * BENCH_STARTUP_ROUNDS (3) rounds, each build in turn (tsx source, then the bundle `pnpm build`
 * made), approval-routing, notification and assessment are started for a fresh region and
 * database, and at their `service.ready` line the CPU they used (user + system, /proc) and their
 * resident set (VmRSS, VmHWM) are read; then they are stopped. Prints the median of each. CPU per
 * call is `pnpm bench:cost` with STEWARD_SERVICE_BUILD=source or bundle.
 * A measurement, not a test: it asserts nothing.
 */
import { readFileSync } from "node:fs";
import { createTestDatabase, ledgerSigningKeyFile, serviceDatabaseEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceBuild } from "@steward/testing";
import { cpuSeconds } from "../driver/processes.ts";
import { deleteRegionStreams } from "../driver/stack.ts";

const services = ["approval-routing", "notification", "assessment"] as const;
const builds: ServiceBuild[] = ["source", "bundle"];
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 3);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error("BENCH_STARTUP_ROUNDS must be between 1 and 20");
setTimeout(() => {
  process.stderr.write("bench startup: still running after 20 minutes; stopping\n");
  process.exit(2);
}, 20 * 60_000).unref();

const statusMiB = (pid: number, field: "VmRSS" | "VmHWM") => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 102.4) / 10;

interface Sample {
  cpuS: number;
  rssMiB: number;
  peakMiB: number;
}
const samples = new Map<string, Sample[]>();

for (let round = 1; round <= rounds; round++) {
  for (const build of builds) {
    for (const name of services) {
      const region = uniqueRegion("boot");
      const database = await createTestDatabase(`${region}_${name.replace("-", "_")}`);
      try {
        const started = await spawnService(
          name,
          { STEWARD_REGION: region, ...serviceDatabaseEnv(database), STEWARD_NATS_URL: stack.natsUrl, STEWARD_AUTH_SECRET: testAuthSecret, STEWARD_LEDGER_SIGNING_KEY_FILE: ledgerSigningKeyFile(), STEWARD_CITY_REGION: region, STEWARD_LOG_LEVEL: "info" },
          120_000,
          { build, keepLog: () => false },
        );
        const pid = started.child.pid!;
        const sample = { cpuS: cpuSeconds(pid) ?? 0, rssMiB: statusMiB(pid, "VmRSS"), peakMiB: statusMiB(pid, "VmHWM") };
        await started.stop();
        samples.set(`${build} ${name}`, [...(samples.get(`${build} ${name}`) ?? []), sample]);
        process.stderr.write(`round ${round} ${build} ${name}: ${sample.cpuS} s CPU, RSS ${sample.rssMiB} MiB (peak ${sample.peakMiB})\n`);
      } finally {
        await database.drop().catch(() => undefined);
        await deleteRegionStreams(region).catch(() => undefined);
      }
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const lines = ["", `Start-up to service.ready, median of ${rounds} rounds (CPU s user+system; RSS and peak RSS MiB)`, `  ${"service".padEnd(18)}${builds.map((build) => `${build.padStart(8)} CPU   RSS  peak`).join("   ")}`];
for (const name of services) {
  const cells = builds.map((build) => {
    const of = samples.get(`${build} ${name}`)!;
    return `${String(median(of.map((s) => s.cpuS))).padStart(12)} ${String(median(of.map((s) => s.rssMiB))).padStart(5)} ${String(median(of.map((s) => s.peakMiB))).padStart(5)}`;
  });
  lines.push(`  ${name.padEnd(18)}${cells.join("   ")}`);
}
process.stdout.write(`${lines.join("\n")}\n`);
process.exit(0);
