import type { PendingQuery, Sql, TransactionSql } from "postgres";
import { anyDeadlineProvisional } from "./items.js";

/** A department's items on the lights and at the joint meeting, as the dashboards count them. */
export interface DepartmentLights {
  department: string;
  /** Open items warned whose committed deadline has not yet passed (yellow). */
  warned: number;
  /** Open items past their committed deadline (red). */
  overdue: number;
  /** Items with an open escalation. */
  escalated: number;
}

/**
 * The region's lights per department, in one statement: open items (a clock that runs or is paused)
 * from the case_items_lit index, and open escalations. Departments with none are absent.
 */
export async function departmentLights(sql: Sql, region: string): Promise<DepartmentLights[]> {
  return departmentLightsQuery(sql, region);
}

/** departmentLights's statement (clock-claims.test.ts checks its plan). */
export function departmentLightsQuery(db: Sql | TransactionSql, region: string): PendingQuery<DepartmentLights[]> {
  return db<DepartmentLights[]>`
    with lights as (
      select department_code as department,
             count(*) filter (where warned_at is not null and overdue_at is null)::int as warned,
             count(*) filter (where overdue_at is not null)::int as overdue
      from case_items
      where region = ${region} and (warned_at is not null or overdue_at is not null)
        and state in ('accepted', 'in_review', 'returned_for_correction', 'resubmitted', 'suspended')
      group by department_code),
    escalated as (
      select i.department_code as department, count(distinct e.item_id)::int as escalated
      from escalations e join case_items i on i.id = e.item_id
      where e.region = ${region} and e.status = 'open'
      group by i.department_code)
    select coalesce(l.department, e.department) as department,
           coalesce(l.warned, 0) as warned, coalesce(l.overdue, 0) as overdue, coalesce(e.escalated, 0) as escalated
    from lights l full join escalated e on e.department = l.department`;
}

/** Open items whose deadlines are provisional (their year's holiday schedule is unpublished). */
export async function provisionalDeadlines(sql: Sql, region: string): Promise<number> {
  const [row] = await provisionalDeadlinesQuery(sql, region);
  return row?.n ?? 0;
}

/**
 * provisionalDeadlines's statement, counted from the case_items_provisional_open index (open items
 * only). The same items publishCalendarYear recomputes: an approval on commitment with its
 * verification still open has a deadline ahead of it as well.
 */
export function provisionalDeadlinesQuery(db: Sql | TransactionSql, region: string): PendingQuery<{ n: number }[]> {
  return db<{ n: number }[]>`
    select count(*)::int as n from case_items
    where region = ${region} and (state not in ('approved', 'rejected', 'cancelled', 'revoked') or verification_open)
      and ${anyDeadlineProvisional(db)}`;
}
