/**
 * Whether a service's bundle (`pnpm build` → services/<name>/dist/) is the build of the files as
 * they are now. `pnpm build` leaves in dist/ the content hash of every file the bundle was made
 * from — the service's and the packages' sources, the files it reads at run time (migrations,
 * catalogue, templates…), the lockfile (the dependencies inside it) and the bundler itself — and a
 * process is spawned from a bundle only when every hash still matches; otherwise the bundle is
 * rebuilt first, saying why, so a test never runs yesterday's code without saying so.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { repositoryRoot } from "./stack.js";

/** The record in dist/ of what the bundle was made from. */
export const bundleStampFile = "build-inputs.json";

interface BundleStamp {
  /** Repository-relative path → sha256 of its content when the bundle was made. */
  inputs: Record<string, string>;
  /** Folders the bundle copies whole: a file added to one (a new migration) makes it stale too. */
  folders: string[];
}

/** Files every bundle depends on besides its own inputs. */
const sharedInputs = ["pnpm-lock.yaml", "scripts/build/bundle.ts", "scripts/build/assets.ts"];

const sha256 = (root: string, path: string) => createHash("sha256").update(readFileSync(join(root, path))).digest("hex");

/** Every file under a repository-relative folder, repository-relative, sorted. */
function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Writes the stamp of a bundle just built from `sources` (repository-relative files) and `assets`
 * (files or folders copied beside it). Called by scripts/build/bundle.ts.
 */
export function writeBundleStamp(outDir: string, sources: string[], assets: string[], root = repositoryRoot): void {
  const folders = assets.filter((asset) => statSync(join(root, asset)).isDirectory()).sort();
  const files = [...new Set([...sharedInputs, ...sources, ...assets.flatMap((asset) => (folders.includes(asset) ? filesUnder(root, asset) : [asset]))])].sort();
  const stamp: BundleStamp = { inputs: Object.fromEntries(files.map((file) => [file, sha256(root, file)])), folders };
  writeFileSync(join(outDir, bundleStampFile), `${JSON.stringify(stamp, null, 1)}\n`);
}

/** Why the service's bundle is not the build of the files as they are now, or undefined when it is. */
export function bundleStaleness(service: string, root = repositoryRoot): string | undefined {
  const stampPath = join(root, "services", service, "dist", bundleStampFile);
  if (!existsSync(join(root, "services", service, "dist", "main.js"))) return "not built";
  if (!existsSync(stampPath)) return `no ${bundleStampFile}`;
  const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as BundleStamp;
  for (const [file, hash] of Object.entries(stamp.inputs)) {
    if (!existsSync(join(root, file))) return `${file} is gone`;
    if (sha256(root, file) !== hash) return `${file} changed`;
  }
  for (const folder of stamp.folders) {
    const added = existsSync(join(root, folder)) ? filesUnder(root, folder).find((file) => !(file in stamp.inputs)) : undefined;
    if (added) return `${added} is new`;
  }
  return undefined;
}

const checked = new Map<string, Promise<void>>();
const lockWaitMs = 10 * 60_000;

/**
 * Makes sure the service's bundle is fresh, building it when it is not (with a line on stderr
 * saying why). Processes running tests side by side take turns through a lock folder, and each
 * checks again once it holds it, so a stale bundle is built once. Checked once per process.
 */
export function ensureBundle(service: string): Promise<void> {
  let done = checked.get(service);
  if (!done) {
    done = build(service);
    checked.set(service, done);
    done.catch(() => checked.delete(service));
  }
  return done;
}

async function build(service: string): Promise<void> {
  if (bundleStaleness(service) === undefined) return;
  const lock = join(repositoryRoot, "services", service, ".dist-building");
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A builder that died leaves its lock: older than any build takes, it is abandoned.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > lockWaitMs) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`services/${service}: another process has been building the bundle for too long (${lock})`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const reason = bundleStaleness(service);
    if (reason === undefined) return;
    process.stderr.write(`services/${service}/dist is stale (${reason}): building it (pnpm build ${service})\n`);
    await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/build/bundle.ts", service], { cwd: repositoryRoot, maxBuffer: 16 * 1024 * 1024 });
    const still = bundleStaleness(service);
    if (still !== undefined) throw new Error(`services/${service}/dist is still stale after building it: ${still}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
