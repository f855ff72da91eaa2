import { compressionRate, ratio, timingOf } from "./item-timing.js";
import type { Month } from "./periods.js";

/** Units the monthly figures are counted for. */
export type Scope = "region" | "department" | "steward";
export const scopes: readonly Scope[] = ["region", "department", "steward"];

/**
 * Who a fact counts for: its region always; its department and the steward who held the
 * project on the fact's day where known ("" when not).
 */
export interface Attribution {
  region: string;
  department: string;
  steward: string;
}

export interface DecidedItemFact extends Attribution {
  /** The decision's clock; absent when routing reported none (the item was decided elsewhere). */
  clock?: { statutoryWorkingDays: number; committedWorkingDays: number; unitWorkingDays: number; totalWorkingDays: number };
}

/** The facts of one month, each row one thing that happened in it (Asia/Shanghai). */
export interface MonthFacts {
  month: Month;
  casesOpened: Attribution[];
  /** Cases whose latest completion fell in the month and that have not been reopened since. */
  casesCompleted: Attribution[];
  casesReopened: Attribution[];
  itemsDecided: DecidedItemFact[];
  /** Acceptances in the month with their mode ("normal", "tolerant", "commitment"). */
  acceptances: (Attribution & { mode: string; deemed: boolean })[];
  /** 补正 rounds asked in the month, with the item they were asked on; followUp: on resubmitted materials. */
  supplements: (Attribution & { itemId: string; followUp: boolean })[];
  warnings: Attribution[];
  overdue: Attribution[];
  verificationWarned: Attribution[];
  verificationOverdue: Attribution[];
  barsRaised: Attribution[];
  escalationsRaised: Attribution[];
  escalationsResolved: Attribution[];
  complaintsReceived: (Attribution & { channel: string })[];
  complaintsAnswered: (Attribution & { onTime: boolean })[];
  hotlineTicketsLinked: (Attribution & { tier: string })[];
  hotlineTicketsAnswered: (Attribution & { onTime: boolean })[];
  reviews: (Attribution & { rating: number })[];
  rectificationsOpened: Attribution[];
  rectificationsDone: (Attribution & { onTime: boolean })[];
}

export function emptyMonthFacts(month: Month): MonthFacts {
  return {
    month,
    casesOpened: [],
    casesCompleted: [],
    casesReopened: [],
    itemsDecided: [],
    acceptances: [],
    supplements: [],
    warnings: [],
    overdue: [],
    verificationWarned: [],
    verificationOverdue: [],
    barsRaised: [],
    escalationsRaised: [],
    escalationsResolved: [],
    complaintsReceived: [],
    complaintsAnswered: [],
    hotlineTicketsLinked: [],
    hotlineTicketsAnswered: [],
    reviews: [],
    rectificationsOpened: [],
    rectificationsDone: [],
  };
}

/** One unit's figures for one month (the definitions: item-timing.ts). */
export interface Figures {
  scope: Scope;
  key: string;
  region: string;
  month: Month;
  casesOpened: number;
  casesCompleted: number;
  itemsCompleted: number;
  itemsEarly: number;
  itemsOnTime: number;
  itemsLateInsideUnit: number;
  itemsLateOutsideUnit: number;
  itemsWithoutClock: number;
  /** null: no completed item with a clock, so no rate (see ratio in item-timing.ts). */
  onTimeRate: number | null;
  statutoryWorkingDays: number;
  committedWorkingDays: number;
  actualWorkingDays: number;
  committedCompressionRate: number | null;
  actualCompressionRate: number | null;
  tolerantAcceptances: number;
  commitmentAcceptances: number;
  supplementRounds: number;
  itemsWithSupplement: number;
  escalationsRaised: number;
  escalationsResolved: number;
  complaintsByChannel: Record<string, number>;
  complaintsAnswered: number;
  complaintsAnsweredOnTime: number;
  hotlineTicketsByTier: Record<string, number>;
  hotlineTicketsAnsweredOnTime: number;
  reviewsByRating: Record<string, number>;
  rectificationsOpened: number;
  rectificationsDone: number;
  rectificationsDoneOnTime: number;
  itemsWarned: number;
  itemsOverdue: number;
  casesReopened: number;
  deemedAcceptances: number;
  followUpSupplementRounds: number;
  verificationWarned: number;
  verificationOverdue: number;
  enterprisesBarred: number;
}

