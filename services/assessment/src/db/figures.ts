import { startOfCivilDate } from "@steward/calendar";
import type { Sql } from "postgres";
import { emptyMonthFacts, type MonthFacts } from "../domain/figures.js";
import { nextMonth, type Month } from "../domain/periods.js";

type Db = Sql;

/** The instants a month starts and ends (exclusive) in Asia/Shanghai. */
export function monthBounds(month: Month): { from: Date; to: Date } {
  return { from: startOfCivilDate(`${month}-01`), to: startOfCivilDate(`${nextMonth(month)}-01`) };
}

interface Row {
  region: string;
  department: string;
  steward: string;
}

/**
 * Reads the facts of `month` in `regions` from the projection. Copies the city keeps of a county's
 * items (纵向联动) are left out: those items count once, in the county's case.
 */
export async function loadMonthFacts(sql: Db, regions: readonly string[], month: Month): Promise<MonthFacts> {
  const { from, to } = monthBounds(month);
  const facts = emptyMonthFacts(month);
  // The steward who held the case's project at `at`: the latest assignment not after it.
  const stewardAt = (caseAlias: string, at: string) =>
    sql.unsafe(`coalesce((select a.steward_id from projected_steward_assignments a
      where a.region = ${caseAlias}.region and a.project_id = ${caseAlias}.project_id and a.assigned_at <= ${at}
      order by a.assigned_at desc, a.event_id desc limit 1), '')`);
  const stewardOfProject = (region: string, project: string, at: string) =>
    sql.unsafe(`coalesce((select a.steward_id from projected_steward_assignments a
      where a.region = ${region} and a.project_id = ${project} and a.assigned_at <= ${at}
      order by a.assigned_at desc, a.event_id desc limit 1), '')`);

  const [opened, completed, decided, accepted, supplements, warned, overdue, raised, resolved, complaints, answered, tickets, ticketsAnswered, reopened, verificationWarned, verificationOverdue, bars] = await Promise.all([
    sql<Row[]>`select c.region, '' as department, ${stewardAt("c", "c.opened_at")} as steward
      from projected_cases c where c.region = any(${regions as string[]}) and c.origin_region is null and c.opened_at >= ${from} and c.opened_at < ${to}`,
    sql<Row[]>`select c.region, '' as department, ${stewardAt("c", "c.completed_at")} as steward
      from projected_cases c where c.region = any(${regions as string[]}) and c.origin_region is null and c.completion > c.reopening and c.completed_at >= ${from} and c.completed_at < ${to}`,
    sql<(Row & { statutory_wd: number | null; committed_wd: number | null; unit_wd: number | null; total_wd: number | null })[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.decided_at")} as steward, i.statutory_wd, i.committed_wd, i.unit_wd, i.total_wd
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.decided_at >= ${from} and i.decided_at < ${to}`,
    sql<(Row & { mode: string; deemed_accepted: boolean })[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.accepted_at")} as steward, coalesce(i.mode, 'normal') as mode, i.deemed_accepted
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.accepted_at >= ${from} and i.accepted_at < ${to}`,
    sql<(Row & { item_id: string; follow_up: boolean })[]>`
      select s.region, s.department_code as department, ${stewardAt("c", "s.requested_at")} as steward, s.item_id, s.follow_up
      from projected_supplements s left join projected_cases c on c.region = s.region and c.case_id = s.case_id
      left join projected_items i on i.region = s.region and i.item_id = s.item_id
      where s.region = any(${regions as string[]}) and i.origin_region is null and s.requested_at >= ${from} and s.requested_at < ${to}`,
    sql<Row[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.warned_at")} as steward
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.warned_at >= ${from} and i.warned_at < ${to}`,
    sql<Row[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.overdue_at")} as steward
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.overdue_at >= ${from} and i.overdue_at < ${to}`,
    sql<Row[]>`
      select e.region, e.department_code as department, ${stewardAt("c", "e.raised_at")} as steward
      from projected_escalations e left join projected_cases c on c.region = e.region and c.case_id = e.case_id
      where e.region = any(${regions as string[]}) and e.raised_at >= ${from} and e.raised_at < ${to}`,
    sql<Row[]>`
      select e.region, e.department_code as department, ${stewardAt("c", "e.resolved_at")} as steward
      from projected_escalations e left join projected_cases c on c.region = e.region and c.case_id = e.case_id
      where e.region = any(${regions as string[]}) and e.resolved_at >= ${from} and e.resolved_at < ${to}`,
    sql<(Row & { channel: string })[]>`
      select k.region, k.responsible_department as department, ${stewardOfProject("k.region", "k.project_id", "k.received_at")} as steward, k.channel
      from projected_complaints k where k.region = any(${regions as string[]}) and k.received_at >= ${from} and k.received_at < ${to}`,
    sql<(Row & { on_time: boolean | null })[]>`
      select k.region, k.responsible_department as department, ${stewardOfProject("k.region", "k.project_id", "k.answered_at")} as steward, k.answered_on_time as on_time
      from projected_complaints k where k.region = any(${regions as string[]}) and k.answered_at >= ${from} and k.answered_at < ${to}`,
    sql<(Row & { tier: string })[]>`
      select t.region, t.responsible_department as department, '' as steward, t.tier
      from projected_hotline_tickets t where t.region = any(${regions as string[]}) and t.linked_at >= ${from} and t.linked_at < ${to}`,
    sql<(Row & { on_time: boolean | null })[]>`
      select t.region, t.responsible_department as department, '' as steward, t.answered_on_time as on_time
      from projected_hotline_tickets t where t.region = any(${regions as string[]}) and t.answered_at >= ${from} and t.answered_at < ${to}`,
    sql<Row[]>`select c.region, '' as department, ${stewardAt("c", "c.reopened_at")} as steward
      from projected_cases c where c.region = any(${regions as string[]}) and c.origin_region is null and c.reopened_at >= ${from} and c.reopened_at < ${to}`,
    sql<Row[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.verification_warned_at")} as steward
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.verification_warned_at >= ${from} and i.verification_warned_at < ${to}`,
    sql<Row[]>`
      select i.region, i.department_code as department, ${stewardAt("c", "i.verification_overdue_at")} as steward
      from projected_items i left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where i.region = any(${regions as string[]}) and i.origin_region is null and i.verification_overdue_at >= ${from} and i.verification_overdue_at < ${to}`,
    // A bar counts where the false commitment was found; other regions' copies of it are left out.
    sql<Row[]>`
      select b.region, coalesce(i.department_code, '') as department, ${stewardAt("c", "b.barred_at")} as steward
      from projected_bars b left join projected_items i on i.region = b.region and i.item_id = b.origin_item_id
      left join projected_cases c on c.region = i.region and c.case_id = i.case_id
      where b.region = any(${regions as string[]}) and b.origin_region = b.region and b.barred_at >= ${from} and b.barred_at < ${to}`,
  ]);
  const who = (row: Row) => ({ region: row.region, department: row.department, steward: row.steward });
  facts.casesOpened = opened.map(who);
  facts.casesCompleted = completed.map(who);
  facts.itemsDecided = decided.map((row) => ({
    ...who(row),
    ...(row.total_wd !== null
      ? { clock: { statutoryWorkingDays: row.statutory_wd ?? 0, committedWorkingDays: row.committed_wd ?? 0, unitWorkingDays: row.unit_wd ?? 0, totalWorkingDays: row.total_wd } }
      : {}),
  }));
  facts.casesReopened = reopened.map(who);
  facts.acceptances = accepted.map((row) => ({ ...who(row), mode: row.mode, deemed: row.deemed_accepted }));
  facts.supplements = supplements.map((row) => ({ ...who(row), itemId: row.item_id, followUp: row.follow_up }));
  facts.verificationWarned = verificationWarned.map(who);
  facts.verificationOverdue = verificationOverdue.map(who);
  facts.barsRaised = bars.map(who);
  facts.warnings = warned.map(who);
  facts.overdue = overdue.map(who);
  facts.escalationsRaised = raised.map(who);
  facts.escalationsResolved = resolved.map(who);
  facts.complaintsReceived = complaints.map((row) => ({ ...who(row), channel: row.channel }));
  facts.complaintsAnswered = answered.map((row) => ({ ...who(row), onTime: row.on_time === true }));
  facts.hotlineTicketsLinked = tickets.map((row) => ({ ...who(row), tier: row.tier }));
  facts.hotlineTicketsAnswered = ticketsAnswered.map((row) => ({ ...who(row), onTime: row.on_time === true }));
  return facts;
}
