import type { Logger } from "pino";

export interface LivenessReport {
  live: boolean;
  /** Why each wedged part makes the process not live, for operators. */
  stuck: Record<string, string>;
}

/**
 * The truth behind /healthz and gRPC health "liveness": is the process wedged, so that only a
 * restart helps? A lost dependency is not that (restarting does not bring Postgres back; readiness
 * shows it); a background job whose round has ignored its abort signal far past its deadline is
 * (see PeriodicTask). Each watched part answers why it is stuck, or undefined while it is not.
 * Evaluated when asked (/healthz) and every second while started, for the gRPC health service,
 * which is told of changes rather than asked.
 */
export class Liveness {
  private readonly checks = new Map<string, () => string | undefined>();
  private readonly listeners: ((live: boolean) => void)[] = [];
  private lastLive = true;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly logger?: Logger) {}

  /** Watches a part: `stuck()` says why the process must be restarted, or undefined. */
  watch(name: string, stuck: () => string | undefined): void {
    this.checks.set(name, stuck);
  }

  /** The part ended on purpose (shutdown): no longer looked at. */
  unwatch(name: string): void {
    this.checks.delete(name);
  }

  report(): LivenessReport {
    const stuck: Record<string, string> = {};
    for (const [name, check] of this.checks) {
      const detail = check();
      if (detail !== undefined) stuck[name] = detail;
    }
    return { live: Object.keys(stuck).length === 0, stuck };
  }

  /** Called with the new value whenever liveness changes (gRPC health "liveness" follows it). */
  onChange(listener: (live: boolean) => void): void {
    this.listeners.push(listener);
  }

  start(evaluateEveryMs = 1000): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.evaluate(), evaluateEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Tells listeners (and the log, once per change) when liveness changed. */
  evaluate(): LivenessReport {
    const report = this.report();
    if (report.live !== this.lastLive) {
      this.lastLive = report.live;
      if (report.live) this.logger?.info({ event: "process.live" }, "process live again");
      else this.logger?.error({ event: "process.not_live", stuck: report.stuck }, "process not live: a background job is stuck; the orchestrator's liveness probe restarts it");
      for (const listener of this.listeners) listener(report.live);
    }
    return report;
  }
}
