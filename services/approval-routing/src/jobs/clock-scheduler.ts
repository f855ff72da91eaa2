import { metrics } from "@opentelemetry/api";
import { transaction } from "@steward/platform/db";
import type { Logger } from "@steward/platform/logging";
import { PeriodicTask } from "@steward/platform/lifecycle";
import type { TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import { recomputeDeadlines, returnLateItem, suspendItem, type CommandContext } from "../domain/item-commands.js";
import { deemOverdueConsultations } from "../db/consultation-commands.js";
import { escalateIn } from "../db/escalation-commands.js";
import { caseChain, commandContext, openCaseChain, persistOutcome, type RoutingDeps } from "../db/item-pipeline.js";
import { saveItemSql, toItem, type ItemRow } from "../db/items.js";
import { WriteSet } from "../db/write-set.js";
import { deadlineAlert } from "../events/item-events.js";

const actor = "system:clock";
const batch = 100;

export interface TickReport {
  warned: number;
  overdue: number;
  suspended: number;
  returned: number;
  deemed: number;
  recomputed: number;
}

/**
 * The clock's rounds, each in short transactions over rows claimed with FOR UPDATE SKIP LOCKED
 * and re-checked under the lock: any number of replicas may run them, and each yellow light, red
 * light, suspension and return happens exactly once. Every decision is from the database's state
 * and today's date, so a restart loses nothing: the next round finds what is due.
 */
export async function runClockRound(deps: RoutingDeps, context?: CommandContext): Promise<TickReport> {
  const now = context ?? (await commandContext(deps));
  const report: TickReport = { warned: 0, overdue: 0, suspended: 0, returned: 0, deemed: 0, recomputed: 0 };
  // First, so the lights below go by the deadlines as they stand.
  report.recomputed = await drain(deps, (tx) => recomputeStale(tx, deps, now));
  report.warned = await drain(deps, (tx) => warn(tx, deps, now));
  report.overdue = await drain(deps, (tx) => markOverdue(tx, deps, now));
  report.suspended = await drain(deps, (tx) => suspendLate(tx, deps, now));
  report.returned = await drain(deps, (tx) => returnSuspended(tx, deps, now));
  report.deemed = await drain(deps, (tx) => deemOverdueConsultations(tx, deps.region, now.today, actor));
  return report;
}

async function drain(deps: RoutingDeps, round: (tx: TransactionSql) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await transaction(deps.sql, round);
    total += done;
    if (done < batch) return total;
  }
}

async function claim(query: Promise<ItemRow[]>): Promise<CaseItem[]> {
  return (await query).map(toItem);
}

/**
 * Turns on an item's yellow light (itemWarned) or red light (itemOverdue), written like any change
 * of an item: its row, a ledger row, the event, and the change on its department's feed, so the
 * department sees its own lights on WatchAssignments (电子监察), not only the ledger.
 */
async function light(tx: TransactionSql, item: CaseItem, kind: "itemWarned" | "itemOverdue", now: Date): Promise<void> {
  const lit: CaseItem = kind === "itemWarned" ? { ...item, warnedAt: now, updatedAt: now } : { ...item, overdueAt: now, updatedAt: now };
  await new WriteSet(tx, await openCaseChain(tx, item.region, item.caseId))
    .add(saveItemSql(tx, lit))
    .appendLedger([
      {
        region: item.region,
        chainId: caseChain(item.caseId),
        actor,
        action: kind === "itemWarned" ? "item.warned" : "item.overdue",
        subject: item.id,
        from: item.state,
        to: item.state,
        details: { committedDueOn: item.committedDue?.date ?? "" },
      },
    ])
    .recordEvents([deadlineAlert(lit, kind)])
    .changeFeed(lit.handledInRegion ? [] : [{ item: lit, department: lit.departmentCode }])
    .flush();
}

