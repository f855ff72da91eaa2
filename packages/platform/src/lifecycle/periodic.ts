import type { Logger } from "pino";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createCounter } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { jobHeartbeat, type HeartbeatRegistry, type JobHeartbeat } from "./heartbeat.js";
import type { Liveness } from "./liveness.js";

export interface PeriodicTaskOptions {
  /**
   * The job's name: its steward_job label on steward.job.last_success.timestamp and
   * steward.job.stuck_rounds, its component on /readyz and /healthz and its key in logs ("clock").
   */
  name: string;
  intervalMs: number;
  /**
   * How long one round may run before it is abandoned: its AbortSignal fires, the abandonment is
   * logged and counted, and the next round runs on schedule. Default `defaultRoundDeadlineMs`.
   */
  deadlineMs?: number;
  logger: Logger;
}

/**
 * The default deadline of a round: two intervals, and never under a minute, so a round that is
 * merely slow (a first checkpoint over a large ledger, a database under load) is not cut short.
 */
export function defaultRoundDeadlineMs(intervalMs: number): number {
  return Math.max(2 * intervalMs, 60_000);
}

/**
 * A round still running this many deadlines after it started ignored its abort signal for a whole
 * deadline more: the process is wedged, and liveness says so (Kubernetes restarts it).
 */
export const stuckAfterDeadlines = 2;

/**
 * Rounds of one job running at once at most: the current one and one abandoned round that ignores
 * its signal. While two run, no further round starts (each would wedge the same way); liveness
 * fails before long, since the older one is then past its deadline.
 */
export const maxRoundsAtOnce = 2;

/** The reason of a round's AbortSignal when its deadline passed. */
export class RoundDeadlineExceeded extends Error {
  override readonly name = "RoundDeadlineExceeded";
  constructor(
    readonly job: string,
    readonly deadlineMs: number,
  ) {
    super(`${job} round did not finish within its deadline of ${deadlineMs / 1000} s`);
  }
}

interface Round {
  startedAt: number;
  controller: AbortController;
  abandoned: boolean;
}

/**
 * Runs `round` now and then `intervalMs` after each round ends, until stopped. A round that
 * resolves is a success (its time is exported); one that throws is logged, rate-limited, and the
 * next round tries again. A round still running at its deadline is abandoned: its signal aborts
 * (the round's work stops where it waits: a reserved connection, a query, a NATS read), the
 * abandonment is logged as JSON (`job.round_abandoned`) and counted (steward.job.stuck_rounds), and
 * the next round comes on schedule. Every round's end beats the job's heartbeat (readiness); a round
 * that ignores its signal for a whole deadline more makes the process not live (/healthz, gRPC
 * health "liveness"), so its orchestrator restarts it rather than leaving the job wedged for good.
 * At most `maxRoundsAtOnce` rounds run at once. `stop` waits for the current round, at most until
 * its deadline.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  /** Ends when the current round settles or is abandoned. */
  private current: Promise<void> | undefined;
  private readonly rounds = new Set<Round>();
  private stopped = true;
  private heartbeat: JobHeartbeat | undefined;
  private liveness: Liveness | undefined;
  private readonly failures: RateLimitedLog;
  private readonly stuckRounds = createCounter(metricDefinitions.jobStuckRounds, []);
  readonly deadlineMs: number;

  constructor(
    private readonly round: (signal: AbortSignal) => Promise<void>,
    private readonly options: PeriodicTaskOptions,
  ) {
    this.deadlineMs = options.deadlineMs ?? defaultRoundDeadlineMs(options.intervalMs);
    if (!Number.isFinite(this.deadlineMs) || this.deadlineMs <= 0) throw new Error(`${options.name}: a round's deadline must be a positive number of milliseconds, not ${this.deadlineMs}`);
    this.failures = new RateLimitedLog(options.logger);
    this.stuckRounds.add(0, this.attributes);
  }

  /** Starts the rounds; with the service's readiness (runtime.readiness) the job is watched there. */
  start(readiness?: HeartbeatRegistry): void {
    const { name, intervalMs } = this.options;
    this.heartbeat = readiness?.periodic(name, intervalMs) ?? jobHeartbeat(name);
    this.liveness = readiness?.liveness;
    this.liveness?.watch(name, () => this.stuck());
    this.stopped = false;
    const tick = () => {
      this.timer = undefined;
      if (this.stopped) return;
      if (this.rounds.size >= maxRoundsAtOnce) {
        this.failures.error(`${name} rounds at once`, { job: name, event: "job.round_skipped", running: this.rounds.size }, `${name} round not started: ${this.rounds.size} abandoned rounds still running`);
        this.timer = setTimeout(tick, intervalMs);
        return;
      }
      this.current = this.runRound().finally(() => {
        this.current = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeat?.stop();
    this.liveness?.unwatch(this.options.name);
    clearTimeout(this.timer);
    await this.current;
  }

  /** Why the job wedges the process: its oldest running round ignored its signal far past its deadline. */
  stuck(now = performance.now()): string | undefined {
    let oldest: Round | undefined;
    for (const round of this.rounds) if (!oldest || round.startedAt < oldest.startedAt) oldest = round;
    if (!oldest) return undefined;
    const runningMs = now - oldest.startedAt;
    if (runningMs <= stuckAfterDeadlines * this.deadlineMs) return undefined;
    return `a round has run for ${Math.round(runningMs / 1000)} s, ignoring its abort at the deadline of ${this.deadlineMs / 1000} s`;
  }

  private get attributes() {
    return { [attributeNames.job]: this.options.name };
  }

  /** One round: settles when the round does, or at its deadline, when the round is abandoned. */
  private runRound(): Promise<void> {
    const { name } = this.options;
    const heartbeat = this.heartbeat!;
    const round: Round = { startedAt: performance.now(), controller: new AbortController(), abandoned: false };
    this.rounds.add(round);
    const work = Promise.resolve()
      .then(() => this.round(round.controller.signal))
      .then(
        () => {
          if (!round.abandoned) heartbeat.succeeded();
        },
        (error: unknown) => {
          if (round.abandoned) return;
          heartbeat.beat();
          this.failures.warn(name, { err: error, job: name }, `${name} round failed; retrying next round`);
        },
      )
      .finally(() => {
        this.rounds.delete(round);
        if (round.abandoned) this.options.logger.info({ job: name, event: "job.abandoned_round_ended", ranMs: Math.round(performance.now() - round.startedAt) }, `${name}: an abandoned round has ended`);
      });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        round.abandoned = true;
        round.controller.abort(new RoundDeadlineExceeded(name, this.deadlineMs));
        this.stuckRounds.add(1, this.attributes);
        heartbeat.beat(); // the job goes round; liveness watches the abandoned round
        this.options.logger.error(
          { job: name, event: "job.round_abandoned", deadlineMs: this.deadlineMs, running: this.rounds.size },
          `${name} round abandoned at its deadline of ${this.deadlineMs / 1000} s; the next round runs on schedule`,
        );
        resolve();
      }, this.deadlineMs);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }
}
