import { transaction, type Sql } from "@steward/platform/db";

/** The projection's tables: everything the figures are counted from, and nothing else. */
export const projectionTables = [
  "projected_cases",
  "projected_items",
  "projected_supplements",
  "projected_escalations",
  "projected_complaints",
  "projected_hotline_tickets",
  "projected_projects",
  "projected_steward_assignments",
  "projected_plan_targets",
  "projected_bars",
] as const;

/** Where a rebuild writes: a schema of its own beside the live tables, never the live ones. */
export const rebuildSchema = "assessment_rebuild";

/**
 * Fresh, empty copies of the projection's tables (and an inbox of their own) in `schema`,
 * dropping whatever an earlier rebuild left there. Copies keep the live tables' columns,
 * defaults, keys and indexes, so the same upserts run against them unchanged.
 */
export async function createFreshTables(sql: Sql, schema = rebuildSchema): Promise<void> {
  await transaction(sql, async (tx) => {
    await tx`drop schema if exists ${tx(schema)} cascade`;
    await tx`create schema ${tx(schema)}`;
    for (const table of [...projectionTables, "inbox"]) {
      await tx`create table ${tx(schema)}.${tx(table)} (like public.${tx(table)} including all)`;
    }
  });
}

export interface TableComparison {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  /** Rows in the live table with no equal row in the rebuilt one. */
  onlyLive: number;
  /** Rows in the rebuilt table with no equal row in the live one. */
  onlyRebuilt: number;
}

/** Compares every projection table with its rebuilt copy, row for row (duplicates counted). */
export async function compareWithLive(sql: Sql, schema = rebuildSchema): Promise<TableComparison[]> {
  const comparisons: TableComparison[] = [];
  for (const table of projectionTables) {
    const live = sql`public.${sql(table)}`;
    const rebuilt = sql`${sql(schema)}.${sql(table)}`;
    const [row] = await sql<{ live_rows: number; rebuilt_rows: number; only_live: number; only_rebuilt: number }[]>`
      select
        (select count(*)::int from ${live}) as live_rows,
        (select count(*)::int from ${rebuilt}) as rebuilt_rows,
        (select count(*)::int from (select * from ${live} except all select * from ${rebuilt}) as d) as only_live,
        (select count(*)::int from (select * from ${rebuilt} except all select * from ${live}) as d) as only_rebuilt`;
    comparisons.push({ table, liveRows: row!.live_rows, rebuiltRows: row!.rebuilt_rows, onlyLive: row!.only_live, onlyRebuilt: row!.only_rebuilt });
  }
  return comparisons;
}

export const tablesEqual = (comparisons: readonly TableComparison[]): boolean => comparisons.every((c) => c.onlyLive === 0 && c.onlyRebuilt === 0);