/** A unit's figures before anything is counted. */
export function emptyFigures(scope: Scope, key: string, region: string, month: Month): Figures {
  return {
    scope,
    key,
    region,
    month,
    casesOpened: 0,
    casesCompleted: 0,
    itemsCompleted: 0,
    itemsEarly: 0,
    itemsOnTime: 0,
    itemsLateInsideUnit: 0,
    itemsLateOutsideUnit: 0,
    itemsWithoutClock: 0,
    onTimeRate: null,
    statutoryWorkingDays: 0,
    committedWorkingDays: 0,
    actualWorkingDays: 0,
    committedCompressionRate: null,
    actualCompressionRate: null,
    tolerantAcceptances: 0,
    commitmentAcceptances: 0,
    supplementRounds: 0,
    itemsWithSupplement: 0,
    escalationsRaised: 0,
    escalationsResolved: 0,
    complaintsByChannel: {},
    complaintsAnswered: 0,
    complaintsAnsweredOnTime: 0,
    hotlineTicketsByTier: {},
    hotlineTicketsAnsweredOnTime: 0,
    reviewsByRating: {},
    rectificationsOpened: 0,
    rectificationsDone: 0,
    rectificationsDoneOnTime: 0,
    itemsWarned: 0,
    itemsOverdue: 0,
    casesReopened: 0,
    deemedAcceptances: 0,
    followUpSupplementRounds: 0,
    verificationWarned: 0,
    verificationOverdue: 0,
    enterprisesBarred: 0,
  };
}

const keyOf = (scope: Scope, fact: Attribution): string => (scope === "region" ? fact.region : scope === "department" ? fact.department : fact.steward);

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * Counts a month's facts into figures per unit of `scope`. A fact with no unit in that scope (an
 * item of a project without a steward, for the steward scope) counts for no one there, but still
 * counts for its region and department. Units are ordered by region, then key.
 */
