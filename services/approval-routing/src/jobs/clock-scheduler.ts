import { SpanStatusCode, trace } from "@opentelemetry/api";
import { transaction } from "@steward/platform/db";
import type { Logger } from "@steward/platform/logging";
import { PeriodicTask, type HeartbeatRegistry } from "@steward/platform/lifecycle";
import type { Result } from "@steward/platform/errors";
import { attributeNames, createHistogram, metricDefinitions as m, withCaseSpan } from "@steward/platform/telemetry";
import { deadlineFor } from "@steward/calendar";
import type { TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import {
  deemAccepted,
  markVerificationOverdue,
  recomputeDeadlines,
  returnLateItem,
  suspendItem,
  warnVerification,
  type CommandContext,
  type ItemOutcome,
} from "../domain/item-commands.js";
import { deemOverdueConsultations } from "../db/consultation-commands.js";
import { assignmentChangesSql } from "../db/assignment-changes.js";
import { caseRefs } from "../db/cases.js";
import { clockClaims } from "../db/clock-claims.js";
import { escalateIn } from "../db/escalation-commands.js";
import { caseChain, commandContext, openCaseChain, persistOutcome, type RoutingDeps } from "../db/item-pipeline.js";
import { saveItemSql, toItem, type ItemRow } from "../db/items.js";
import { WriteSet } from "../db/write-set.js";
import { deadlineAlert } from "../events/item-events.js";
import { LightGauges } from "./light-gauges.js";

const actor = "system:clock";
const batch = 100;

export interface TickReport {
  /**
   * Items whose acceptance window passed: deemed accepted from the day they were received (and,
   * once after the upgrade, routed items given the due date they were received without).
   */
  deemedAccepted: number;
  warned: number;
  overdue: number;
  /** Yellow and red lights of post-approval verifications (审后核查). */
  verificationWarned: number;
  verificationOverdue: number;
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
export async function runClockRound(deps: RoutingDeps, context?: CommandContext, timed?: RoundTimer, signal?: AbortSignal): Promise<TickReport> {
  const now = context ?? (await commandContext(deps));
  const report: TickReport = { deemedAccepted: 0, warned: 0, overdue: 0, verificationWarned: 0, verificationOverdue: 0, suspended: 0, returned: 0, deemed: 0, recomputed: 0 };
  const run = async (name: keyof TickReport, round: (tx: TransactionSql) => Promise<number>) => {
    const started = performance.now();
    report[name] = await drain(deps, round, signal);
    timed?.(name, (performance.now() - started) / 1000);
  };
  // First, so the lights below go by the deadlines as they stand.
  await run("recomputed", (tx) => recomputeStale(tx, deps, now));
  // Before the lights: an item deemed accepted from its receipt may be due for them at once.
  await run("deemedAccepted", (tx) => deemUnaccepted(tx, deps, now));
  await run("warned", (tx) => warn(tx, deps, now));
  await run("overdue", (tx) => markOverdue(tx, deps, now));
  await run("verificationWarned", (tx) => warnVerifications(tx, deps, now));
  await run("verificationOverdue", (tx) => markVerificationsOverdue(tx, deps, now));
  await run("suspended", (tx) => suspendLate(tx, deps, now));
  await run("returned", (tx) => returnSuspended(tx, deps, now));
  await run("deemed", (tx) => deemOverdueConsultations(tx, deps.region, now.today, actor));
  return report;
}

/** Told each round's duration in seconds, for steward.routing.clock.round.duration. */
export type RoundTimer = (round: keyof TickReport | "gauges", seconds: number) => void;

/** Runs `round` in transactions of a batch each until one finds less than a batch; an aborted signal stops it between them. */
async function drain(deps: RoutingDeps, round: (tx: TransactionSql) => Promise<number>, signal?: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    signal?.throwIfAborted();
    const done = await transaction(deps.sql, round);
    total += done;
    if (done < batch) return total;
  }
}

async function claim(query: PromiseLike<ItemRow[]>): Promise<CaseItem[]> {
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
  const items = await claim(clockClaims.toWarn(tx, deps.region, context.today, batch));
  await eachItem(tx, deps, "warn", items, (item) => light(tx, item, "itemWarned", context.now));
  return items.length;
}

async function markOverdue(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.toMarkOverdue(tx, deps.region, context.today, batch));
  await eachItem(tx, deps, "overdue", items, async (item) => {
    await light(tx, item, "itemOverdue", context.now);
    await escalateIn(tx, item, "overdue", `committed deadline ${item.committedDue?.date} passed`, actor, context.now);
  });
  return items.length;
}

/**
 * Routed items whose acceptance window passed without 受理 are deemed accepted from the day they
 * were received (行政许可法 §32), ledger row and routing.item.deemed_accepted included, and from
 * then on their clocks and lights run like any accepted item's. Items received before the window
 * was kept have no due date yet: it is computed here, on the working-day calendar, once.
 */
