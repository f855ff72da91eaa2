import { describe, expect, it } from "vitest";
import { memoryLogger } from "./index.js";
import { RateLimitedLog } from "./rate-limit.js";

const capture = () => memoryLogger({ service: "consumer", region: "hanbin", level: "info" });

describe("RateLimitedLog", () => {
  it("lets a burst through per key and window, then says how many it left out", () => {
    const { logger, lines } = capture();
    let now = 0;
    const log = new RateLimitedLog(logger, { burst: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 1000; i++) log.error("handler agreement-projects", { attempt: i }, "event handler failed; will redeliver");
    log.error("handler other", { attempt: 0 }, "event handler failed; will redeliver");
    expect(lines.map((line) => [line.attempt, line.suppressed])).toEqual([
      [0, undefined],
      [1, undefined],
      [2, undefined],
      [0, undefined],
    ]);
    now = 60_000;
    log.error("handler agreement-projects", { attempt: 1000 }, "event handler failed; will redeliver");
    expect(lines.at(-1)).toMatchObject({ level: "error", attempt: 1000, suppressed: 997 });
  });

  it("forgets the oldest keys beyond its limit, so distinct keys cannot grow it without bound", () => {
    const { logger, lines } = capture();
    const log = new RateLimitedLog(logger, { burst: 1, windowMs: 60_000, maxKeys: 2 }, () => 0);
    log.warn("a", {}, "x");
    log.warn("b", {}, "x");
    log.warn("c", {}, "x"); // "a" forgotten
    log.warn("a", {}, "x");
    log.warn("c", {}, "x"); // still limited
    expect(lines).toHaveLength(4);
  });
});
