import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startPlatform } from "./platform.js";

/** The processes this test process started and that still run (a mailpit, a stand-in, a service). */
function children(): string[] {
  const mine: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid) mine.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim()}`);
    } catch {
      // gone meanwhile
    }
  }
  return mine;
}

describe("an end-to-end platform that cannot start", () => {
  it("leaves nothing it started running: not its mailpit, not the services that did start", async () => {
    const before = children();
    // Notification refuses its configuration; routing, assessment, agreement and intake start.
    await expect(startPlatform({ serviceEnv: { notification: { STEWARD_NOTIFICATION_ROUND_INTERVAL_MS: "soon" } } })).rejects.toThrow(/notification exited/);
    expect(children()).toEqual(before);
  });
});
