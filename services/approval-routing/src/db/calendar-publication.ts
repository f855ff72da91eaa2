import { transactionResult } from "@steward/platform/db";
import { newEvent, recordEvents } from "@steward/platform/events";
import { fail, invalidArgument, ok, type Result } from "@steward/platform/errors";
import type { ScheduleEntry } from "@steward/calendar";
import { recomputeDeadlines } from "../domain/item-commands.js";
import { loadSchedule, publishYear } from "./calendar/schedule-store.js";
import { commandContext, persistOutcome, type RoutingDeps } from "./item-pipeline.js";
import { toItem, type ItemRow } from "./items.js";

/**
 * Loads a year's official holiday schedule and, in the same transaction, recomputes every open
 * item whose deadlines were provisional, with a ledger row each and one routing.calendar.recomputed
 * event. Afterwards the process's schedule cache is refreshed; other replicas refresh within its TTL.
 */
export async function publishCalendarYear(deps: RoutingDeps, year: number, entries: ScheduleEntry[], source: string, actor: string): Promise<Result<{ year: number; recomputed: number }>> {
  const result = await transactionResult(deps.sql, async (tx) => {
    const published = await publishYear(tx, year, entries, source, actor);
    if (!published.ok) return fail(invalidArgument(published.problems.map((problem) => ({ field: "days", description: problem }))));
    const context = { ...(await commandContext(deps, tx)), schedule: await loadSchedule(tx) };
    const rows = await tx<ItemRow[]>`
      select * from case_items
      -- An item approved on a commitment (告知承诺) still has its post-approval verification ahead:
      -- its provisional verification due date must be recomputed too, or it stays provisional.
      where region = ${deps.region} and (state not in ('approved', 'rejected', 'cancelled', 'revoked') or verification_open)
        and (committed_provisional or statutory_provisional or supplement_provisional or return_provisional or verification_provisional)
      for update`;
    const recomputed: string[] = [];
    for (const item of rows.map(toItem)) {
      const outcome = recomputeDeadlines(item, context);
      if (!outcome.ok) continue;
      await persistOutcome(tx, outcome.value, item, actor);
      recomputed.push(item.id);
    }
    await recordEvents(tx, [newEvent({ region: deps.region, aggregateId: `calendar:${year}`, payload: { $case: "deadlinesRecomputed", value: { year, itemIds: recomputed } } })]);
    return ok({ year, recomputed: recomputed.length });
  });
  if (result.ok) deps.schedule.invalidate();
  return result;
}
