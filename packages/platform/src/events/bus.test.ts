import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, uniqueRegion } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logging/index.js";
import { connectBus } from "./bus.js";
import { streamFor } from "./subjects.js";

/**
 * A nats-server of this test's own that requires a user, as a region's server or a shared
 * cluster's region account does (the local stack's server requires none).
 */
const user = "steward-bus-test";
const password = "bus-test-password-0123456789";
let server: ChildProcess;
let url = "";
let storeDir = "";
const logger = createLogger({ service: "bus-test", region: "test", level: "silent" });

beforeAll(async () => {
  const port = await freePort();
  storeDir = mkdtempSync(join(tmpdir(), "steward-bus-test-"));
  url = `nats://127.0.0.1:${port}`;
  // nats-server is on PATH through scripts/lib/env.sh (.tools/bin, built by scripts/stack.sh).
  server = spawn("nats-server", ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir, "--user", user, "--pass", password], { stdio: ["ignore", "ignore", "pipe"] });
  const stderr: string[] = [];
  server.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${stderr.join("")}`)), 20_000);
    const ready = () => {
      if (!stderr.join("").includes("Server is ready")) return;
      clearTimeout(timer);
      resolve();
    };
    server.stderr!.on("data", ready);
    server.once("exit", (code) => reject(new Error(`nats-server exited with ${code}:\n${stderr.join("")}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
});

describe("connectBus against a server that requires a user", () => {
  it("connects with the region's user and password and makes the region's stream", async () => {
    const region = uniqueRegion("bus");
    const bus = await connectBus({ url, user, password, name: "bus-test", region, logger });
    try {
      const info = await bus.jsm.streams.info(streamFor(region));
      expect(info.config.subjects).toEqual([`steward.${region}.>`]);
    } finally {
      await bus.close();
    }
  });

  it("is refused without them, or with a wrong password", async () => {
    await expect(connectBus({ url, name: "bus-test", region: uniqueRegion("bus"), logger })).rejects.toThrow(/authorization/i);
    await expect(connectBus({ url, user, password: "wrong-password", name: "bus-test", region: uniqueRegion("bus"), logger })).rejects.toThrow(/authorization/i);
  });
});
