import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { freePort, type TestDatabase } from "./stack.js";

const run = promisify(execFile);

/** The PostgreSQL server binaries: the version scripts/stack.sh runs, else any installed one. */
function serverBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const preferred = ["15", ...versions];
  const found = preferred.map((version) => join(root, version, "bin")).find((dir) => existsSync(join(dir, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (scripts/stack.sh installs them)");
  return found;
}

const asRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its tools as the machine's postgres user (as stack.sh does). */
async function pgTool(bin: string, tool: string, args: string[]): Promise<string> {
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
  const { stdout } = await run(command, argv, { maxBuffer: 4 * 1024 * 1024 });
  return stdout;
}

/**
 * A PostgreSQL cluster of a test's own: initdb into a temporary folder, started on a free loopback
 * port, removed by `remove()`. Unlike the shared local stack, its transaction counter is the test's
 * to move: `resetWal` (pg_resetwal, with the server stopped) jumps the next transaction id or its
 * epoch without running the transactions in between, so a test can put the ids its rows get across
 * a digit boundary or past 2^32 in seconds.
 */
export interface ThrowawayCluster {
  port: number;
  /** A fresh database on this cluster. */
  createDatabase(prefix: string): Promise<TestDatabase>;
  /** The next full (64-bit) transaction id, as pg_controldata reports it. */
  nextXid(): Promise<bigint>;
  /**
   * Stops the server, sets the next transaction id (its low 32 bits) and/or its epoch, and starts it
   * again. The id must lie on a commit-log page that exists (below 32768 on a fresh cluster) or
   * start a new one (a multiple of 32768), as pg_resetwal's documentation explains.
   */
  resetWal(change: { xid?: bigint; epoch?: number }): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its folder. */
  remove(): Promise<void>;
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = serverBinaries();
  const root = mkdtempSync(join(tmpdir(), "steward-cluster-"));
  const data = join(root, "data");
  const port = await freePort();
  if (asRoot) {
    chmodSync(root, 0o777);
    await run("chown", ["postgres:", root]);
  }
  await pgTool(bin, "initdb", ["-D", data, "-U", "steward", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  writeFileSync(
    join(data, "postgresql.auto.conf"),
    [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = '${data}'`, "fsync = off", "max_connections = 50", "shared_buffers = 32MB", ""].join("\n"),
    { flag: "a" },
  );
  let running = false;
  const start = async () => {
    await pgTool(bin, "pg_ctl", ["-D", data, "-l", join(root, "server.log"), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = async () => {
    if (!running) return;
    await pgTool(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]);
    running = false;
  };
  await start();
  const url = (database: string) => `postgres://steward@127.0.0.1:${port}/${database}`;

  return {
    port,
    async createDatabase(prefix) {
      // The same two roles as the local stack's databases (createTestDatabase): an owner that
      // migrates, a runtime role holding only what the migration grants it.
      const name = `t_${prefix.replace(/[^a-z0-9]/gi, "_").toLowerCase().slice(0, 44)}_${randomBytes(4).toString("hex")}`;
      const ownerRole = `${name}_owner`;
      const runtimeRole = `${name}_app`;
      const roleUrl = (role: string) => `postgres://${role}@127.0.0.1:${port}/${name}`;
      const admin = postgres(url("postgres"), { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create role ${ownerRole} login`);
        await admin.unsafe(`create role ${runtimeRole} login`);
        await admin.unsafe(`create database ${name} owner ${ownerRole}`);
        await admin.unsafe(`revoke connect, temporary on database ${name} from public`);
      } finally {
        await admin.end();
      }
      return {
        name,
        url: roleUrl(ownerRole),
        runtimeUrl: roleUrl(runtimeRole),
        runtimeRole,
        ownerRole,
        async drop() {
          if (!running) return;
          const dropper = postgres(url("postgres"), { max: 1, onnotice: () => {} });
          try {
            await dropper.unsafe(`drop database if exists ${name} with (force)`);
            await dropper.unsafe(`drop role if exists ${runtimeRole}`);
            await dropper.unsafe(`drop role if exists ${ownerRole}`);
          } finally {
            await dropper.end();
          }
        },
      };
    },
    async nextXid() {
      const admin = postgres(url("postgres"), { max: 1, onnotice: () => {} });
      // A snapshot's xmax is the next id to be assigned; no transaction id is used to ask.
      const [row] = await admin<{ next: string }[]>`select pg_snapshot_xmax(pg_current_snapshot())::text as next`;
      await admin.end();
      return BigInt(row!.next);
    },
    async resetWal(change) {
      await stop();
      const args = ["-D", data];
      if (change.xid !== undefined) args.push("-x", String(change.xid));
      if (change.epoch !== undefined) args.push("-e", String(change.epoch));
      await pgTool(bin, "pg_resetwal", args);
      await start();
    },
    stop,
    start,
    async remove() {
      await stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
