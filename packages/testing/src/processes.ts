import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { ensureBundle } from "./bundles.js";
import { repositoryRoot } from "./stack.js";

export interface ServiceProcess {
  name: string;
  grpcPort: number;
  httpPort: number;
  /** Every log line the process wrote, parsed where it was JSON. */
  logs: Record<string, unknown>[];
  child: ChildProcess;
  /** SIGTERM, then wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The V8 flags every service runs with (deploy/runtime/node-options), as NODE_OPTIONS. */
export function serviceNodeOptions(): string {
  return readFileSync(`${repositoryRoot}deploy/runtime/node-options`, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .join(" ");
}

/**
 * What a service process runs: the bundle `pnpm build` made (`services/<name>/dist/main.js`, what
 * the images run; the default), or its TypeScript source through tsx (STEWARD_SERVICE_BUILD=source,
 * or a test that asks for it). A bundle is spawned only while it is the build of the files as
 * they are now (bundles.ts): a stale or missing one is built first, with a line saying why.
 */
export type ServiceBuild = "source" | "bundle";

export function defaultServiceBuild(): ServiceBuild {
  const chosen = process.env.STEWARD_SERVICE_BUILD ?? "bundle";
  if (chosen !== "bundle" && chosen !== "source") throw new Error(`STEWARD_SERVICE_BUILD must be bundle or source, not ${chosen}`);
  return chosen;
}

/**
 * The checkout whose services run: this one, or STEWARD_SERVICES_ROOT — another build of the
 * repository (with its own dependencies installed) that a benchmark loads with this driver, so
 * two builds are measured by the same code in one run (load-tests/README.md).
 */
export function servicesRoot(): string {
  const other = process.env.STEWARD_SERVICES_ROOT;
  return other ? `${resolve(other)}/` : repositoryRoot;
}

/** Node's arguments for running a service, relative to the services' root (servicesRoot). */
export function serviceEntry(name: string, build: ServiceBuild = defaultServiceBuild()): string[] {
  if (build === "source") return ["--import", "tsx", `services/${name}/src/main.ts`];
  const bundle = `services/${name}/dist/main.js`;
  if (!existsSync(`${servicesRoot()}${bundle}`)) throw new Error(`${bundle} does not exist: run pnpm build`);
  return [bundle];
}

function startService(name: string, args: string[], env: Record<string, string>, build: ServiceBuild = defaultServiceBuild()): ChildProcess {
  return spawn(process.execPath, [...serviceEntry(name, build), ...args], {
    cwd: servicesRoot(),
    // The service's own flags first: NODE_OPTIONS in `env` (a profiler, say) adds to them.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, NODE_OPTIONS: [serviceNodeOptions(), env.NODE_OPTIONS ?? ""].join(" ").trim() },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a service's main with arguments to its end (e.g. `--migrate-only`, the deploy step that
 * migrates and exits), and resolves with its exit code and output.
 */
export async function runServiceCommand(name: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CommandOutcome> {
  const build = defaultServiceBuild();
  if (build === "bundle") await ensureBundle(name);
  const child = startService(name, args, env, build);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${stderr.join("")}`));
    }, timeoutMs);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: stdout.join(""), stderr: stderr.join("") });
    });
  });
}

export interface SpawnOptions {
  /** Which log records `logs` keeps (all by default); a long run keeps only what it checks. */
  keepLog?: (record: Record<string, unknown>) => boolean;
  /** Source or bundle (see serviceEntry); defaultServiceBuild() when not given. */
  build?: ServiceBuild;
}

/**
 * Starts a service as a real child process (see serviceEntry) and resolves once it logged that it
 * is ready, with the ports it bound.
 */
export async function spawnService(name: string, env: Record<string, string>, timeoutMs = 60_000, options: SpawnOptions = {}): Promise<ServiceProcess> {
  const build = options.build ?? defaultServiceBuild();
  if (build === "bundle") await ensureBundle(name);
  const child = startService(name, [], env, build);
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} did not become ready in ${timeoutMs} ms:\n${stderr.join("\n")}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${stderr.join("\n")}\n${logs.map((l) => JSON.stringify(l)).join("\n")}`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line);
      } catch {
        record = { raw: line };
      }
      if (!options.keepLog || options.keepLog(record)) logs.push(record);
      if (record.event === "service.ready") {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({
          name,
          grpcPort: Number(record.grpcPort),
          httpPort: Number(record.httpPort),
          logs,
          child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
              child.once("exit", (code) => {
                clearTimeout(kill);
                done(code);
              });
              child.kill("SIGTERM");
            }),
        });
      }
    });
  });
}
