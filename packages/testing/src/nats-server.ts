import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repositoryRoot } from "./stack.js";
import { eventually } from "./wait.js";

/** A nats-server of a test's own, which the test may kill and start again without touching the shared stack. */
export interface PrivateNatsServer {
  url: string;
  monitorUrl: string;
  /** Kills the server (SIGKILL unless told otherwise) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and store directory; resolves once JetStream is healthy. */
  start(): Promise<void>;
  /** Kills it and deletes its store. */
  remove(): Promise<void>;
}

/**
 * Starts the pinned nats-server (scripts/stack.sh installs it into .tools/bin) with the project's
 * JetStream settings (deploy/nats/nats-server.conf) on free loopback ports and a fresh store.
 */
export async function startNatsServer(): Promise<PrivateNatsServer> {
  const [port, monitorPort] = [await freePort(), await freePort()];
  const storeDir = mkdtempSync(join(tmpdir(), "steward-nats-"));
  const binary = join(repositoryRoot, ".tools", "bin", "nats-server");
  let child: ChildProcess | undefined;
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  const server: PrivateNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    monitorUrl,
    async kill(signal = "SIGKILL") {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill(signal);
      await exited;
    },
    async start() {
      child = spawn(binary, ["-c", join(repositoryRoot, "deploy/nats/nats-server.conf"), "-a", "127.0.0.1", "-p", String(port), "-m", String(monitorPort), "-js", "-sd", storeDir], {
        stdio: "ignore",
      });
      await eventually(async () => ((await fetch(`${monitorUrl}/healthz?js-enabled-only=true`)).ok ? true : undefined), "nats-server healthy", 20_000);
    },
    async remove() {
      await server.kill();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
