/**
 * `pnpm fuzz`: every RPC and route of the contract, FUZZ_RUNS generated requests each (default
 * 10,000), against the five services as processes on the local stack. Prints the counts per
 * target and exits 1 on any violation. FUZZ_SEED repeats a run; FUZZ_ONLY=<regex> narrows it.
 */
import { formatReport } from "./report.js";
import { runFuzz } from "./run.js";
import { seedPlatform } from "./seed.js";
import { startFuzzPlatform } from "./platform.js";

const runsPerTarget = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;

const platform = await startFuzzPlatform();
let failed = true;
try {
  const known = await seedPlatform(platform);
  console.log(`fuzz: ${runsPerTarget} requests per RPC and route, seed ${seed}`);
  const report = await runFuzz(platform, known, { runsPerTarget, seed, oversizedPerRpc: 3, ...(only ? { only } : {}), log: (line) => console.log(line) });
  console.log(formatReport(report));
  failed = report.violations.length > 0 || report.crashed.length > 0 || report.errorLogs.length > 0;
} finally {
  await platform.stop();
}
process.exit(failed ? 1 : 0);
