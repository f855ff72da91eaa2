import type { Sql, TransactionSql } from "postgres";
import type { LightItem } from "../domain/lights.js";

type Db = Sql | TransactionSql;

/** Items on the red or yellow list: open, warned or overdue; a department's user sees its own only. */
export async function lightItems(db: Db, regions: readonly string[], department?: string): Promise<LightItem[]> {
  const rows = await db<
    { region: string; case_id: string; item_id: string; item_code: string; department_code: string; project_name: string; state: string; committed_due_on: string | null; warned_at: Date | null; overdue_at: Date | null }[]
  >`
    select i.region, i.case_id, i.item_id, i.item_code, i.department_code, coalesce(nullif(c.project_name, ''), p.project_name, '') as project_name,
           i.state, i.committed_due_on::text, i.warned_at, i.overdue_at
    from projected_items i
    left join projected_cases c on c.region = i.region and c.case_id = i.case_id
    left join projected_projects p on p.region = c.region and p.project_id = c.project_id
    where i.region = any(${regions as string[]}) and i.origin_region is null and i.decided_at is null
      and i.state not in ('approved', 'rejected', 'cancelled', 'revoked')
      and (i.warned_at is not null or i.overdue_at is not null)
      ${department ? db`and i.department_code = ${department}` : db``}
    order by i.committed_due_on, i.region, i.item_code`;
  return rows.map((row) => ({
    region: row.region,
    caseId: row.case_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    departmentCode: row.department_code,
    projectName: row.project_name,
    state: row.state,
    committedDueOn: row.committed_due_on ?? "",
    ...(row.warned_at ? { warnedAt: row.warned_at } : {}),
    ...(row.overdue_at ? { overdueAt: row.overdue_at } : {}),
  }));
}

export interface CaseSummary {
  region: string;
  caseId: string;
  projectId?: string;
  projectName: string;
  openedAt?: Date;
  completedAt?: Date;
  items: number;
  openItems: number;
  overdueItems: number;
}

/** A region's cases (those with an item of `department`, for a department), most recent first. */
export async function caseSummaries(db: Db, region: string, department?: string): Promise<CaseSummary[]> {
  const rows = await db<
    { case_id: string; project_id: string | null; project_name: string; opened_at: Date | null; completed_at: Date | null; items: string; open_items: string; overdue_items: string }[]
  >`
    select c.case_id, c.project_id, coalesce(nullif(c.project_name, ''), p.project_name, '') as project_name, c.opened_at, c.completed_at,
           count(i.item_id) as items,
           count(i.item_id) filter (where i.decided_at is null and i.state not in ('approved', 'rejected', 'cancelled', 'revoked')) as open_items,
           count(i.item_id) filter (where i.decided_at is null and i.overdue_at is not null and i.state not in ('approved', 'rejected', 'cancelled', 'revoked')) as overdue_items
    from projected_cases c
    left join projected_items i on i.region = c.region and i.case_id = c.case_id ${department ? db`and i.department_code = ${department}` : db``}
    left join projected_projects p on p.region = c.region and p.project_id = c.project_id
    where c.region = ${region} and c.origin_region is null
    group by c.case_id, c.project_id, c.project_name, p.project_name, c.opened_at, c.completed_at
    ${department ? db`having count(i.item_id) > 0` : db``}
    order by c.opened_at desc nulls last limit 500`;
  return rows.map((row) => ({
    region,
    caseId: row.case_id,
    ...(row.project_id ? { projectId: row.project_id } : {}),
    projectName: row.project_name,
    ...(row.opened_at ? { openedAt: row.opened_at } : {}),
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
    items: Number(row.items),
    openItems: Number(row.open_items),
    overdueItems: Number(row.overdue_items),
  }));
}

export interface ProjectedItem {
  region: string;
  itemId: string;
  caseId: string;
  itemCode: string;
  departmentCode: string;
  state: string;
  committedDueOn: string;
  decidedOn: string;
  overdue: boolean;
  /** The decision's clock counted late inside the unit. */
  lateInsideUnit: boolean;
  targetDate: string;
  projectId?: string;
  projectName: string;
}

