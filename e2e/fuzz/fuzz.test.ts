import { contractRegistry, contractServices } from "@steward/platform/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPlatform } from "../platform.js";
import type { Known } from "./arbitraries/values.js";
import { startFuzzPlatform } from "./platform.js";
import { formatReport } from "./report.js";
import { runFuzz } from "./run.js";
import { seedPlatform } from "./seed.js";

/** A few hundred per target here; `pnpm fuzz` sends 10,000 each. */
const runsPerTarget = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? 20260302);

describe("fuzzing every RPC and route of the contract (issue 8)", () => {
  let platform: RunningPlatform;
  let known: Known;

  beforeAll(async () => {
    platform = await startFuzzPlatform();
    known = await seedPlatform(platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it("answers malformed requests without INTERNAL, 5xx or a crash, and a refused request writes nothing", async () => {
    const report = await runFuzz(platform, known, { runsPerTarget, seed, oversizedPerRpc: 1 });
    console.log(formatReport(report));
    // Every RPC of the contract and every documented route was a target: a new one is fuzzed
    // without a change here.
    const methods = contractServices().flatMap((name) => contractRegistry().getService(name)!.methods);
    expect(report.targets.filter((target) => target.kind === "rpc")).toHaveLength(methods.length);
    expect(report.targets.map((target) => target.target)).toContain("intake POST /v1/projects");
    expect(report.violations).toEqual([]);
    expect(report.crashed).toEqual([]);
    expect(report.errorLogs).toEqual([]);
    for (const target of report.targets) expect(target.calls, target.target).toBeGreaterThanOrEqual(runsPerTarget);
    // The write check ran: most requests are refused, and every target had batches checked.
    const refusedChecked = report.targets.reduce((sum, target) => sum + target.refusedChecked, 0);
    expect(refusedChecked).toBeGreaterThan(report.targets.length * runsPerTarget * 0.5);
  }, 900_000);
});
