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

/**
 * The development key that signs ledger checkpoints in tests and the local platform
 * (STEWARD_LEDGER_SIGNING_KEY_FILE), which scripts/stack.sh makes once in this checkout's data
 * folder; its public key is beside it (`.pub`).
 */
export function ledgerSigningKeyFile(): string {
  const file = join(process.env.STEWARD_DATA ?? join(repositoryRoot, ".data"), "keys", "ledger-signing-dev.pem");
  if (!existsSync(file)) throw new Error(`no development ledger signing key at ${file}: run scripts/stack.sh up`);
  return file;
}

/** A secret for development tokens in tests. */
export const testAuthSecret = "steward-test-secret-0123456789abcdef";

/** Starts Postgres and NATS when they are not running (idempotent); for vitest globalSetup. */
export function ensureStack(): void {
  execFileSync("bash", [`${repositoryRoot}scripts/stack.sh`, "up"], { stdio: "inherit" });
}

/**
 * A database with the two roles a deployment gives a service (README "Database roles"): an owner
 * that owns it and everything migrations create, and a runtime role that owns nothing and may
 * connect to this database only. Neither is a superuser.
 */
export interface TestDatabase {
  name: string;
  /** The owner's URL: migrate with it (STEWARD_MIGRATION_DATABASE_URL), and inspect or tamper with it in tests. */
  url: string;
  /** The runtime role's URL (STEWARD_DATABASE_URL): holds only what `migrate({ runtime })` grants it. */
  runtimeUrl: string;
  runtimeRole: string;
  ownerRole: string;
  drop(): Promise<void>;
}

function urlFor(database: string, role: string): string {
  const url = new URL(stack.postgresUrl);
  url.pathname = `/${database}`;
  url.username = role;
  return url.toString();
}

/** A fresh, empty database on the local cluster with its owner and runtime roles, all dropped by `drop()`. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  // Role names are the database's plus a suffix, within Postgres's 63 characters.
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, "_").toLowerCase().slice(0, 44)}_${randomBytes(4).toString("hex")}`;
  const ownerRole = `${name}_owner`;
  const runtimeRole = `${name}_app`;
  const admin = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create role ${ownerRole} login`);
    await admin.unsafe(`create role ${runtimeRole} login`);
    await admin.unsafe(`create database ${name} owner ${ownerRole}`);
    // Until the migration step grants CONNECT to the runtime role alone, nobody but the owner connects.
    await admin.unsafe(`revoke connect, temporary on database ${name} from public`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(name, ownerRole),
    runtimeUrl: urlFor(name, runtimeRole),
    runtimeRole,
    ownerRole,
    async drop() {
      const dropper = postgres(stack.postgresUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.unsafe(`drop role if exists ${runtimeRole}`);
        await dropper.unsafe(`drop role if exists ${ownerRole}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A service's database variables for `database`: it runs as the runtime role and migrates as the owner. */
export function serviceDatabaseEnv(database: TestDatabase): Record<string, string> {
  return { STEWARD_DATABASE_URL: database.runtimeUrl, STEWARD_MIGRATION_DATABASE_URL: database.url };
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
