import type { Logger } from "pino";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { jobHeartbeat, type HeartbeatRegistry, type JobHeartbeat } from "./heartbeat.js";

export interface PeriodicTaskOptions {
  /**
   * The job's name: its steward_job label on steward.job.last_success.timestamp, its component on
   * /readyz and its key in logs ("clock", "linkage").
   */
  name: string;
  intervalMs: number;
  logger: Logger;
}

/**
 * Runs `round` now and then `intervalMs` after each round ends (never two at once), until
 * stopped; `stop` waits for a round in progress. A round that resolves is a success (its time is
 * exported); one that throws is logged, rate-limited, and the next round tries again. Either way
 * the round beats the job's heartbeat, so readiness sees only a round that never ends.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private heartbeat: JobHeartbeat | undefined;
  private readonly failures: RateLimitedLog;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly options: PeriodicTaskOptions,
  ) {
    this.failures = new RateLimitedLog(options.logger);
  }

  /** Starts the rounds; with the service's readiness (runtime.readiness) the job is watched there. */
  start(readiness?: HeartbeatRegistry): void {
    const { name, intervalMs } = this.options;
    const heartbeat = readiness?.periodic(name, intervalMs) ?? jobHeartbeat(name);
    this.heartbeat = heartbeat;
    this.stopped = false;
    const tick = () => {
      this.running = this.round()
        .then(
          () => heartbeat.succeeded(),
          (error: unknown) => {
            heartbeat.beat();
            this.failures.warn(name, { err: error, job: name }, `${name} round failed; retrying next round`);
          },
        )
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeat?.stop();
    clearTimeout(this.timer);
    await this.running;
  }
}
