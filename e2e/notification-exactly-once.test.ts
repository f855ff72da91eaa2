import { describe, expect, it } from "vitest";
import { runExactlyOnce } from "./notification/exactly-once.js";

describe("notification: exactly once per (event, recipient, channel)", () => {
  it("sends one SMS and one webhook per red light across 10^4 events, 5 % of them redelivered, the consumer killed mid-batch", async () => {
    const figures = await runExactlyOnce({ events: 10_000, redeliveredShare: 0.05, kills: 1, timeoutMs: 170_000 });
    process.stdout.write(`exactly-once figures: ${JSON.stringify(figures)}\n`);
    // Every event stored, the repeats too: only notification's inbox and claims keep them from acting twice.
    expect(figures.storedMessages).toBe(figures.events + figures.redelivered);
    expect(figures.redelivered).toBe(500);
    // Per event: the department's webhook and inbox, the steward's SMS and inbox, the administration's inbox.
    expect(figures.deliveries).toBe(5 * figures.events);
    expect(figures.claimsNotOne).toBe(0);
    expect(figures.unsent).toBe(0);
    expect(figures.smsSent).toBe(figures.events);
    expect(figures.smsDuplicateKeys).toBe(0);
    expect(figures.webhooksDistinct).toBe(figures.events);
  }, 180_000);
});
