import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const supervisor = fileURLToPath(new URL("./lib/supervise.sh", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "steward-supervise-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `supervise` on `command` in a bash of its own, strict as dev.sh is; collects what it says on the console. */
function supervise(label: string, command: string) {
  const child = spawn("bash", ["-c", `set -euo pipefail; source "${supervisor}"; supervise "${label}" "${join(work, `${label}.log`)}" sh -c '${command}'`], {
    env: { PATH: process.env.PATH ?? "", STEWARD_RESTART_BACKOFF_INITIAL_MS: "100", STEWARD_RESTART_BACKOFF_MAX_MS: "400" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let console = "";
  child.stderr.on("data", (chunk: Buffer) => (console += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, console: () => console };
}

const waitFor = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

const lines = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

describe("scripts/lib/supervise.sh (dev.sh runs every service under it)", () => {
  it("restarts a command that exits, with a growing backoff, and says so on the console", async () => {
    const runs = join(work, "runs");
    const supervised = supervise("crashy", `echo run >> ${runs}; exit 3`);
    await waitFor(() => lines(runs).length >= 4, "four runs");
    supervised.child.kill("SIGTERM");
    expect(await supervised.exited).toBe(0);
    const said = supervised.console();
    expect(said).toMatch(/crashy exited with status 3; restarting in 0\.1 s/);
    expect(said).toMatch(/crashy exited with status 3; restarting in 0\.2 s/);
    expect(said).toMatch(/crashy exited with status 3; restarting in 0\.4 s/);
    expect(said).toMatch(/crashy: restarting \(run 2\)/);
  });

  it("stops the command with SIGTERM and itself when told to stop, without starting it again", async () => {
    const marker = join(work, "stopped");
    const supervised = supervise("steady", `trap "echo drained >> ${marker}; exit 0" TERM; echo up >> ${marker}; while :; do sleep 0.1; done`);
    await waitFor(() => lines(marker).includes("up"), "the command running");
    supervised.child.kill("SIGTERM");
    expect(await supervised.exited).toBe(0);
    expect(lines(marker)).toEqual(["up", "drained"]);
    expect(supervised.console()).toMatch(/steady stopped/);
  });
});
