import { readFileSync } from "node:fs";
import { repositoryRoot, stack } from "./stack.js";
import { describe, expect, it } from "vitest";

/** The version scripts/lib/env.sh pins (and the chart's image reuses), without the leading "v". */
const pinned = /^NATS_SERVER_VERSION=v(\d+\.\d+\.\d+)$/m.exec(readFileSync(`${repositoryRoot}scripts/lib/env.sh`, "utf8"))?.[1];

/**
 * Jepsen's 2025 analysis of nats-server 2.12.1 lost acknowledged writes on crashes with the
 * default lazy fsync; 2.15 is the release line the platform is tested on. Below it, or without
 * fsync on every write, an event the outbox marked published could vanish with a crash.
 */
const oldestAcceptable = [2, 15, 0];

const atLeast = (version: string, floor: number[]) => {
  const parts = version.split(".").map(Number);
  for (let i = 0; i < floor.length; i++) if ((parts[i] ?? 0) !== floor[i]) return (parts[i] ?? 0) > floor[i]!;
  return true;
};

describe("the local stack's NATS server", () => {
  it("runs the pinned, current release with JetStream syncing every write to disk", async () => {
    const varz = (await (await fetch(`${stack.natsMonitorUrl}/varz`)).json()) as {
      version: string;
      jetstream?: { config?: { sync_always?: boolean; store_dir?: string } };
    };
    expect(pinned).toBeDefined();
    expect(atLeast(pinned!, oldestAcceptable)).toBe(true);
    expect(varz.version).toBe(pinned);
    expect(varz.jetstream?.config?.sync_always).toBe(true);
    expect(varz.jetstream?.config?.store_dir).toBeTruthy();
  });
});
