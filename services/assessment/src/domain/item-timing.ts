/**
 * How a decided item counts in the statistics, from the clock routing reported with the decision
 * (DecisionClock). The definitions, as the bulletins publish them (DOMAIN-FACTS "Statistics
 * people publish"; 行政许可法 §45: excluded periods are not counted):
 *
 * - early (提前办结): decided with fewer working days gone, from acceptance, than the committed
 *   limit (with any extension the joint meeting granted);
 * - on time (按时办结): decided on the committed limit's last working day;
 * - late (超期办结): more working days gone than the committed limit, split by whose days they were:
 *   - inside the unit (本单位原因): the department's own clock — acceptance to decision with the
 *     days waiting on the applicant (补正, 容缺 suspension) and the excluded periods left out —
 *     ran past the limit;
 *   - outside the unit (非本单位原因): the department's clock stayed within the limit; the days
 *     the applicant or the law took made the enterprise wait longer. These never count against
 *     the department (the bulletin scores late inside the unit only).
 * - on-time rate (按时办结率) = (early + on time) / completed items with a clock; no such item,
 *   no rate.
 */
export type Timing = "early" | "on_time" | "late_inside_unit" | "late_outside_unit";

export interface ItemClockFigures {
  committedWorkingDays: number;
  unitWorkingDays: number;
  totalWorkingDays: number;
}

export function timingOf(clock: ItemClockFigures): Timing {
  if (clock.totalWorkingDays < clock.committedWorkingDays) return "early";
  if (clock.totalWorkingDays === clock.committedWorkingDays) return "on_time";
  return clock.unitWorkingDays > clock.committedWorkingDays ? "late_inside_unit" : "late_outside_unit";
}

/**
 * A share as a ratio; null when there is nothing to divide by: a unit that completed nothing has
 * no on-time rate (a page shows "—", a sheet an empty cell), not a rate of 0 — never NaN either.
 */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The compression rate (压缩率) of limits: how much shorter the committed (or the actual) working
 * days are than the statutory ones, e.g. 932 legal vs 190 committed → 1 − 190/932 = 79.6 %.
 */
export function compressionRate(statutoryWorkingDays: number, workingDays: number): number | null {
  return statutoryWorkingDays > 0 ? 1 - workingDays / statutoryWorkingDays : null;
}
