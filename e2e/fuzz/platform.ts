import { startPlatform, type RunningPlatform } from "../platform.js";

/**
 * The platform as the fuzzer runs it: the region is its own city too, as every e2e platform's
 * is (so the city's RPCs — catalogue edits, forwarded items — run their handlers), only
 * warnings and errors kept of the logs (every refusal is an info line), no span export, and a
 * clock scheduler that stays out of the way (its writes would blur "nothing written by a
 * refusal").
 */
export function startFuzzPlatform(): Promise<RunningPlatform> {
  return startPlatform({
    exportSpans: false,
    keepLog: (record) => record.level === "warn" || record.level === "error" || record.level === "fatal",
    serviceEnv: { "approval-routing": { STEWARD_ROUTING_CLOCK_INTERVAL_MS: String(24 * 3600 * 1000) } },
  });
}
