import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where the local stack (scripts/stack.sh) listens; overridable for a stack elsewhere on loopback. */
export const stack = {
  postgresUrl: process.env.STEWARD_PG_URL ?? "postgres://steward@127.0.0.1:55432/postgres",
  natsUrl: process.env.STEWARD_NATS_URL ?? "nats://127.0.0.1:54222",
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
