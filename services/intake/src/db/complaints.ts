import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Complaint, ComplaintChannel, EscalationCause } from "../domain/complaint.js";
import type { Reminded } from "../domain/reply-clocks.js";
import { clockOf, type ClockColumns } from "./clocks.js";

interface ComplaintRow extends ClockColumns {
  id: string;
  region: string;
  channel: ComplaintChannel;
  project_id: string | null;
  enterprise_id: string | null;
  item_code: string | null;
  departments: string[];
  responsible_department: string;
  status: Complaint["status"];
  title: string;
  content: string;
  conduct: boolean;
  complainant_name: string | null;
  complainant_phone: string | null;
  received_by: string;
  received_at: Date;
  reminded: Reminded;
  escalation_cause: EscalationCause | null;
  escalated_at: Date | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  hotline_ticket_id: string | null;
}

const toComplaint = (row: ComplaintRow): Complaint => ({
  id: row.id,
  region: row.region,
  channel: row.channel,
  ...(row.project_id ? { projectId: row.project_id } : {}),
  ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
  ...(row.item_code ? { itemCode: row.item_code } : {}),
  departments: row.departments,
  responsibleDepartment: row.responsible_department,
  status: row.status,
  title: row.title,
  content: row.content,
  conduct: row.conduct,
  ...(row.complainant_name ? { complainantName: row.complainant_name } : {}),
  ...(row.complainant_phone ? { complainantPhone: row.complainant_phone } : {}),
  receivedBy: row.received_by,
  receivedAt: row.received_at,
  clock: clockOf(row),
  reminded: row.reminded,
  ...(row.escalation_cause ? { escalationCause: row.escalation_cause } : {}),
  ...(row.escalated_at ? { escalatedAt: row.escalated_at } : {}),
  ...(row.answer ? { answer: row.answer } : {}),
  ...(row.answered_by ? { answeredBy: row.answered_by } : {}),
  ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
  ...(row.hotline_ticket_id ? { hotlineTicketId: row.hotline_ticket_id } : {}),
});

type Db = Sql | TransactionSql;

export async function findComplaint(sql: Db, region: string, id: string, forUpdate = false): Promise<Complaint | undefined> {
  const [row] = forUpdate
    ? await sql<ComplaintRow[]>`select * from complaints where region = ${region} and id = ${id} for update`
    : await sql<ComplaintRow[]>`select * from complaints where region = ${region} and id = ${id}`;
  return row ? toComplaint(row) : undefined;
}

/** The oldest open complaint about the project (or else the enterprise), for linking a hotline ticket. */
export async function openComplaintAbout(tx: TransactionSql, region: string, projectId: string | undefined, enterpriseId: string | undefined): Promise<Complaint | undefined> {
  if (!projectId && !enterpriseId) return undefined;
  const [row] = await tx<ComplaintRow[]>`
    select * from complaints
    where region = ${region} and status <> 'answered'
      and ${projectId ? tx`project_id = ${projectId}` : tx`enterprise_id = ${enterpriseId!} and project_id is null`}
    order by received_at limit 1`;
  return row ? toComplaint(row) : undefined;
}

export interface ComplaintFilter {
  projectIds?: string[];
  enterpriseId?: string;
  department?: string;
  status?: string;
  after: PageCursor | undefined;
  limit: number;
}

export async function listComplaints(sql: Sql, region: string, filter: ComplaintFilter) {
  const rows = await sql<ComplaintRow[]>`
    select * from complaints
    where region = ${region}
      ${filter.projectIds ? sql`and project_id = any(${filter.projectIds}::uuid[])` : sql``}
      ${filter.enterpriseId ? sql`and enterprise_id = ${filter.enterpriseId}` : sql``}
      ${filter.department ? sql`and (responsible_department = ${filter.department} or ${filter.department} = any(departments))` : sql``}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.after ? sql`and (received_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by received_at, id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toComplaint);
  const last = page[page.length - 1];
  return { complaints: page, next: rows.length > filter.limit && last ? { at: last.receivedAt, id: last.id } : undefined };
}

export function insertComplaintSql(tx: TransactionSql, c: Complaint): Fragment {
  return tx`
    insert into complaints (id, region, channel, project_id, enterprise_id, item_code, departments, responsible_department, status, title, content,
                            conduct, complainant_name, complainant_phone, received_by, received_at, due_on, due_at, due_provisional, remind_at,
                            reminded, escalation_cause, escalated_at, hotline_ticket_id)
    values (${c.id}, ${c.region}, ${c.channel}, ${c.projectId ?? null}, ${c.enterpriseId ?? null}, ${c.itemCode ?? null}, ${c.departments}::text[],
            ${c.responsibleDepartment}, ${c.status}, ${c.title}, ${c.content}, ${c.conduct}, ${c.complainantName ?? null}, ${c.complainantPhone ?? null},
            ${c.receivedBy}, ${c.receivedAt}, ${c.clock.dueOn}::date, ${c.clock.dueAt}, ${c.clock.provisional}, ${c.clock.remindAt}, ${c.reminded},
            ${c.escalationCause ?? null}, ${c.escalatedAt ?? null}, ${c.hotlineTicketId ?? null})`;
}

export function updateComplaintSql(tx: TransactionSql, c: Complaint): Fragment {
  return tx`
    update complaints set responsible_department = ${c.responsibleDepartment}, status = ${c.status}, reminded = ${c.reminded},
      due_on = ${c.clock.dueOn}::date, due_at = ${c.clock.dueAt}, due_provisional = ${c.clock.provisional}, remind_at = ${c.clock.remindAt},
      escalation_cause = ${c.escalationCause ?? null}, escalated_at = ${c.escalatedAt ?? null}, answer = ${c.answer ?? null},
      answered_by = ${c.answeredBy ?? null}, answered_at = ${c.answeredAt ?? null}, hotline_ticket_id = ${c.hotlineTicketId ?? null}
    where region = ${c.region} and id = ${c.id}`;
}

export async function claimDueComplaints(tx: TransactionSql, region: string, now: Date, limit: number): Promise<Complaint[]> {
  const rows = await tx<ComplaintRow[]>`
    select * from complaints
    where region = ${region} and status <> 'answered' and ((remind_at <= ${now} and reminded = 'none') or (due_at <= ${now} and reminded <> 'overdue'))
    order by remind_at limit ${limit} for update skip locked`;
  return rows.map(toComplaint);
}

/** Open complaints whose due date is still provisional, locked: recounted when a year is published. */
export async function provisionalComplaints(tx: TransactionSql, region: string): Promise<Complaint[]> {
  return (await tx<ComplaintRow[]>`select * from complaints where region = ${region} and due_provisional and status <> 'answered' order by received_at, id for update`).map(toComplaint);
}
