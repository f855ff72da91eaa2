import type { Sql, TransactionSql } from "postgres";
import type { CompletedCase, CompletionStats } from "../domain/completion-stats.js";

export async function recordCompletion(tx: TransactionSql, completion: CompletedCase): Promise<void> {
  await tx`
    insert into completed_cases (region, case_id, project_id, item_count, completed_at)
    values (${completion.region}, ${completion.caseId}, ${completion.projectId}, ${completion.itemCount}, ${completion.completedAt})
    on conflict (region, case_id) do nothing`;
}

export async function completionStats(sql: Sql, region: string): Promise<CompletionStats> {
  const [row] = await sql<{ cases: string; items: string | null; last: Date | null }[]>`
    select count(*) as cases, sum(item_count) as items, max(completed_at) as last
    from completed_cases where region = ${region}`;
  return {
    region,
    completedCases: Number(row?.cases ?? 0),
    completedItems: Number(row?.items ?? 0),
    ...(row?.last ? { lastCompletedAt: row.last } : {}),
  };
}
