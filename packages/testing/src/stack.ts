import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The ports this checkout's stack listens on, as scripts/stack.sh recorded them in
 * `<data>/stack.env` (each checkout picks free ones when the defaults are taken).
 */
function recordedPorts(): Record<string, string> {
  const file = join(process.env.STEWARD_DATA ?? join(repositoryRoot, ".data"), "stack.env");
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .map((line) => line.trim().split("="))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== ""),
  );
}

/**
 * Where the local stack (scripts/stack.sh) listens: STEWARD_PG_URL / STEWARD_NATS_URL when set,
 * else the ports this checkout's stack recorded. Read when first used, after globalSetup started it.
 */
export const stack = {
  get postgresUrl(): string {
    return process.env.STEWARD_PG_URL ?? `postgres://steward@127.0.0.1:${recordedPorts().PG_PORT ?? "55432"}/postgres`;
  },
  get natsUrl(): string {
    return process.env.STEWARD_NATS_URL ?? `nats://127.0.0.1:${recordedPorts().NATS_PORT ?? "54222"}`;
  },
  /** The NATS server's HTTP monitoring endpoint (/varz, /healthz). */
  get natsMonitorUrl(): string {
    return process.env.STEWARD_NATS_MONITOR_URL ?? `http://127.0.0.1:${recordedPorts().NATS_MONITOR_PORT ?? "58222"}`;
  },
};

/** A secret for development tokens in tests. */
export const testAuthSecret = "steward-test-secret-0123456789abcdef";

/** Starts Postgres and NATS when they are not running (idempotent); for vitest globalSetup. */
export function ensureStack(): void {
  execFileSync("bash", [`${repositoryRoot}scripts/stack.sh`, "up"], { stdio: "inherit" });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the local cluster, dropped by `drop()`. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(stack.postgresUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const dropper = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A region name no other test uses, so streams and subjects never collide between runs. */
export function uniqueRegion(prefix = "t"): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

/** A TCP port free on loopback right now, for processes that must know each other's address before they start. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
