import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { faultExitCode } from "./process-faults.js";

const fixture = fileURLToPath(new URL("./fixtures/faulty-process.ts", import.meta.url));

function run(mode: string): Promise<{ code: number | null; stdout: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", fixture, mode], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? ((error as { code?: number }).code ?? null) : 0,
        stdout: stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
        stderr,
      });
    });
  });
}

describe("process fault handlers", () => {
  it("logs an unhandled rejection as JSON, counts it and keeps the process running", async () => {
    const { code, stdout, stderr } = await run("rejection");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContainEqual(expect.objectContaining({ level: "error", fault: "unhandled_rejection", err: expect.objectContaining({ message: "nobody awaits this" }) }));
    // Counted once, as continued; every other kind and outcome is exported too, at 0.
    const count = (kind: string, outcome: string) =>
      stdout.map((line) => String(line.metric ?? "")).find((line) => line.includes(`steward_fault_kind="${kind}"`) && line.includes(`steward_outcome="${outcome}"`))?.split(" ").at(-1);
    expect(count("unhandled_rejection", "continued")).toBe("1");
    expect(count("unhandled_rejection", "exited")).toBe("0");
    expect(count("uncaught_exception", "continued")).toBe("0");
    expect(count("uncaught_exception", "exited")).toBe("0");
  });

  it("survives an exception a lost connection threw from a library callback", async () => {
    const { code, stdout, stderr } = await run("connection-loss");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContainEqual(expect.objectContaining({ fault: "uncaught_exception", msg: "uncaught exception; the process continues" }));
  });

  it("exits on any other uncaught exception, after one fatal JSON line and never Node's raw stderr text", async () => {
    const { code, stdout, stderr } = await run("bug");
    expect(code).toBe(faultExitCode);
    expect(stderr).toBe("");
    expect(stdout).toContainEqual(expect.objectContaining({ level: "fatal", fault: "uncaught_exception", err: expect.objectContaining({ type: "TypeError" }) }));
  });
});
