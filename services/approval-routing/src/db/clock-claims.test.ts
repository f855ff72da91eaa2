import type { Fragment, TransactionSql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clockClaims } from "./clock-claims.js";
import { departmentLightsQuery, provisionalDeadlinesQuery } from "./lights.js";
import { createHarness, type Harness } from "./test-harness.js";

/**
 * The clock's rounds over a table of 10^6 FINISHED items, each of which carries every date and
 * flag a round looks at (lights due, deadlines passed and provisional, materials missing, return
 * days passed): only its state keeps it out of the rounds. Every round's statement must reach the
 * open items through its partial index and touch a number of pages that does not depend on the
 * finished ones; with that index dropped the same check must fail.
 */
const finished = 1_000_000;
const open = 1_000;
const today = "2026-03-02";
const through = "2026-12-31";
const limit = 100;
/** Pages a statement may touch: the open items need a few hundred, one pass over the finished ones tens of thousands. */
const pageBudget = 1_000;

let harness: Harness;
let region: string;

beforeAll(async () => {
  harness = await createHarness("routing_clock_claims");
  region = harness.routing().region;
  await harness.ownerSql.begin(async (tx) => {
    await tx`set local statement_timeout = 0`;
    // Loading 10^6 rows through every index and foreign key costs each row a lookup per index and
    // per key; built once after the load from the same definitions (in this transaction, so the
    // schema the plans are checked on is the migrated one), they cost a sort each. The primary
    // key (other tables' keys point at it) and the partial indexes the rounds use stay in place.
    const rebuilt = await tx<{ drop: string; create: string }[]>`
      select format('drop index %s', i.indexrelid::regclass) as drop, pg_get_indexdef(i.indexrelid) as create
      from pg_index i
      where i.indrelid = 'case_items'::regclass and i.indpred is null and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      union all
      select format('alter table case_items drop constraint %I', c.conname),
             format('alter table case_items add constraint %I %s', c.conname, pg_get_constraintdef(c.oid))
      from pg_constraint c
      where c.conrelid = 'case_items'::regclass and c.contype in ('u', 'f')`;
    for (const { drop } of rebuilt) await tx.unsafe(drop);
    await tx`
      insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, completed_at)
      select ('c' || lpad(to_hex(g), 31, '0'))::uuid, ${region}, ('a' || lpad(to_hex(g), 31, '0'))::uuid, 1,
             ('b' || lpad(to_hex(g), 31, '0'))::uuid, '历史项目', 'completed', now()
      from generate_series(0, 999) g`;
    // Ids in ascending order, so the 10^6 rows append to every index instead of splitting pages.
    await tx`
      insert into case_items (id, region, case_id, item_code, attempt, department_code, state, mode, terms,
        received_on, acceptance_due_on, acceptance_provisional, accepted_on, statutory_due_on, statutory_provisional,
        committed_due_on, committed_provisional, warn_on, warned_at, overdue_at, outstanding_materials,
        supplement_due_on, supplement_provisional, return_on, return_provisional,
        verification_warn_on, verification_due_on, verification_provisional, verification_open)
      select ('d' || lpad(to_hex(g), 31, '0'))::uuid, ${region}, ('c' || lpad(to_hex(g % 1000), 31, '0'))::uuid, 'ITEM-' || (g % 10), g,
             'DEPT-' || (g % 7), (array['approved', 'rejected', 'cancelled', 'revoked'])[g % 4 + 1], 'tolerant', '{}'::jsonb,
             date '2025-01-02', date '2025-01-09', true, date '2025-01-09', date '2025-03-01', true,
             date '2025-02-01', true, date '2025-01-31',
             case when g % 2 = 0 then null else now() end, case when g % 2 = 0 then null else now() end, '{营业执照}',
             date '2025-01-16', true, date '2025-02-06', true,
             date '2025-05-01', date '2025-05-02', true, false
      from generate_series(1, ${finished}) g`;
    // The open items, a quarter in each of: running clocks due for lights, suspension and recomputing
    // (an eighth already warned, for the dashboards' lights); routed past the acceptance window;
    // suspended past the return day; approved on a commitment with the verification overdue.
    await tx`
      insert into case_items (id, region, case_id, item_code, attempt, department_code, state, mode, terms,
        received_on, acceptance_due_on, accepted_on, committed_due_on, committed_provisional, warn_on, warned_at,
        outstanding_materials, supplement_due_on, return_on, verification_warn_on, verification_due_on, verification_open)
      select ('e' || lpad(to_hex(g), 31, '0'))::uuid, ${region}, ('c' || lpad(to_hex(g % 1000), 31, '0'))::uuid, 'OPEN-' || (g % 10), g,
             'DEPT-' || (g % 7), (array['accepted', 'routed', 'suspended', 'approved'])[g % 4 + 1], 'tolerant', '{}'::jsonb,
             date '2026-01-05', date '2026-01-12', date '2026-01-12', date '2026-02-02', true, date '2026-01-30',
             case when g % 8 = 0 then now() end, '{营业执照}', date '2026-01-19', date '2026-02-09',
             date '2026-02-20', date '2026-02-27', g % 4 = 3
      from generate_series(1, ${open}) g`;
    for (const { create } of rebuilt) await tx.unsafe(create);
    await tx`analyze case_items`;
    await tx`analyze cases`;
  });
}, 600_000);

