import type { BatchObservableCallback } from "@opentelemetry/api";
import type { Logger } from "pino";
import { createObservableGauge, stewardMeter } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { jobHeartbeat, type Heartbeat, type HeartbeatRegistry, type JobHeartbeat } from "./heartbeat.js";
import { Liveness } from "./liveness.js";

export type { Heartbeat, HeartbeatRegistry, JobHeartbeat } from "./heartbeat.js";

/** One thing the service needs to do its work, as /readyz reports it. */
export interface ComponentState {
  up: boolean;
  /** Why it is down, for operators. */
  detail?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** True from SIGTERM on: the process is draining and takes no new work. */
  draining: boolean;
  components: Record<string, ComponentState>;
}

interface Probe {
  check: () => Promise<boolean> | boolean;
  state: ComponentState;
  /** False until the first answer: the first state is not news worth a log line. */
  known: boolean;
}

interface Loop {
  staleAfterMs: number;
  lastBeat: number;
  stopped: boolean;
  deadReason?: string;
  /** Set by stuck(): down with this detail until `stuckUntil`. */
  stuckDetail?: string;
  stuckUntil?: number;
}

export interface ReadinessOptions {
  logger: Logger;
  /** How often dependencies are probed (default 1 s). */
  probeIntervalMs?: number;
  /** A probe that has not answered in this long counts as down (default 2 s). */
  probeTimeoutMs?: number;
}

/**
 * The truth behind /readyz and gRPC health: every dependency the service needs (probed with a
 * round trip every second, and told of connection events as they happen) and every background
 * loop (by heartbeat). Ready only when all are up and the process is not draining. Liveness
 * (/healthz, `liveness`) is another question — must the process be restarted? — and looks at no
 * dependency, since restarting a process does not bring Postgres back: only at jobs wedged inside
 * it (a periodic round that ignored its abort far past its deadline).
 */
export class Readiness implements HeartbeatRegistry {
  readonly liveness: Liveness;
  private readonly probes = new Map<string, Probe>();
  private readonly loops = new Map<string, Loop>();
  private readonly listeners: ((ready: boolean) => void)[] = [];
  private draining = false;
  private timer: NodeJS.Timeout | undefined;
  private lastReady: boolean | undefined;
  private probing: Promise<void> | undefined;
  private probingStopped = true;
  private stopMetrics: (() => void) | undefined;

  constructor(private readonly options: ReadinessOptions) {
    this.liveness = new Liveness(options.logger);
  }

  /** A dependency checked by a round trip every probe interval; down until its first answer. */
  dependency(name: string, check: () => Promise<boolean> | boolean): void {
    this.probes.set(name, { check, state: { up: false, detail: "not probed yet" }, known: false });
  }

  /** Sets a dependency's state now, between probes (a connection's status event). */
  set(name: string, state: ComponentState): void {
    const probe = this.probes.get(name);
    if (!probe) throw new Error(`unknown readiness dependency ${name}`);
    this.change(name, probe, state);
  }

  /** Registers a background loop; it must beat at least every `staleAfterMs`. */
  loop(name: string, staleAfterMs: number): Heartbeat {
    const loop: Loop = { staleAfterMs, lastBeat: performance.now(), stopped: false };
    this.loops.set(name, loop);
    return {
      beat: () => {
        loop.lastBeat = performance.now();
      },
      stop: () => {
        loop.stopped = true;
      },
      died: (error) => {
        loop.deadReason = error instanceof Error ? error.message : String(error);
        this.options.logger.error({ err: error, loop: name }, "background loop ended unexpectedly");
        this.notify();
      },
      stuck: (detail) => {
        loop.stuckDetail = detail;
        loop.stuckUntil = performance.now() + staleAfterMs;
        this.notify();
      },
    };
  }

  /** Registers a background job: a loop whose successful rounds also move its last-success clock. */
  job(name: string, staleAfterMs: number): JobHeartbeat {
    return jobHeartbeat(name, this.loop(name, staleAfterMs));
  }

