/**
 * Runs a k6 scenario definition as a bounded loop in this process. Closed models (per-vu-
 * iterations, constant-vus) run one async loop per VU; open models (constant- and ramping-
 * arrival-rate) start iterations on a schedule from a pool of VUs (preAllocatedVUs up front,
 * grown to maxVUs), and count an iteration as dropped when no VU is free, as k6 does.
 * Every loop stops at the first of: the scenario's end, `maxIterations` started, `maxDurationMs`,
 * or `stop` aborted (a caller that has seen what it needed ends the run early).
 * In-flight iterations then get the scenario's gracefulStop before they are abandoned.
 */
import type { Scenario, Stage } from "../lib/profiles.ts";

/** Milliseconds of a k6 duration ("500ms", "30s", "1m30s", "2h"). */
export function parseDuration(text: string): number {
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let consumed = "";
  for (const match of text.matchAll(pattern)) {
    total += Number(match[1]) * units[match[2]!]!;
    consumed += match[0];
  }
  if (consumed !== text.replace(/\s+/g, "") || consumed === "") throw new Error(`"${text}" is not a k6 duration`);
  return total;
}

/** The scenario's own length in ms (excluding gracefulStop). */
export function scenarioLengthMs(scenario: Scenario): number {
  switch (scenario.executor) {
    case "per-vu-iterations":
      return parseDuration(scenario.maxDuration);
    case "constant-vus":
    case "constant-arrival-rate":
      return parseDuration(scenario.duration);
    case "ramping-arrival-rate":
      return scenario.stages.reduce((sum, stage) => sum + parseDuration(stage.duration), 0);
  }
}

/**
 * The same scenario lasting `seconds` instead: constant executors take the new duration, ramping
 * stages are scaled in proportion. per-vu-iterations keeps its iteration count.
 */
export function withDuration(scenario: Scenario, seconds: number): Scenario {
  switch (scenario.executor) {
    case "per-vu-iterations":
      return scenario;
    case "constant-vus":
    case "constant-arrival-rate":
      return { ...scenario, duration: `${seconds}s` };
    case "ramping-arrival-rate": {
      const factor = (seconds * 1000) / scenarioLengthMs(scenario);
      return { ...scenario, stages: scenario.stages.map((stage) => ({ ...stage, duration: `${Math.max(1, Math.round(parseDuration(stage.duration) * factor))}ms` })) };
    }
  }
}

/** Iterations an arrival-rate scenario has started by `t` ms: the integral of its rate. */
export function arrivalsBy(scenario: Scenario, t: number): number {
  if (scenario.executor === "constant-arrival-rate") {
    return (scenario.rate / parseDuration(scenario.timeUnit)) * Math.min(t, parseDuration(scenario.duration));
  }
  if (scenario.executor !== "ramping-arrival-rate") return 0;
  const unit = parseDuration(scenario.timeUnit);
  let from = scenario.startRate / unit;
  let elapsed = 0;
  let total = 0;
  for (const stage of scenario.stages as Stage[]) {
    const length = parseDuration(stage.duration);
    const to = stage.target / unit;
    const within = Math.min(Math.max(t - elapsed, 0), length);
    // Area under a straight line from `from` to `to` over `length`, up to `within`.
    total += from * within + ((to - from) / length) * (within * within) / 2;
    elapsed += length;
    from = to;
    if (t <= elapsed) break;
  }
  return total;
}

export interface ExecutionBounds {
  maxIterations: number;
  maxDurationMs: number;
  /** Ends the scenario early: no iteration starts once it is aborted; those in flight finish. */
  stop?: AbortSignal;
}

export interface ExecutionStats {
  executor: Scenario["executor"];
  started: number;
  completed: number;
  /** Iterations that threw (not failed checks: a failed check ends an iteration normally). */
  failed: number;
  /** Open models: due iterations that found no free VU. */
  dropped: number;
  /** Still running when the graceful stop ran out. */
  interrupted: number;
  vus: number;
  /** From the first start to the last completion (or the graceful stop), seconds. */
  elapsedS: number;
  firstErrors: string[];
}

