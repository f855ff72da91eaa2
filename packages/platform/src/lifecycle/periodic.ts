import type { Logger } from "pino";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { jobHeartbeat } from "../telemetry/jobs.js";

export interface PeriodicTaskOptions {
  /** The job's name on steward.job.last_success.timestamp and in logs: "clock", "linkage-forward". */
  name: string;
  intervalMs: number;
  logger: Logger;
}

/**
 * Runs `round` now and then `intervalMs` after each round ends (never two at once), until
 * stopped; `stop` waits for a round in progress. A round that resolves is a success (its time is
 * exported); one that throws is logged, rate-limited, and the next round tries again.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly succeeded: () => void;
  private readonly failures: RateLimitedLog;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly options: PeriodicTaskOptions,
  ) {
    this.succeeded = jobHeartbeat(options.name);
    this.failures = new RateLimitedLog(options.logger);
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.running = this.round()
        .then(this.succeeded, (error: unknown) => this.failures.warn(this.options.name, { err: error, job: this.options.name }, `${this.options.name} round failed; retrying next round`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
