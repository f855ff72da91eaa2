import { fileURLToPath } from "node:url";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMonthFacts } from "../db/figures.js";
import { projectionTables } from "../db/rebuild.js";
import { countFigures, type Figures, type Scope } from "../domain/figures.js";
import { applyEvent } from "../events/apply.js";
import { april, march } from "./expected.js";
import { goldenHistory, region } from "./history.js";

/**
 * The golden test: a hand-built history of events (history.ts) goes through the projection into a
 * real database, and the monthly figures must equal the ones worked out by hand (expected.ts) —
 * delivered in order, shuffled, and with every event delivered twice.
 */
let db: TestDatabase;
let sql: Sql;
beforeAll(async () => {
  db = await createTestDatabase("assessment_golden");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 10_000, applicationName: "assessment-golden" });
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

async function figures(month: string, scope: Scope): Promise<Figures[]> {
  return countFigures(await loadMonthFacts(sql, [region], month), scope);
}

function expectWorked(actual: Figures | undefined, worked: Record<string, { value: unknown; arithmetic: string }>, unit: string) {
  expect(actual, `${unit} has figures`).toBeDefined();
  for (const [name, { value, arithmetic }] of Object.entries(worked)) {
    const got = (actual as unknown as Record<string, unknown>)[name];
    if (typeof value === "number") expect(got, `${unit}.${name}: ${arithmetic}`).toBeCloseTo(value, 9);
    else expect(got, `${unit}.${name}: ${arithmetic}`).toEqual(value);
  }
}

async function checkAll() {
  const [regionFigures] = await figures("2026-03", "region");
  expectWorked(regionFigures, march.region, "region");
  const departments = await figures("2026-03", "department");
  for (const [code, worked] of Object.entries(march.departments)) expectWorked(departments.find((f) => f.key === code), worked, `department ${code}`);
  expect(departments.map((f) => f.key).sort()).toEqual(["fgw", "sthj", "zrzy"]);
  const stewards = await figures("2026-03", "steward");
  for (const [id, worked] of Object.entries(march.stewards)) expectWorked(stewards.find((f) => f.key === id), worked, `steward ${id}`);
  const [aprilFigures] = await figures("2026-04", "region");
  expectWorked(aprilFigures, april.region, "april");
}

async function clear() {
  await sql`truncate ${sql([...projectionTables, "inbox"])}`;
}

/** A deterministic shuffle (the test must fail the same way twice). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const copy = [...list];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

describe("the golden history", () => {
  it("gives the figures worked out by hand, in order", async () => {
    await clear();
    for (const event of goldenHistory()) await applyEvent(sql, event);
    await checkAll();
  });

  it("gives the same figures delivered out of order and twice over", async () => {
    await clear();
    const history = goldenHistory();
    for (const event of shuffled([...history, ...history], 7)) await applyEvent(sql, event);
    await checkAll();
  });

  it("takes a reopened case out of the completed count until it completes again, then counts it once", async () => {
    await clear();
    const history = goldenHistory();
    const secondCompletion = history.findIndex((event) => event.payload?.$case === "caseCompleted" && event.payload.value.completion === 2);
    for (const event of history.filter((_, index) => index !== secondCompletion)) await applyEvent(sql, event);
    const reopened = { march: (await figures("2026-03", "region"))[0]!, april: (await figures("2026-04", "region"))[0]! };
    expect({ march: reopened.march.casesCompleted, reopened: reopened.march.casesReopened, april: reopened.april.casesCompleted }).toEqual({ march: 0, reopened: 1, april: 0 });
    await applyEvent(sql, history[secondCompletion]!);
    const [march, april] = [(await figures("2026-03", "region"))[0]!, (await figures("2026-04", "region"))[0]!];
    expect({ march: march.casesCompleted, april: april.casesCompleted }).toEqual({ march: 0, april: 1 });
  });

  it("counts each figure as soon as its event lands", async () => {
    await clear();
    const history = goldenHistory();
    const decisionOfB2 = history.findIndex((event) => event.payload?.$case === "itemDecided" && event.payload.value.itemId.endsWith("b2"));
    for (const event of history.slice(0, decisionOfB2)) await applyEvent(sql, event);
    const [before] = await figures("2026-03", "region");
    await applyEvent(sql, history[decisionOfB2]!);
    const [after] = await figures("2026-03", "region");
    expect(after!.itemsCompleted - before!.itemsCompleted).toBe(1);
    expect(after!.itemsOnTime - before!.itemsOnTime).toBe(1);
  });
});
