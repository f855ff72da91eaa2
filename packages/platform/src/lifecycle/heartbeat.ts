import { createGauge } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import type { Liveness } from "./liveness.js";

/**
 * A background loop's proof of life: `beat()` after each round (or each message, or each idle
 * wait), `stop()` when it ends on purpose. A loop that has not beaten within its staleness limit,
 * or ended without stop(), makes the service not ready (see Readiness).
 */
export interface Heartbeat {
  beat(): void;
  /** The loop ended on purpose (shutdown). */
  stop(): void;
  /** The loop ended without being asked to: it will not beat again. */
  died(error: unknown): void;
  /**
   * A round hung past its deadline and was abandoned; the loop goes on. Its beats alone would hide
   * that, so the loop counts as down, with `detail`, for one staleness period from now.
   */
  stuck(detail: string): void;
}

/**
 * A background job's heartbeat: the one mechanism behind both its liveness (readiness: is the
 * loop still going round?) and its last success (steward.job.last_success.timestamp: did a round
 * do its work?). A round that fails beats, so a job that retries against a lost dependency stays
 * alive (the dependency shows as down on its own), but does not move the last-success clock.
 */
export interface JobHeartbeat extends Heartbeat {
  /** A round did its work: a beat, and the job's last-success time is now. */
  succeeded(): void;
}

/**
 * The job named `name` (its steward_job label and its readiness component): its last-success
 * clock, exported from now on at 0 until its first success, beating `liveness` when given.
 * Readiness.job() gives a watched one; without a Readiness (a test, a tool) the job is unwatched.
 */
export function jobHeartbeat(name: string, liveness?: Heartbeat): JobHeartbeat {
  const attributes = { [attributeNames.job]: name };
  const lastSuccess = createGauge(metricDefinitions.jobLastSuccess, [attributes]);
  return {
    beat: () => liveness?.beat(),
    stop: () => liveness?.stop(),
    died: (error) => liveness?.died(error),
    stuck: (detail) => liveness?.stuck(detail),
    succeeded: () => {
      liveness?.beat();
      lastSuccess.record(Date.now() / 1000, attributes);
    },
  };
}

/** Where a job registers its heartbeat: the service's Readiness. */
export interface HeartbeatRegistry {
  /** A job that beats at least every `staleAfterMs`. */
  job(name: string, staleAfterMs: number): JobHeartbeat;
  /** A periodic job (PeriodicTask), stale only when rounds stop ending. */
  periodic(name: string, intervalMs: number): JobHeartbeat;
  /** Where a job that can wedge the process says so: the process's liveness (/healthz). */
  readonly liveness?: Liveness;
}
