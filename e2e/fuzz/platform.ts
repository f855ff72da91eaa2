import { startPlatform, type RunningPlatform } from "../platform.js";

/**
 * The platform as the fuzzer runs it: the region is its own city too (so the city's RPCs —
 * catalogue edits, forwarded items — run their handlers instead of refusing the region), only
 * warnings and errors kept of the logs (every refusal is an info line), no span export, and a
 * clock scheduler that stays out of the way (its writes would blur "nothing written by a
 * refusal").
 */
export function startFuzzPlatform(): Promise<RunningPlatform> {
  return startPlatform({
    asCity: true,
    exportSpans: false,
    keepLog: (record) => record.level === "warn" || record.level === "error" || record.level === "fatal",
    env: { "approval-routing": { STEWARD_ROUTING_CLOCK_INTERVAL_MS: String(24 * 3600 * 1000) } },
  });
}
