/**
 * The clock rounds over history (`pnpm bench:clock`, and the last part of `pnpm bench`): for each
 * size in BENCH_CLOCK_SIZES (default 1000 and 1000000 finished items), approval-routing for a
 * fresh region runs its clock every second over a database seeded with that many finished items
 * (driver/seed.ts) — a tenth of them keeping provisional deadlines, as every item decided in
 * December does until the next year's holidays are published. After the seed it lets one round
 * pass, then measures BENCH_CLOCK_ROUNDS (10) rounds from the service's own histogram
 * (steward_routing_clock_round_duration_seconds on /metrics): each round's mean duration. The
 * rounds read open items only, so the figures at 10^3 and 10^6 items should match.
 * A measurement, not a test: it asserts nothing. Bounded: a size gives up after its rounds'
 * time plus two minutes, the whole run after BENCH_CLOCK_MAX_S (1800).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import postgres from "postgres";
import { createTestDatabase, regionServiceEnv, repositoryRoot, spawnService, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { deleteRegionStreams } from "../driver/stack.ts";
import { seedFinishedItems } from "../driver/seed.ts";

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const whole = (name: string, fallback: string): number[] =>
  (process.env[name] ?? fallback).split(",").map((text) => {
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be whole numbers separated by commas`);
    return value;
  });
const sizes = whole("BENCH_CLOCK_SIZES", "1000,1000000");
const [rounds = 10] = whole("BENCH_CLOCK_ROUNDS", "10");
const [maxS = 1800] = whole("BENCH_CLOCK_MAX_S", "1800");
const intervalMs = 1000;
const metric = "steward_routing_clock_round_duration_seconds";

setTimeout(() => {
  log(`bench clock: still running after ${maxS} s; stopping`);
  process.exit(2);
}, maxS * 1000).unref();

/** Sum and count of each round's duration histogram, from a /metrics text. */
function histograms(text: string): Map<string, { sum: number; count: number }> {
  const byRound = new Map<string, { sum: number; count: number }>();
  for (const match of text.matchAll(new RegExp(`^${metric}_(sum|count)\\{([^}]*)\\} (\\S+)$`, "gm"))) {
    const round = /steward_clock_round="([^"]+)"/.exec(match[2]!)?.[1];
    if (!round) continue;
    const entry = byRound.get(round) ?? { sum: 0, count: 0 };
    entry[match[1] as "sum" | "count"] = Number(match[3]);
    byRound.set(round, entry);
  }
  return byRound;
}

async function scrape(routing: ServiceProcess): Promise<Map<string, { sum: number; count: number }>> {
  return histograms(await (await fetch(`http://127.0.0.1:${routing.httpPort}/metrics`)).text());
}

/** Waits until the "gauges" step, the end of a whole round, has run `more` times after `from`. */
async function roundsAfter(routing: ServiceProcess, from: number, more: number, deadline: number): Promise<Map<string, { sum: number; count: number }>> {
  for (;;) {
    const now = await scrape(routing);
    if ((now.get("gauges")?.count ?? 0) >= from + more) return now;
    if (Date.now() > deadline) throw new Error(`fewer than ${more} clock rounds in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface SizeResult {
  finishedItems: number;
  rounds: number;
  /** Mean duration of each round in milliseconds, over the measured rounds. */
  meanMs: Record<string, number>;
  /** The whole round (every step and the gauges), mean in milliseconds. */
  wholeRoundMs: number;
}

async function measure(size: number): Promise<SizeResult> {
  const region = uniqueRegion("clock");
  let database: TestDatabase | undefined;
  let routing: ServiceProcess | undefined;
  try {
    database = await createTestDatabase(`${region}_approval_routing`);
    routing = await spawnService("approval-routing", {
      ...regionServiceEnv("approval-routing", { region, database }),
      STEWARD_ROUTING_CLOCK_INTERVAL_MS: String(intervalMs),
    }, 120_000, { keepLog: (record) => record.level === "warn" || record.level === "error" || record.level === "fatal" });
    await seedFinishedItems(database.url, region, size, log);
    const owner = postgres(database.url, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
    try {
      await owner`
        update case_items set committed_provisional = true, statutory_provisional = true
        where region = ${region} and get_byte(uuid_send(id), 0) < 26`;
      await owner`analyze case_items`;
    } finally {
      await owner.end();
    }
    const deadline = Date.now() + (rounds * intervalMs * 10 + 120_000);
    // One whole round after the seed, so every measured round sees the whole history.
    const seeded = (await scrape(routing)).get("gauges")?.count ?? 0;
    const before = await roundsAfter(routing, seeded, 2, deadline);
    const after = await roundsAfter(routing, before.get("gauges")!.count, rounds, deadline);
    const meanMs: Record<string, number> = {};
    for (const [round, end] of after) {
      const start = before.get(round) ?? { sum: 0, count: 0 };
      if (end.count > start.count) meanMs[round] = Math.round(((end.sum - start.sum) / (end.count - start.count)) * 1e5) / 100;
    }
    const measured = after.get("gauges")!.count - before.get("gauges")!.count;
    const total = [...after].reduce((sum, [round, end]) => sum + end.sum - (before.get(round)?.sum ?? 0), 0);
    return { finishedItems: size, rounds: measured, meanMs, wholeRoundMs: Math.round((total / measured) * 1e5) / 100 };
  } finally {
    await routing?.stop();
    await database?.drop().catch(() => undefined);
    await deleteRegionStreams(region).catch(() => undefined);
  }
}

const startedAt = new Date().toISOString();
const results: SizeResult[] = [];
for (const size of sizes) {
  log(`bench clock: ${size} finished items`);
  results.push(await measure(size));
}

const out = `${repositoryRoot}bench-results/clock-${startedAt.replace(/[:.]/g, "-")}.json`;
mkdirSync(`${repositoryRoot}bench-results`, { recursive: true });
writeFileSync(out, `${JSON.stringify({ startedAt, intervalMs, results }, null, 2)}\n`);

const names = [...new Set(results.flatMap((result) => Object.keys(result.meanMs)))];
const cell = (text: string | number) => String(text).padStart(14);
const lines = [
  "",
  `Clock rounds over history — mean duration in ms of ${rounds} rounds after the seed, by finished items in the table`,
  `  ${"round".padEnd(22)}${results.map((result) => cell(result.finishedItems.toLocaleString("en"))).join("")}`,
  ...names.map((name) => `  ${name.padEnd(22)}${results.map((result) => cell(result.meanMs[name] ?? "–")).join("")}`),
  `  ${"whole round".padEnd(22)}${results.map((result) => cell(result.wholeRoundMs)).join("")}`,
  "",
  `  written to ${out}`,
  "",
];
process.stdout.write(lines.join("\n"));
process.exit(0);
