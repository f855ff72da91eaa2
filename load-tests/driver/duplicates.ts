/**
 * What two routing processes sharing one database must never do twice, counted in the routing
 * database after a run: route an item, warn about it, mark it overdue, or complete a case. Each
 * shows in the case's ledger as one row per occurrence, so a duplicate is a second row of the same
 * action about the same subject. (Duplicate notifications are counted by the webhook tracker.)
 */
import postgres from "postgres";

export interface DuplicateReport {
  /** Items with more than one `item.route` ledger row. */
  routedTwice: number;
  /** Items warned (yellow light) more than once for the same committed deadline. */
  warnedTwice: number;
  /** Items marked overdue more than once for the same committed deadline. */
  overdueTwice: number;
  /** Cases with more than one `case.completed` ledger row. */
  completedTwice: number;
  /** Ledger rows of the run examined. */
  ledgerRows: number;
  /** How many items were routed and cases completed at all: a run with none proves nothing. */
  itemsRouted: number;
  casesCompleted: number;
}

export async function countDuplicates(databaseUrl: string, region: string): Promise<DuplicateReport> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ routed: number; warned: number; overdue: number; completed: number; rows: number; items_routed: number; cases_completed: number }[]>`
      with repeated as (
        select action, count(*) as n
        from ledger
        where region = ${region} and action in ('item.route', 'item.warned', 'item.overdue', 'case.completed')
        group by action, chain_id, subject, case when action in ('item.warned', 'item.overdue') then details ->> 'committedDueOn' else '' end
        having count(*) > 1
      )
      select count(*) filter (where action = 'item.route')::int as routed,
             count(*) filter (where action = 'item.warned')::int as warned,
             count(*) filter (where action = 'item.overdue')::int as overdue,
             count(*) filter (where action = 'case.completed')::int as completed,
             (select count(*) from ledger where region = ${region})::int as rows,
             (select count(distinct subject) from ledger where region = ${region} and action = 'item.route')::int as items_routed,
             (select count(distinct chain_id) from ledger where region = ${region} and action = 'case.completed')::int as cases_completed
      from repeated`;
    return {
      routedTwice: row!.routed,
      warnedTwice: row!.warned,
      overdueTwice: row!.overdue,
      completedTwice: row!.completed,
      ledgerRows: row!.rows,
      itemsRouted: row!.items_routed,
      casesCompleted: row!.cases_completed,
    };
  } finally {
    await sql.end();
  }
}
