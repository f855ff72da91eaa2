import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { eventually } from "@steward/testing";
import { PeriodicTask, RoundDeadlineExceeded, maxRoundsAtOnce } from "./periodic.js";
import { Readiness } from "./readiness.js";

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = startTelemetry({ serviceName: "periodic-test", region: "hanbin", otlpEndpoint: undefined });
});
afterAll(() => telemetry.shutdown());

/** A metric of one job, as /metrics shows it. */
async function jobMetric(metric: string, job: string): Promise<number | undefined> {
  const line = (await telemetry.prometheusText()).split("\n").find((l) => l.startsWith(`${metric}{`) && l.includes(`steward_job="${job}"`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}
const lastSuccess = (job: string) => jobMetric("steward_job_last_success_timestamp_seconds", job);
const stuckRounds = (job: string) => jobMetric("steward_job_stuck_rounds_total", job);

/** Resolves when `signal` aborts, with its reason: work that honours its round's deadline. */
const aborted = (signal: AbortSignal) => new Promise<unknown>((resolve) => signal.addEventListener("abort", () => resolve(signal.reason), { once: true }));

describe("PeriodicTask", () => {
  it("keeps one heartbeat per job: a failing round is alive for readiness but no success; a good round is both", async () => {
    const { logger, lines } = memoryLogger({ service: "periodic-test", region: "hanbin", level: "info" });
    const readiness = new Readiness({ logger });
    let failing = true;
    let rounds = 0;
    const task = new PeriodicTask(
      async () => {
        rounds++;
        if (failing) throw new Error("postgres unreachable");
      },
      { name: "reminders", intervalMs: 20, logger },
    );
    task.start(readiness);
    try {
      // Series from the start, at 0: an alert on a job that never succeeded works.
      expect(await lastSuccess("reminders")).toBe(0);
      await eventually(() => (rounds >= 3 ? true : undefined), "three failed rounds");
      expect(await lastSuccess("reminders")).toBe(0);
      // Watched by readiness under the job's own name, and up: the loop turns, its dependency is what is down.
      expect(readiness.report().components.reminders).toEqual({ up: true });
      // Failures are logged rate-limited (5 a minute per job), not once per round.
      const failures = lines.filter((line) => line.msg === "reminders round failed; retrying next round");
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.length).toBeLessThanOrEqual(5);

      failing = false;
      const before = Date.now() / 1000;
      await eventually(async () => ((await lastSuccess("reminders"))! >= before ? true : undefined), "a successful round on the clock");
    } finally {
      await task.stop();
    }
    // Stopped on purpose: no longer a part of readiness.
    expect(readiness.report().components.reminders).toBeUndefined();
  });
});

describe("a PeriodicTask round past its deadline", () => {
  it("is abandoned: its signal aborts, the abandonment is logged as JSON with the job's name and counted, and the next round runs on schedule", async () => {
    const { logger, lines } = memoryLogger({ service: "periodic-test", region: "hanbin", level: "info" });
    const readiness = new Readiness({ logger });
    let rounds = 0;
    const reasons: unknown[] = [];
    const task = new PeriodicTask(
      async (signal) => {
        rounds++;
        // The first round waits for something that never comes (a connection the pool never
        // hands over), honouring its signal; the rounds after it work.
        if (rounds === 1) {
          reasons.push(await aborted(signal));
          throw signal.reason;
        }
      },
      { name: "hung-once", intervalMs: 20, deadlineMs: 200, logger },
    );
    expect(await stuckRounds("hung-once")).toBe(0);
    task.start(readiness);
    try {
      await eventually(async () => ((await lastSuccess("hung-once"))! > 0 ? true : undefined), "a successful round after the abandoned one");
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toBeInstanceOf(RoundDeadlineExceeded);
      expect(await stuckRounds("hung-once")).toBe(1);
      const abandoned = lines.filter((line) => line.event === "job.round_abandoned");
      expect(abandoned).toHaveLength(1);
      expect(abandoned[0]).toMatchObject({ level: "error", job: "hung-once", deadlineMs: 200 });
      // The abandoned round's own failure is not reported as a failed round on top of that.
      expect(lines.filter((line) => line.msg === "hung-once round failed; retrying next round")).toEqual([]);
      // A round that honoured its signal wedges nothing: ready and live.
      expect(readiness.report().components["hung-once"]).toEqual({ up: true });
      expect(readiness.liveness.report()).toEqual({ live: true, stuck: {} });
    } finally {
      await task.stop();
    }
  });

  it("that ignores its signal runs beside at most one more round, and makes the process not live once it runs past twice its deadline, until it ends", async () => {
    const { logger, lines } = memoryLogger({ service: "periodic-test", region: "hanbin", level: "info" });
    const readiness = new Readiness({ logger });
    const liveness: boolean[] = [];
    readiness.liveness.onChange((live) => liveness.push(live));
    let running = 0;
    let mostAtOnce = 0;
    let started = 0;
    const unwedge: (() => void)[] = [];
    const task = new PeriodicTask(
      async () => {
        started++;
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        // Deaf to its signal: a call with no deadline of its own.
        await new Promise<void>((resolve) => unwedge.push(resolve));
        running--;
      },
      { name: "deaf", intervalMs: 20, deadlineMs: 100, logger },
    );
    task.start(readiness);
    try {
      // Two rounds were abandoned and still run; the next tick starts no third beside them.
      await eventually(() => (lines.some((line) => line.event === "job.round_skipped" && line.job === "deaf") ? true : undefined), "a round not started while two run", 20_000);
      expect(started).toBe(maxRoundsAtOnce);
      expect(mostAtOnce).toBe(maxRoundsAtOnce);
      expect(await stuckRounds("deaf")).toBe(2);
      const stuck = await eventually(() => readiness.liveness.evaluate().stuck.deaf, "liveness to report the deaf job", 20_000);
      expect(stuck).toMatch(/ignoring its abort at the deadline of 0.1 s/);
      expect(liveness).toEqual([false]);
      // When the wedged rounds end at last, the job goes on and the process is live again.
      for (const resolve of unwedge.splice(0)) resolve();
      await eventually(() => (started > maxRoundsAtOnce ? true : undefined), "a new round after the abandoned ones ended");
      expect(readiness.liveness.evaluate()).toEqual({ live: true, stuck: {} });
      expect(liveness).toEqual([false, true]);
    } finally {
      const stopping = task.stop();
      for (const resolve of unwedge.splice(0)) resolve();
      await stopping;
    }
  });

  it("refuses a deadline that is not a positive number of milliseconds", () => {
    const { logger } = memoryLogger({ service: "periodic-test", region: "hanbin", level: "info" });
    for (const deadlineMs of [0, -5, Number.NaN]) expect(() => new PeriodicTask(async () => {}, { name: "bad", intervalMs: 1000, deadlineMs, logger })).toThrow(/bad: a round's deadline must be a positive number/);
  });
});