async function deemUnaccepted(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.toDeemAccepted(tx, deps.region, context.today, batch));
  await eachItem(tx, deps, "deem accepted", items, async (item) => {
    const known = item.acceptanceDue ? item : { ...item, acceptanceDue: deadlineFor(context.rules.acceptance.limit, item.receivedOn!, context.schedule) };
    const outcome = deemAccepted(known, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
    // The due date is shown to the department (CaseItem.acceptance_due): its feed gets the change.
    else await backfillAcceptanceDue(tx, known);
  });
  return items.length;
}

/** An item routed before the acceptance window was kept, given its due date: its row and its department's feed. */
async function backfillAcceptanceDue(tx: TransactionSql, item: CaseItem): Promise<void> {
  await saveItemSql(tx, item);
  const feed = assignmentChangesSql(tx, [{ item, department: item.departmentCode }]);
  if (feed) await feed;
}

/**
 * A verification light, given by a domain command, for each claimed item it is due for. Returns
 * the lights given, so claimed items the command refuses cannot keep the round looping.
 */
async function verificationLights(
  tx: TransactionSql,
  deps: RoutingDeps,
  items: CaseItem[],
  light: (item: CaseItem, context: CommandContext) => Result<ItemOutcome>,
  context: CommandContext,
  escalate: boolean,
): Promise<number> {
  let given = 0;
  await eachItem(tx, deps, escalate ? "verification overdue" : "verification warn", items, async (item) => {
    const outcome = light(item, context);
    if (!outcome.ok) return;
    await persistOutcome(tx, outcome.value, item, actor);
    if (escalate) await escalateIn(tx, outcome.value.item, "verification_overdue", `post-approval verification due ${item.verificationDue?.date} not recorded`, actor, context.now);
    given++;
  });
  return given;
}

async function warnVerifications(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.verificationsToWarn(tx, deps.region, context.today, batch));
  return verificationLights(tx, deps, items, warnVerification, context, false);
}

/** A verification not recorded by its due date: its red light, and the joint meeting like any overdue item. */
async function markVerificationsOverdue(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.verificationsOverdue(tx, deps.region, context.today, batch));
  return verificationLights(tx, deps, items, markVerificationOverdue, context, true);
}

async function suspendLate(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.toSuspend(tx, deps.region, context.today, batch));
  await eachItem(tx, deps, "suspend", items, async (item) => {
    const outcome = suspendItem(item, context);
    if (outcome.ok) await persistOutcome(tx, outcome.value, item, actor);
  });
  return items.length;
}

async function returnSuspended(tx: TransactionSql, deps: RoutingDeps, context: CommandContext): Promise<number> {
  const items = await claim(clockClaims.toReturn(tx, deps.region, context.today, batch));
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
  const items = await claim(clockClaims.toRecompute(tx, deps.region, through, batch));
  let changed = 0;
  await eachItem(tx, deps, "recompute", items, async (item) => {
    const outcome = recomputeDeadlines(item, context);
    if (!outcome.ok) return;
    const deadlines = (of: CaseItem) => JSON.stringify([of.statutoryDue, of.committedDue, of.supplementDue, of.returnOn, of.verificationDue, of.acceptanceDue]);
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
  private readonly durations = createHistogram(m.clockRoundDuration);
  private readonly timed: RoundTimer = (round, seconds) => this.durations.record(seconds, { [attributeNames.clockRound]: round });

  constructor(
    private readonly deps: RoutingDeps,
    private readonly logger: Logger,
    intervalMs: number,
    departments: readonly string[],
    /** Past it a round is abandoned (undefined: the PeriodicTask default from the interval). */
    deadlineMs?: number,
  ) {
    this.task = new PeriodicTask((signal) => this.round(signal), { name: "clock", intervalMs, deadlineMs, logger });
    this.gauges = new LightGauges(deps, departments);
  }

  /** Starts the rounds, watched by the service's readiness and liveness (PeriodicTask). */
  start(readiness?: HeartbeatRegistry): void {
    this.task.start(readiness);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One round; once `signal` aborts (its deadline) it stops before the next transaction. */
  private round(signal: AbortSignal): Promise<void> {
    return trace.getTracer("steward.routing").startActiveSpan("clock round", async (span) => {
      try {
        const report = await runClockRound(this.deps, undefined, this.timed, signal);
        for (const [kind, count] of Object.entries(report)) span.setAttribute(`steward.clock.${kind}`, count);
        if (Object.values(report).some((count) => count > 0)) this.logger.info({ clock: report }, "clock round");
        signal.throwIfAborted();
        const started = performance.now();
        await this.gauges.refresh();
        this.timed("gauges", (performance.now() - started) / 1000);
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