async function warn(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and warned_at is null and paused_kind is null
        and state in ('accepted', 'in_review', 'resubmitted') and warn_on <= ${context.today}
      order by warn_on limit ${batch} for update skip locked`,
  );
  for (const item of items) await light(tx, item, "itemWarned", context.now);
  return items.length;
}

async function markOverdue(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and overdue_at is null and paused_kind is null
        and state in ('accepted', 'in_review', 'resubmitted') and committed_due_on < ${context.today}
      order by committed_due_on limit ${batch} for update skip locked`,
  );
  for (const item of items) {
    await light(tx, item, "itemOverdue", context.now);
    await escalateIn(tx, item, "overdue", `committed deadline ${item.committedDue?.date} passed`, actor, context.now);
  }
  return items.length;
}

async function suspendLate(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and supplement_due_on < ${context.today} and cardinality(outstanding_materials) > 0
        and state in ('accepted', 'in_review', 'resubmitted')
        -- suspendItem waits for a running excluded period to end; claiming such items would only
        -- refuse them again on every round.
        and paused_kind is null
      order by supplement_due_on limit ${batch} for update skip locked`,
  );
  for (const item of items) {
    const outcome = suspendItem(item, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
  }
  return items.length;
}

async function returnSuspended(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and state = 'suspended' and return_on < ${context.today}
      order by return_on limit ${batch} for update skip locked`,
  );
  for (const item of items) {
    const outcome = returnLateItem(item, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
  }
  return items.length;
}

/**
 * Provisional deadlines of a year that is published by now. publishCalendarYear recomputes those it
 * finds, once; a deadline computed afterwards on an older schedule (another replica's cache within
 * its TTL, a command racing the publication) was never seen again and stayed provisional — and
 * counted on weekends only — for good. Returns the items changed, so a batch of items that are
 * rightly still provisional does not keep the round looping.
 */
async function recomputeStale(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  if (context.schedule.publishedYears.size === 0) return 0;
  const through = `${Math.max(...context.schedule.publishedYears)}-12-31`;
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and (state not in ('approved', 'rejected', 'cancelled', 'revoked') or verification_open)
        and ((committed_provisional and committed_due_on <= ${through}) or (statutory_provisional and statutory_due_on <= ${through})
          or (supplement_provisional and supplement_due_on <= ${through}) or (return_provisional and return_on <= ${through})
          or (verification_provisional and verification_due_on <= ${through}))
      order by id limit ${batch} for update skip locked`,
  );
  let changed = 0;
  for (const item of items) {
    const outcome = recomputeDeadlines(item, context);
    if (!outcome.ok) continue;
    const deadlines = (of: CaseItem) => JSON.stringify([of.statutoryDue, of.committedDue, of.supplementDue, of.returnOn, of.verificationDue]);
    if (deadlines(outcome.value.item) === deadlines(item)) continue;
    await persistOutcome(tx, outcome.value, item, actor);
    changed++;
  }
  return changed;
}

/**
 * Runs the rounds every `intervalMs` until stopped, and keeps the provisional-deadline gauge: how
 * many open items have a deadline in a year whose holiday schedule is not yet published.
 */
export class ClockScheduler {
  private readonly task: PeriodicTask;
  private provisional = 0;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    this.task = new PeriodicTask(() => this.round(), intervalMs);
    metrics
      .getMeter("steward.routing")
      .createObservableGauge("steward.routing.deadlines.provisional", { description: "Open items whose deadlines are provisional (unpublished holiday schedule)" })
      .addCallback((result) => result.observe(this.provisional, { "steward.region": deps.region }));
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  private async round(): Promise<void> {
    try {
      const report = await runClockRound(this.deps);
      if (Object.values(report).some((count) => count > 0)) this.logger.info({ clock: report }, "clock round");
      // The same items publishCalendarYear recomputes: an approval on commitment with its
      // verification still open has a deadline ahead of it as well.
      const [row] = await this.deps.sql<{ n: number }[]>`
        select count(*)::int as n from case_items
        where region = ${this.deps.region} and (state not in ('approved', 'rejected', 'cancelled', 'revoked') or verification_open)
          and (committed_provisional or statutory_provisional or supplement_provisional or return_provisional or verification_provisional)`;
      this.provisional = row?.n ?? 0;
    } catch (error) {
      this.logger.error({ err: error }, "clock round failed; retrying next round");
    }
  }
}
