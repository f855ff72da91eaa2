import type { Sql, TransactionSql } from "postgres";
import { completionNumber, type CompletedCase, type CompletionStats, type ReopenedCase, type SupplementRound } from "../domain/completion-stats.js";

/** Records a completion; a later one (completed again after a reopening) replaces an earlier one's figures. */
export async function recordCompletion(tx: TransactionSql, completion: CompletedCase): Promise<void> {
  await tx`
    insert into completed_cases (region, case_id, project_id, item_count, completed_at, completion)
    values (${completion.region}, ${completion.caseId}, ${completion.projectId}, ${completion.itemCount}, ${completion.completedAt}, ${completionNumber(completion.completion)})
    on conflict (region, case_id) do update set
      item_count = case when excluded.completion > completed_cases.completion or completed_cases.completed_at is null then excluded.item_count else completed_cases.item_count end,
      completed_at = case when excluded.completion > completed_cases.completion or completed_cases.completed_at is null then excluded.completed_at else completed_cases.completed_at end,
      completion = greatest(completed_cases.completion, excluded.completion)`;
}

/** Records a reopening: the completion it undoes stops counting (see countsAsCompleted). */
export async function recordReopening(tx: TransactionSql, reopened: ReopenedCase): Promise<void> {
  const undoes = completionNumber(reopened.undoesCompletion);
  await tx`
    insert into completed_cases (region, case_id, project_id, item_count, completed_at, completion, reopening, reopened_at)
    values (${reopened.region}, ${reopened.caseId}, ${reopened.projectId}, 0, null, 0, ${undoes}, ${reopened.reopenedAt})
    on conflict (region, case_id) do update set
      reopened_at = case when excluded.reopening > completed_cases.reopening then excluded.reopened_at else completed_cases.reopened_at end,
      reopening = greatest(completed_cases.reopening, excluded.reopening)`;
}

export async function recordSupplementRound(tx: TransactionSql, round: SupplementRound): Promise<void> {
  await tx`
    insert into supplement_rounds (region, event_id, case_id, item_id, round, follow_up, requested_at)
    values (${round.region}, ${round.eventId}, ${round.caseId}, ${round.itemId}, ${round.round}, ${round.followUp}, ${round.requestedAt})
    on conflict do nothing`;
}

export async function completionStats(sql: Sql, region: string): Promise<CompletionStats> {
  // countsAsCompleted, in SQL: completion > reopening.
  const [[row], [rounds]] = await Promise.all([
    sql<{ cases: string; items: string | null; last: Date | null; reopened: string }[]>`
      select count(*) filter (where completion > reopening) as cases,
             sum(item_count) filter (where completion > reopening) as items,
             max(completed_at) filter (where completion > reopening) as last,
             count(*) filter (where reopening > 0 and reopening >= completion) as reopened
      from completed_cases where region = ${region}`,
    sql<{ total: string; follow_up: string }[]>`
      select count(*) as total, count(*) filter (where follow_up) as follow_up from supplement_rounds where region = ${region}`,
  ]);
  return {
    region,
    completedCases: Number(row?.cases ?? 0),
    completedItems: Number(row?.items ?? 0),
    ...(row?.last ? { lastCompletedAt: row.last } : {}),
    reopenedCases: Number(row?.reopened ?? 0),
    supplementRounds: Number(rounds?.total ?? 0),
    followUpSupplementRounds: Number(rounds?.follow_up ?? 0),
  };
}