export function countFigures(facts: MonthFacts, scope: Scope): Figures[] {
  const units = new Map<string, Figures>();
  const unit = (fact: Attribution): Figures | undefined => {
    const key = keyOf(scope, fact);
    if (!key) return undefined;
    const id = `${fact.region}\u0000${key}`;
    let figures = units.get(id);
    if (!figures) units.set(id, (figures = emptyFigures(scope, key, fact.region, facts.month)));
    return figures;
  };
  const each = <T extends Attribution>(rows: readonly T[], apply: (figures: Figures, row: T) => void) => {
    for (const row of rows) {
      const figures = unit(row);
      if (figures) apply(figures, row);
    }
  };

  each(facts.casesOpened, (f) => f.casesOpened++);
  each(facts.casesCompleted, (f) => f.casesCompleted++);
  each(facts.casesReopened, (f) => f.casesReopened++);
  each(facts.itemsDecided, (f, item) => {
    f.itemsCompleted++;
    if (!item.clock) {
      f.itemsWithoutClock++;
      return;
    }
    const timing = timingOf(item.clock);
    if (timing === "early") f.itemsEarly++;
    else if (timing === "on_time") f.itemsOnTime++;
    else if (timing === "late_inside_unit") f.itemsLateInsideUnit++;
    else f.itemsLateOutsideUnit++;
    f.statutoryWorkingDays += item.clock.statutoryWorkingDays;
    f.committedWorkingDays += item.clock.committedWorkingDays;
    f.actualWorkingDays += item.clock.unitWorkingDays;
  });
  each(facts.acceptances, (f, accepted) => {
    if (accepted.mode === "tolerant") f.tolerantAcceptances++;
    if (accepted.mode === "commitment") f.commitmentAcceptances++;
    if (accepted.deemed) f.deemedAcceptances++;
  });
  const supplemented = new Map<Figures, Set<string>>();
  each(facts.supplements, (f, round) => {
    f.supplementRounds++;
    if (round.followUp) f.followUpSupplementRounds++;
    const items = supplemented.get(f) ?? new Set<string>();
    items.add(round.itemId);
    supplemented.set(f, items);
    f.itemsWithSupplement = items.size;
  });
  each(facts.warnings, (f) => f.itemsWarned++);
  each(facts.overdue, (f) => f.itemsOverdue++);
  each(facts.verificationWarned, (f) => f.verificationWarned++);
  each(facts.verificationOverdue, (f) => f.verificationOverdue++);
  each(facts.barsRaised, (f) => f.enterprisesBarred++);
  each(facts.escalationsRaised, (f) => f.escalationsRaised++);
  each(facts.escalationsResolved, (f) => f.escalationsResolved++);
  each(facts.complaintsReceived, (f, complaint) => bump(f.complaintsByChannel, complaint.channel || "unknown"));
  each(facts.complaintsAnswered, (f, answered) => {
    f.complaintsAnswered++;
    if (answered.onTime) f.complaintsAnsweredOnTime++;
  });
  each(facts.hotlineTicketsLinked, (f, ticket) => bump(f.hotlineTicketsByTier, ticket.tier || "unknown"));
  each(facts.hotlineTicketsAnswered, (f, answered) => {
    if (answered.onTime) f.hotlineTicketsAnsweredOnTime++;
  });
  each(facts.reviews, (f, review) => bump(f.reviewsByRating, String(review.rating)));
  each(facts.rectificationsOpened, (f) => f.rectificationsOpened++);
  each(facts.rectificationsDone, (f, done) => {
    f.rectificationsDone++;
    if (done.onTime) f.rectificationsDoneOnTime++;
  });

  for (const f of units.values()) {
    const clocked = f.itemsCompleted - f.itemsWithoutClock;
    f.onTimeRate = ratio(f.itemsEarly + f.itemsOnTime, clocked);
    f.committedCompressionRate = compressionRate(f.statutoryWorkingDays, f.committedWorkingDays);
    f.actualCompressionRate = compressionRate(f.statutoryWorkingDays, f.actualWorkingDays);
  }
  return [...units.values()].sort((a, b) => a.region.localeCompare(b.region) || a.key.localeCompare(b.key));
}

/** The sum of several units' figures (a city-wide total row), rates recomputed from the sums. */
export function totalOf(figures: readonly Figures[], key: string, region: string, month: Month): Figures {
  const total = emptyFigures("region", key, region, month);
  const counters = Object.keys(total).filter((name) => typeof (total as unknown as Record<string, unknown>)[name] === "number" && !name.endsWith("Rate")) as (keyof Figures)[];
  for (const f of figures) {
    for (const name of counters) (total as unknown as Record<string, number>)[name]! += f[name] as number;
    for (const [channel, n] of Object.entries(f.complaintsByChannel)) total.complaintsByChannel[channel] = (total.complaintsByChannel[channel] ?? 0) + n;
    for (const [tier, n] of Object.entries(f.hotlineTicketsByTier)) total.hotlineTicketsByTier[tier] = (total.hotlineTicketsByTier[tier] ?? 0) + n;
    for (const [rating, n] of Object.entries(f.reviewsByRating)) total.reviewsByRating[rating] = (total.reviewsByRating[rating] ?? 0) + n;
  }
  const clocked = total.itemsCompleted - total.itemsWithoutClock;
  total.onTimeRate = ratio(total.itemsEarly + total.itemsOnTime, clocked);
  total.committedCompressionRate = compressionRate(total.statutoryWorkingDays, total.committedWorkingDays);
  total.actualCompressionRate = compressionRate(total.statutoryWorkingDays, total.actualWorkingDays);
  return total;
}
