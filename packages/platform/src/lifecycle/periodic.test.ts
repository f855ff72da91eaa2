import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { eventually } from "@steward/testing";
import { PeriodicTask } from "./periodic.js";
import { Readiness } from "./readiness.js";

let telemetry: Telemetry;
beforeAll(() => {
  telemetry = startTelemetry({ serviceName: "periodic-test", region: "hanbin", otlpEndpoint: undefined });
});
afterAll(() => telemetry.shutdown());

/** steward_job_last_success_timestamp_seconds of one job, as /metrics shows it. */
async function lastSuccess(job: string): Promise<number | undefined> {
  const line = (await telemetry.prometheusText()).split("\n").find((l) => l.startsWith("steward_job_last_success_timestamp_seconds{") && l.includes(`steward_job="${job}"`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

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
