import { loadMonthFacts } from "../db/figures.js";
import { countFigures, totalOf, type Figures, type MonthFacts, type Scope } from "../domain/figures.js";
import { monthsEndingWith, monthsOf, type Month, type Quarter } from "../domain/periods.js";
import type { Visibility } from "../domain/visibility.js";
import type { AssessmentContext } from "./context.js";

/** Only a department's own facts, for a department's viewer. */
function forDepartment(facts: MonthFacts, department: string | undefined): MonthFacts {
  if (!department) return facts;
  const mine = <T extends { department: string }>(rows: T[]) => rows.filter((row) => row.department === department);
  return {
    ...facts,
    casesOpened: [],
    casesCompleted: [],
    itemsDecided: mine(facts.itemsDecided),
    acceptances: mine(facts.acceptances),
    supplements: mine(facts.supplements),
    warnings: mine(facts.warnings),
    overdue: mine(facts.overdue),
    escalationsRaised: mine(facts.escalationsRaised),
    escalationsResolved: mine(facts.escalationsResolved),
    complaintsReceived: mine(facts.complaintsReceived),
    complaintsAnswered: mine(facts.complaintsAnswered),
    hotlineTicketsLinked: mine(facts.hotlineTicketsLinked),
    hotlineTicketsAnswered: mine(facts.hotlineTicketsAnswered),
    reviews: mine(facts.reviews),
    rectificationsOpened: mine(facts.rectificationsOpened),
    rectificationsDone: mine(facts.rectificationsDone),
  };
}

/** A month's figures per unit of `scope` over the regions the viewer sees (or one of them). */
export async function monthlyFigures(context: AssessmentContext, visibility: Visibility, month: Month, scope: Scope, regions = visibility.regions): Promise<Figures[]> {
  const facts = forDepartment(await loadMonthFacts(context.sql, regions, month), visibility.department);
  return countFigures(facts, scope);
}

/** The figures of several months per unit, summed (a quarter's, or a trend's window). */
export async function figuresOverMonths(context: AssessmentContext, visibility: Visibility, months: readonly Month[], scope: Scope, regions = visibility.regions): Promise<Figures[]> {
  const perMonth = await Promise.all(months.map((month) => monthlyFigures(context, visibility, month, scope, regions)));
  const units = new Map<string, Figures[]>();
  for (const figures of perMonth.flat()) {
    const id = `${figures.region}\u0000${figures.key}`;
    units.set(id, [...(units.get(id) ?? []), figures]);
  }
  const label = months.length === 3 ? months[0]!.slice(0, 4) + "-Q" + Math.ceil(Number(months[0]!.slice(5)) / 3) : months.at(-1)!;
  return [...units.values()].map((list) => ({ ...totalOf(list, list[0]!.key, list[0]!.region, label), scope }));
}

export const quarterFigures = (context: AssessmentContext, visibility: Visibility, quarter: Quarter, scope: Scope, regions?: string[]) =>
  figuresOverMonths(context, visibility, monthsOf(quarter), scope, regions);

/** The trend of the last `count` months ending with `last`: one total per month. */
export async function trend(context: AssessmentContext, visibility: Visibility, last: Month, count: number, regions = visibility.regions): Promise<Figures[]> {
  const months = monthsEndingWith(last, count);
  return Promise.all(
    months.map(async (month) => {
      const units = await monthlyFigures(context, visibility, month, "region", regions);
      return totalOf(units, "total", regions.length === 1 ? regions[0]! : context.region, month);
    }),
  );
}
