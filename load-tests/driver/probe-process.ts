/**
 * The baseline probe (bench/probe.ts) as a target the driver can load: its own process on a fresh
 * database, this checkout's NATS. `pnpm bench` measures it at the average rate and at capacity;
 * `pnpm bench:cost` measures its CPU per call, the floor under the routing path's.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { createTestDatabase, repositoryRoot, serviceNodeOptions, stack, testAuthSecret, uniqueRegion } from "@steward/testing";
import type { Profile } from "../lib/profiles.ts";
import { mintTokens, type Target } from "./stack.ts";

/** Starts bench/probe.ts as its own process on a fresh database. */
export async function startProbe(profile: Profile): Promise<Target> {
  const region = uniqueRegion("probe");
  const database = await createTestDatabase(`${region}_probe`);
  const child = spawn(process.execPath, ["--import", "tsx", "load-tests/bench/probe.ts"], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_OPTIONS: serviceNodeOptions(), PROBE_REGION: region, PROBE_DATABASE_URL: database.url, PROBE_NATS_URL: stack.natsUrl, STEWARD_AUTH_SECRET: testAuthSecret, ...(process.env.STEWARD_DB_POOL_MAX ? { STEWARD_DB_POOL_MAX: process.env.STEWARD_DB_POOL_MAX } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ level: "error", msg: line });
    }
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop().catch(() => undefined);
  };
  const grpcPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the probe did not become ready:\n${logs.map((l) => JSON.stringify(l)).join("\n")}`)), 60_000);
    child.once("exit", (code) => reject(new Error(`the probe exited with ${code}:\n${logs.map((l) => JSON.stringify(l)).join("\n")}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const record = JSON.parse(line) as { event?: string; grpcPort?: number };
        if (record.event === "probe.ready") {
          clearTimeout(timer);
          resolve(Number(record.grpcPort));
        }
      } catch {
        // not a log line
      }
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  child.removeAllListeners("exit");
  return { name: "probe", addresses: [`127.0.0.1:${grpcPort}`], region, tokens: await mintTokens(profile, region), processes: [{ name: "probe", pid: child.pid!, logs }], stop };
}
