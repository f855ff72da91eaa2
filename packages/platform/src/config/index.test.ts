import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig, runtimeConfig, serviceEnvSchema } from "./index.js";

/** This checkout's copy of the module under test and its root, wherever the checkout lives. */
const configModule = fileURLToPath(new URL("./index.ts", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

const validEnv = {
  STEWARD_REGION: "hanbin",
  STEWARD_DATABASE_URL: "postgres://steward@127.0.0.1:55432/intake",
  STEWARD_NATS_URL: "nats://127.0.0.1:54222",
  STEWARD_AUTH_SECRET: "config-test-secret-0123456789abcdefgh",
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(serviceEnvSchema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("parses the common variables with their defaults", () => {
    const env = parseConfig(serviceEnvSchema, { ...validEnv, STEWARD_GRPC_PORT: "7001" });
    expect(env).toMatchObject({ STEWARD_REGION: "hanbin", STEWARD_GRPC_PORT: 7001, STEWARD_HTTP_PORT: 0, STEWARD_DB_POOL_MAX: 10, STEWARD_LOG_LEVEL: "info" });
    const runtime = runtimeConfig("intake", env);
    expect(runtime.telemetry.serviceName).toBe("steward-intake");
    expect(runtime.database.url).toBe(validEnv.STEWARD_DATABASE_URL);
  });

  it("names the missing variable", () => {
    const { STEWARD_DATABASE_URL: _, ...env } = validEnv;
    const error = configError(env);
    expect(error.problems.map((p) => p.variable)).toEqual(["STEWARD_DATABASE_URL"]);
    expect(error.message).toMatch(/^STEWARD_DATABASE_URL: /);
  });

  it("names each bad variable without echoing its value", () => {
    const error = configError({ ...validEnv, STEWARD_DATABASE_URL: "mysql://root:s3cr3t-pw@db/x", STEWARD_GRPC_PORT: "70000", STEWARD_AUTH_SECRET: "short-secret-value" });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(["STEWARD_AUTH_SECRET", "STEWARD_DATABASE_URL", "STEWARD_GRPC_PORT"]);
    expect(error.message).not.toContain("s3cr3t-pw");
    expect(error.message).not.toContain("short-secret-value");
    expect(error.message).not.toContain("\n");
  });

  it("refuses a region that is not a slug", () => {
    expect(configError({ ...validEnv, STEWARD_REGION: "Han Bin" }).problems[0]?.variable).toBe("STEWARD_REGION");
  });
});

describe("loadConfig", () => {
  const dir = mkdtempSync(join(tmpdir(), "steward-config-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function runLoadConfig(env: Record<string, string>) {
    const script = join(dir, "load.ts");
    writeFileSync(
      script,
      [
        `import { loadConfig, serviceEnvSchema } from ${JSON.stringify(pathToFileURL(configModule).href)};`,
        "const config = loadConfig(serviceEnvSchema, process.env);",
        'process.stdout.write(`loaded ${config.STEWARD_REGION}\\n`);',
      ].join("\n"),
    );
    // Only what the child needs to run: no STEWARD_* variables leak in from the test's own environment.
    return spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });
  }

  it("exits 78 with one line naming a missing variable", () => {
    const { STEWARD_DATABASE_URL: _, ...env } = validEnv;
    const result = runLoadConfig(env);
    expect(result.status).toBe(78);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((line) => line.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("STEWARD_DATABASE_URL");
  });

  it("starts normally with a complete environment", () => {
    const result = runLoadConfig(validEnv);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("loaded hanbin\n");
  });
});