  /**
   * A periodic job's heartbeat (PeriodicTask beats after every round, and when it abandons one at
   * its deadline): stale after two intervals and a minute, so only a job whose rounds stopped
   * ending makes the service not ready; liveness restarts a process whose round ignores its abort.
   */
  periodic(name: string, intervalMs: number): JobHeartbeat {
    return this.job(name, 2 * intervalMs + 60_000);
  }

  /** Called with the new value whenever readiness changes (gRPC health follows it). */
  onChange(listener: (ready: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Probes now and then every interval until stop(); exports the state as steward.readiness. */
  async start(): Promise<void> {
    this.stopMetrics = this.exportMetrics();
    this.probingStopped = false;
    await this.probeAll();
    const tick = () => {
      // A probe in flight at stop() ends here, rather than scheduling the next one.
      if (this.probingStopped) return;
      this.timer = setTimeout(() => {
        this.probing = this.probeAll().finally(tick);
      }, this.options.probeIntervalMs ?? 1000);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.probingStopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.probing;
    this.stopMetrics?.();
    this.stopMetrics = undefined;
  }

  /** steward.readiness (what /readyz answers) and steward.readiness.component (each part), read at collection. */
  private exportMetrics(): () => void {
    const meter = stewardMeter();
    const ready = createObservableGauge(metricDefinitions.readiness, meter);
    const component = createObservableGauge(metricDefinitions.readinessComponent, meter);
    const collect: BatchObservableCallback = (result) => {
      const report = this.report();
      result.observe(ready, report.ready ? 1 : 0);
      for (const [name, state] of Object.entries(report.components)) result.observe(component, state.up ? 1 : 0, { [attributeNames.component]: name });
    };
    meter.addBatchObservableCallback(collect, [ready, component]);
    return () => meter.removeBatchObservableCallback(collect, [ready, component]);
  }

  /** SIGTERM: not ready from now on, whatever the dependencies say, so balancers stop sending. */
  drain(): void {
    this.draining = true;
    this.notify();
  }

  get ready(): boolean {
    return this.report().ready;
  }

  report(): ReadinessReport {
    const components: Record<string, ComponentState> = {};
    for (const [name, probe] of this.probes) components[name] = probe.state;
    const now = performance.now();
    for (const [name, loop] of this.loops) {
      if (loop.stopped) continue;
      if (loop.deadReason !== undefined) components[name] = { up: false, detail: `ended: ${loop.deadReason}` };
      else if (loop.stuckUntil !== undefined && now < loop.stuckUntil) components[name] = { up: false, detail: `stuck: ${loop.stuckDetail}` };
      else if (now - loop.lastBeat > loop.staleAfterMs) components[name] = { up: false, detail: `no heartbeat for ${Math.round((now - loop.lastBeat) / 1000)} s` };
      else components[name] = { up: true };
    }
    const ready = !this.draining && Object.values(components).every((state) => state.up);
    return { ready, draining: this.draining, components };
  }

  private async probeAll(): Promise<void> {
    const timeoutMs = this.options.probeTimeoutMs ?? 2000;
    await Promise.all(
      [...this.probes].map(async ([name, probe]) => {
        const state = await withTimeout(probe.check, timeoutMs).then(
          (up): ComponentState => (up ? { up: true } : { up: false, detail: "check failed" }),
          (error: unknown): ComponentState => ({ up: false, detail: error instanceof Error ? error.message : String(error) }),
        );
        this.change(name, probe, state);
      }),
    );
    this.notify(); // loops go stale without an event
  }

  private change(name: string, probe: Probe, state: ComponentState): void {
    if (probe.known && probe.state.up !== state.up) {
      this.options.logger[state.up ? "info" : "warn"]({ dependency: name, up: state.up, detail: state.detail }, state.up ? `${name} is back` : `${name} is down`);
    }
    probe.state = state;
    probe.known = true;
    this.notify();
  }

  private notify(): void {
    const ready = this.ready;
    if (ready === this.lastReady) return;
    this.lastReady = ready;
    for (const listener of this.listeners) listener(ready);
  }
}

async function withTimeout<T>(work: () => Promise<T> | T, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
