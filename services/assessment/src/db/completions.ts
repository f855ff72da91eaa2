import type { Sql } from "postgres";
import type { CompletionStats } from "../domain/completion-stats.js";

/**
 * A region's completions, from the projection. A case counts as completed while its latest
 * completion is newer than its latest reopening (completion > reopening), so a reopened case
 * drops out until it completes again and then counts once. The city's copies of a county's cases
 * are left out: they count in the county.
 */
export async function completionStats(sql: Sql, region: string): Promise<CompletionStats> {
  const [[cases], [rounds]] = await Promise.all([
    sql<{ cases: string; items: string | null; last: Date | null; reopened: string }[]>`
      select count(*) filter (where completion > reopening) as cases,
             sum(item_count) filter (where completion > reopening) as items,
             max(completed_at) filter (where completion > reopening) as last,
             count(*) filter (where reopening > 0 and reopening >= completion) as reopened
      from projected_cases where region = ${region} and origin_region is null`,
    sql<{ total: string; follow_up: string }[]>`
      select count(*) as total, count(*) filter (where s.follow_up) as follow_up
      from projected_supplements s left join projected_items i on i.region = s.region and i.item_id = s.item_id
      where s.region = ${region} and i.origin_region is null`,
  ]);
  return {
    region,
    completedCases: Number(cases?.cases ?? 0),
    completedItems: Number(cases?.items ?? 0),
    ...(cases?.last ? { lastCompletedAt: cases.last } : {}),
    reopenedCases: Number(cases?.reopened ?? 0),
    supplementRounds: Number(rounds?.total ?? 0),
    followUpSupplementRounds: Number(rounds?.follow_up ?? 0),
  };
}
