import { SpanStatusCode, trace } from "@opentelemetry/api";
import { transaction } from "@steward/platform/db";
import { recordEvents } from "@steward/platform/events";
import type { Logger } from "@steward/platform/logging";
import { appendLedger } from "@steward/platform/ledger";
import { PeriodicTask, type HeartbeatRegistry } from "@steward/platform/lifecycle";
import { withCaseSpan } from "@steward/platform/telemetry";
import type { TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import { recomputeDeadlines, returnLateItem, suspendItem, type CommandContext } from "../domain/item-commands.js";
import { deemOverdueConsultations } from "../db/consultation-commands.js";
import { caseRefs } from "../db/cases.js";
import { escalateIn } from "../db/escalation-commands.js";
import { caseChain, commandContext, persistOutcome, type RoutingDeps } from "../db/item-pipeline.js";
import { toItem, type ItemRow } from "../db/items.js";
import { deadlineAlert } from "../events/item-events.js";
import { LightGauges } from "./light-gauges.js";

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
 * Runs the round's action on each claimed item in a span of the item's case (linked to the trace
 * the case began in), so a light or a suspension shows in the case's story. The cases are looked
 * up only when the round is traced.
 */
async function eachItem(tx: TransactionSql, deps: RoutingDeps, action: string, items: CaseItem[], work: (item: CaseItem) => Promise<void>): Promise<void> {
  const refs = items.length > 0 && trace.getActiveSpan()?.isRecording() ? await caseRefs(tx, deps.region, items.map((item) => item.caseId)) : new Map();
  for (const item of items) await withCaseSpan(`clock ${action}`, refs.get(item.caseId) ?? { caseId: item.caseId }, () => work(item));
}

async function warn(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and warned_at is null and paused_kind is null
        and state in ('accepted', 'in_review', 'resubmitted') and warn_on <= ${context.today}
      order by warn_on limit ${batch} for update skip locked`,
  );
  await eachItem(tx, deps, "warn", items, async (item) => {
    await tx`update case_items set warned_at = ${context.now} where id = ${item.id}`;
    await appendLedger(tx, [
      { region: item.region, chainId: caseChain(item.caseId), actor, action: "item.warned", subject: item.id, from: item.state, to: item.state, details: { committedDueOn: item.committedDue?.date ?? "" } },
    ]);
    await recordEvents(tx, [deadlineAlert(item, "itemWarned")]);
  });
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
  await eachItem(tx, deps, "overdue", items, async (item) => {
    await tx`update case_items set overdue_at = ${context.now} where id = ${item.id}`;
    await appendLedger(tx, [
      { region: item.region, chainId: caseChain(item.caseId), actor, action: "item.overdue", subject: item.id, from: item.state, to: item.state, details: { committedDueOn: item.committedDue?.date ?? "" } },
    ]);
    await recordEvents(tx, [deadlineAlert(item, "itemOverdue")]);
    await escalateIn(tx, item, "overdue", `committed deadline ${item.committedDue?.date} passed`, actor, context.now);
  });
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
  await eachItem(tx, deps, "suspend", items, async (item) => {
    const outcome = suspendItem(item, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
  });
  return items.length;
}

async function returnSuspended(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(
    tx<ItemRow[]>`
      select * from case_items
      where region = ${deps.region} and state = 'suspended' and return_on < ${context.today}
      order by return_on limit ${batch} for update skip locked`,
  );
  await eachItem(tx, deps, "return", items, async (item) => {
    const outcome = returnLateItem(item, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
  });
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
  await eachItem(tx, deps, "recompute", items, async (item) => {
    const outcome = recomputeDeadlines(item, context);
    if (!outcome.ok) return;
    const deadlines = (of: CaseItem) => JSON.stringify([of.statutoryDue, of.committedDue, of.supplementDue, of.returnOn, of.verificationDue]);
    if (deadlines(outcome.value.item) === deadlines(item)) return;
    await persistOutcome(tx, outcome.value, item, actor);
    changed++;
  });
  return changed;
}

/**
 * Runs the rounds every `intervalMs` until stopped, each as one trace, and after each round
 * refreshes the gauges operations alert on: lights and escalations per department, provisional
 * deadlines (LightGauges). A failed round is logged by the task and tried again next round.
 */
export class ClockScheduler {
  private readonly task: PeriodicTask;
  private readonly gauges: LightGauges;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly logger: Logger,
    intervalMs: number,
    departments: readonly string[],
  ) {
    this.task = new PeriodicTask(() => this.round(), { name: "clock", intervalMs, logger });
    this.gauges = new LightGauges(deps, departments);
  }

  /** Starts the rounds, watched by the service's readiness (a round that never ends: not ready). */
  start(readiness?: HeartbeatRegistry): void {
    this.task.start(readiness);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  private round(): Promise<void> {
    return trace.getTracer("steward.routing").startActiveSpan("clock round", async (span) => {
      try {
        const report = await runClockRound(this.deps);
        for (const [kind, count] of Object.entries(report)) span.setAttribute(`steward.clock.${kind}`, count);
        if (Object.values(report).some((count) => count > 0)) this.logger.info({ clock: report }, "clock round");
        await this.gauges.refresh();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }
}