/** The items of a case as the projection knows them, with the plan's target dates. */
export async function projectedItems(db: Db, region: string, where: { caseId?: string; itemId?: string }): Promise<ProjectedItem[]> {
  const rows = await db<
    {
      item_id: string;
      case_id: string;
      item_code: string;
      department_code: string;
      state: string;
      committed_due_on: string | null;
      decided_at: Date | null;
      decided_on: string | null;
      overdue_at: Date | null;
      unit_wd: number | null;
      committed_wd: number | null;
      target_date: string | null;
      project_id: string | null;
      project_name: string;
    }[]
  >`
    select i.item_id, i.case_id, i.item_code, i.department_code, i.state, i.committed_due_on::text, i.decided_at, i.decided_on::text, i.overdue_at, i.unit_wd, i.committed_wd,
           t.target_date::text, c.project_id, coalesce(nullif(c.project_name, ''), p.project_name, '') as project_name
    from projected_items i
    left join projected_cases c on c.region = i.region and c.case_id = i.case_id
    left join projected_projects p on p.region = c.region and p.project_id = c.project_id
    left join projected_plan_targets t on t.region = c.region and t.project_id = c.project_id and t.item_code = i.item_code
    where i.region = ${region} ${where.caseId ? db`and i.case_id = ${where.caseId}` : db``} ${where.itemId ? db`and i.item_id = ${where.itemId}` : db``}
    order by i.routed_at nulls last, i.item_code`;
  return rows.map((row) => ({
    region,
    itemId: row.item_id,
    caseId: row.case_id,
    itemCode: row.item_code,
    departmentCode: row.department_code,
    state: row.state,
    committedDueOn: row.committed_due_on ?? "",
    decidedOn: row.decided_on ?? "",
    overdue: row.overdue_at !== null,
    lateInsideUnit: row.unit_wd !== null && row.committed_wd !== null && row.unit_wd > row.committed_wd,
    targetDate: row.target_date ?? "",
    ...(row.project_id ? { projectId: row.project_id } : {}),
    projectName: row.project_name,
  }));
}

export interface ProjectedComplaint {
  complaintId: string;
  projectId?: string;
  projectName: string;
  responsibleDepartment: string;
  channel: string;
  title: string;
  conduct: boolean;
}

export async function projectedComplaint(db: Db, region: string, complaintId: string): Promise<ProjectedComplaint | undefined> {
  const [row] = await db<{ complaint_id: string; project_id: string | null; project_name: string; responsible_department: string; channel: string; title: string; conduct: boolean }[]>`
    select complaint_id, project_id, project_name, responsible_department, channel, title, conduct from projected_complaints where region = ${region} and complaint_id = ${complaintId}`;
  return row
    ? { complaintId: row.complaint_id, ...(row.project_id ? { projectId: row.project_id } : {}), projectName: row.project_name, responsibleDepartment: row.responsible_department, channel: row.channel, title: row.title, conduct: row.conduct }
    : undefined;
}

/** The project's latest case in the region, for a complaint that names a project but no case. */
export async function latestCaseOfProject(db: Db, region: string, projectId: string): Promise<string | undefined> {
  const [row] = await db<{ case_id: string }[]>`
    select case_id from projected_cases where region = ${region} and project_id = ${projectId} and origin_region is null order by opened_at desc nulls last limit 1`;
  return row?.case_id;
}

/** Complaints of the regions, most recent first (the referral page offers them). */
export async function recentComplaints(db: Db, regions: readonly string[], limit = 50): Promise<(ProjectedComplaint & { region: string; receivedAt?: Date })[]> {
  const rows = await db<{ region: string; complaint_id: string; project_id: string | null; project_name: string; responsible_department: string; channel: string; title: string; conduct: boolean; received_at: Date | null }[]>`
    select region, complaint_id, project_id, project_name, responsible_department, channel, title, conduct, received_at
    from projected_complaints where region = any(${regions as string[]}) order by received_at desc nulls last limit ${limit}`;
  return rows.map((row) => ({
    region: row.region,
    complaintId: row.complaint_id,
    ...(row.project_id ? { projectId: row.project_id } : {}),
    projectName: row.project_name,
    responsibleDepartment: row.responsible_department,
    channel: row.channel,
    title: row.title,
    conduct: row.conduct,
    ...(row.received_at ? { receivedAt: row.received_at } : {}),
  }));
}