export interface VuFactory<V> {
  create(index: number): V;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when `work` settles or after `ms`, whichever is first, leaving no timer behind. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.then(() => undefined, () => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Runs the scenario; `iteration` is one k6 default-function call on a VU. */
export async function execute<V>(scenario: Scenario, bounds: ExecutionBounds, factory: VuFactory<V>, iteration: (vu: V) => Promise<void>): Promise<{ stats: ExecutionStats; vus: V[] }> {
  const started = performance.now();
  const endAt = started + Math.min(scenarioLengthMs(scenario), bounds.maxDurationMs);
  const gracefulStopMs = parseDuration(scenario.gracefulStop ?? "30s");
  const vus: V[] = [];
  const stats: ExecutionStats = { executor: scenario.executor, started: 0, completed: 0, failed: 0, dropped: 0, interrupted: 0, vus: 0, elapsedS: 0, firstErrors: [] };
  const inFlight = new Set<Promise<void>>();
  let lastDone = started;

  const run = (vu: V): Promise<void> => {
    stats.started++;
    const promise = iteration(vu).then(
      () => {
        stats.completed++;
      },
      (error: unknown) => {
        stats.failed++;
        if (stats.firstErrors.length < 5) stats.firstErrors.push(String((error as Error)?.stack ?? error));
      },
    );
    const tracked = promise.finally(() => {
      inFlight.delete(tracked);
      lastDone = performance.now();
    });
    inFlight.add(tracked);
    return tracked;
  };
  const canStart = () => performance.now() < endAt && stats.started < bounds.maxIterations && !bounds.stop?.aborted;
  // Whatever waits for the scenario's end waits for a stop request too.
  const stopped = new Promise<void>((resolve) => (bounds.stop?.aborted ? resolve() : bounds.stop?.addEventListener("abort", () => resolve(), { once: true })));

  switch (scenario.executor) {
    case "per-vu-iterations":
    case "constant-vus": {
      const perVu = scenario.executor === "per-vu-iterations" ? scenario.iterations : Infinity;
      for (let i = 0; i < scenario.vus; i++) vus.push(factory.create(i));
      // Each loop awaits its own iteration; the graceful stop below bounds the final wait.
      const loops = vus.map(async (vu) => {
        for (let n = 0; n < perVu && canStart(); n++) await run(vu);
      });
      // A stop ends the wait at once; the graceful stop below bounds what is still in flight.
      await within(Promise.race([Promise.all(loops), stopped]), Math.max(0, endAt - performance.now()) + gracefulStopMs);
      break;
    }
    case "constant-arrival-rate":
    case "ramping-arrival-rate": {
      for (let i = 0; i < scenario.preAllocatedVUs; i++) vus.push(factory.create(i));
      const free = [...vus];
      for (;;) {
        const now = performance.now();
        if (!canStart()) break;
        const due = Math.ceil(arrivalsBy(scenario, now - started) - 1e-9);
        while (stats.started + stats.dropped < due && stats.started < bounds.maxIterations) {
          let vu = free.pop();
          if (vu === undefined && vus.length < scenario.maxVUs) {
            vu = factory.create(vus.length);
            vus.push(vu);
          }
          if (vu === undefined) {
            stats.dropped++;
            continue;
          }
          const mine = vu;
          void run(mine).then(() => free.push(mine));
        }
        await sleep(2);
      }
      break;
    }
  }

  // Graceful stop: wait for what is in flight, bounded.
  const drainUntil = (bounds.stop?.aborted ? performance.now() : Math.max(performance.now(), endAt)) + gracefulStopMs;
  while (inFlight.size > 0 && performance.now() < drainUntil) await within(Promise.race(inFlight), 50);
  stats.interrupted = inFlight.size;
  stats.vus = vus.length;
  stats.elapsedS = ((stats.interrupted > 0 ? performance.now() : lastDone) - started) / 1000;
  return { stats, vus };
}