afterAll(async () => {
  await harness?.close();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

interface Explained {
  /** Scans of case_items: the index's name, or "Seq Scan". */
  scans: string[];
  pages: number;
  rows: number;
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The statement's plan as run (EXPLAIN ANALYZE, so its locks are taken), in a transaction rolled
 * back afterwards with whatever `before` changed. `generic`: the plan Postgres caches for the
 * prepared statement after a few runs (postgres.js prepares every statement), parameters unknown.
 */
async function explain(statement: (tx: TransactionSql) => Fragment, options: { before?: (tx: TransactionSql) => Promise<unknown>; generic?: boolean } = {}): Promise<Explained> {
  let explained: Explained | undefined;
  await harness.ownerSql
    .begin(async (tx) => {
      await tx`set local statement_timeout = 0`;
      await options.before?.(tx);
      let plan: PlanNode;
      if (options.generic) {
        const query = statement(tx);
        const { string } = (await query.describe()) as unknown as { string: string };
        // The values as literals, so each takes its parameter's type as a bound value would.
        const values = (query as unknown as { parameters: unknown[] }).parameters.map((value) => `'${String(value).replaceAll("'", "''")}'`);
        await tx.unsafe(`prepare clock_claim as ${string}`);
        await tx`set local plan_cache_mode = force_generic_plan`;
        const [row] = await tx.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(`explain (analyze, buffers, format json) execute clock_claim(${values.join(", ")})`);
        await tx`deallocate clock_claim`;
        plan = row!["QUERY PLAN"][0]!.Plan;
      } else {
        const [row] = await tx<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>`explain (analyze, buffers, format json) ${statement(tx)}`;
        plan = row!["QUERY PLAN"][0]!.Plan;
      }
      const scans = nodes(plan).filter((node) => node["Relation Name"] === "case_items");
      explained = {
        scans: scans.map((node) => node["Index Name"] ?? node["Node Type"]),
        pages: plan["Shared Hit Blocks"] + plan["Shared Read Blocks"],
        rows: plan["Actual Rows"],
      };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return explained!;
}

class RolledBack extends Error {}

const rounds: { name: string; index: string; alsoReads?: string[]; statement: (tx: TransactionSql) => Fragment }[] = [
  { name: "recompute provisional deadlines", index: "case_items_provisional_open", statement: (tx) => clockClaims.toRecompute(tx, region, through, limit) },
  { name: "deem accepted", index: "case_items_to_deem", statement: (tx) => clockClaims.toDeemAccepted(tx, region, today, limit) },
  { name: "yellow light", index: "case_items_to_warn", statement: (tx) => clockClaims.toWarn(tx, region, today, limit) },
  { name: "red light", index: "case_items_to_overdue", statement: (tx) => clockClaims.toMarkOverdue(tx, region, today, limit) },
  { name: "verification yellow light", index: "case_items_verification_to_warn", statement: (tx) => clockClaims.verificationsToWarn(tx, region, today, limit) },
  { name: "verification red light", index: "case_items_verification_to_overdue", statement: (tx) => clockClaims.verificationsOverdue(tx, region, today, limit) },
  { name: "suspension", index: "case_items_supplement_due", statement: (tx) => clockClaims.toSuspend(tx, region, today, limit) },
  { name: "return", index: "case_items_to_return", statement: (tx) => clockClaims.toReturn(tx, region, today, limit) },
  // The open escalations' items, by id, besides the lit items.
  { name: "lights gauge", index: "case_items_lit", alsoReads: ["case_items_pkey"], statement: (tx) => departmentLightsQuery(tx, region) },
  { name: "provisional deadlines gauge", index: "case_items_provisional_open", statement: (tx) => provisionalDeadlinesQuery(tx, region) },
];

describe(`the clock's rounds over ${finished.toLocaleString("en")} finished items`, () => {
  it.each(rounds)("$name reads the open items through $index", async ({ statement, index, alsoReads = [] }) => {
    for (const generic of [false, true]) {
      const explained = await explain(statement, { generic });
      const plan = generic ? "generic plan" : "plan";
      expect(explained.rows, `${plan}: the statement finds the open items due`).toBeGreaterThan(0);
      expect(explained.scans, plan).toEqual([index, ...alsoReads]);
      expect(explained.pages, `${plan}: pages touched (${explained.scans.join(", ")})`).toBeLessThan(pageBudget);
    }
  });

  it.each(rounds)("$name: the check fails without $index", async ({ statement, index }) => {
    const explained = await explain(statement, { before: (tx) => tx`drop index ${tx(index)}` });
    expect(explained.scans).not.toContain(index);
    expect(explained.pages, `pages touched without the index (${explained.scans.join(", ")})`).toBeGreaterThanOrEqual(pageBudget);
  });
});
