import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { HotlineTicket, TicketStatus } from "../domain/hotline-ticket.js";
import type { Reminded } from "../domain/reply-clocks.js";

interface TicketRow {
  id: string;
  region: string;
  ticket_no: string;
  tier: string;
  status: TicketStatus;
  title: string;
  content: string;
  caller_name: string | null;
  caller_phone: string | null;
  received_at: Date;
  due_at: Date;
  remind_at: Date;
  reminded: Reminded;
  project_id: string | null;
  enterprise_id: string | null;
  item_code: string | null;
  complaint_id: string | null;
  coordinator: HotlineTicket["coordinator"];
  responsible_department: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  due_on: string;
}

const toTicket = (row: TicketRow): HotlineTicket => ({
  id: row.id,
  region: row.region,
  ticketNo: row.ticket_no,
  tier: row.tier,
  status: row.status,
  title: row.title,
  content: row.content,
  ...(row.caller_name ? { callerName: row.caller_name } : {}),
  ...(row.caller_phone ? { callerPhone: row.caller_phone } : {}),
  receivedAt: row.received_at,
  // Hour tiers have no civil due date of their own; the date of the due instant is derived.
  clock: { dueAt: row.due_at, dueOn: row.due_on, provisional: false, remindAt: row.remind_at },
  reminded: row.reminded,
  ...(row.project_id ? { projectId: row.project_id } : {}),
  ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
  ...(row.item_code ? { itemCode: row.item_code } : {}),
  ...(row.complaint_id ? { complaintId: row.complaint_id } : {}),
  coordinator: row.coordinator,
  responsibleDepartment: row.responsible_department,
  ...(row.answer ? { answer: row.answer } : {}),
  ...(row.answered_by ? { answeredBy: row.answered_by } : {}),
  ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
});

type Db = Sql | TransactionSql;

const selectTicket = (sql: Db) => sql`select t.*, (t.due_at at time zone 'Asia/Shanghai')::date::text as due_on from hotline_tickets t`;

export async function findTicket(sql: Db, region: string, id: string, forUpdate = false): Promise<HotlineTicket | undefined> {
  const [row] = forUpdate
    ? await sql<TicketRow[]>`${selectTicket(sql)} where t.region = ${region} and t.id = ${id} for update`
    : await sql<TicketRow[]>`${selectTicket(sql)} where t.region = ${region} and t.id = ${id}`;
  return row ? toTicket(row) : undefined;
}

export async function findTicketByNo(tx: TransactionSql, region: string, ticketNo: string): Promise<HotlineTicket | undefined> {
  const [row] = await tx<TicketRow[]>`${selectTicket(tx)} where t.region = ${region} and t.ticket_no = ${ticketNo} for update`;
  return row ? toTicket(row) : undefined;
}

export async function openTicketsOfComplaint(tx: TransactionSql, region: string, complaintId: string): Promise<HotlineTicket[]> {
  return (await tx<TicketRow[]>`${selectTicket(tx)} where t.region = ${region} and t.complaint_id = ${complaintId} and t.status in ('received', 'in_progress') for update`).map(toTicket);
}

export async function listTickets(sql: Sql, region: string, filter: { projectIds?: string[]; status?: string; after: PageCursor | undefined; limit: number }) {
  const rows = await sql<TicketRow[]>`
    ${selectTicket(sql)}
    where t.region = ${region}
      ${filter.projectIds ? sql`and t.project_id = any(${filter.projectIds}::uuid[])` : sql``}
      ${filter.status ? sql`and t.status = ${filter.status}` : sql``}
      ${filter.after ? sql`and (t.received_at, t.id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by t.received_at, t.id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toTicket);
  const last = page[page.length - 1];
  return { tickets: page, next: rows.length > filter.limit && last ? { at: last.receivedAt, id: last.id } : undefined };
}

export function insertTicketSql(tx: TransactionSql, t: HotlineTicket): Fragment {
  return tx`
    insert into hotline_tickets (id, region, ticket_no, tier, status, title, content, caller_name, caller_phone, received_at, due_at, remind_at,
                                 reminded, project_id, enterprise_id, item_code, complaint_id, coordinator, responsible_department)
    values (${t.id}, ${t.region}, ${t.ticketNo}, ${t.tier}, ${t.status}, ${t.title}, ${t.content}, ${t.callerName ?? null}, ${t.callerPhone ?? null},
            ${t.receivedAt}, ${t.clock.dueAt}, ${t.clock.remindAt}, ${t.reminded}, ${t.projectId ?? null}, ${t.enterpriseId ?? null},
            ${t.itemCode ?? null}, ${t.complaintId ?? null}, ${t.coordinator}, ${t.responsibleDepartment})`;
}

export function updateTicketSql(tx: TransactionSql, t: HotlineTicket): Fragment {
  return tx`
    update hotline_tickets set status = ${t.status}, reminded = ${t.reminded}, project_id = ${t.projectId ?? null}, enterprise_id = ${t.enterpriseId ?? null},
      item_code = ${t.itemCode ?? null}, complaint_id = ${t.complaintId ?? null}, coordinator = ${t.coordinator},
      responsible_department = ${t.responsibleDepartment}, answer = ${t.answer ?? null}, answered_by = ${t.answeredBy ?? null},
      answered_at = ${t.answeredAt ?? null}
    where region = ${t.region} and id = ${t.id}`;
}

/** Records a webhook message by its id; false when it was seen before (a retry or a replay). */
export async function recordInboundMessage(tx: TransactionSql, region: string, messageId: string): Promise<boolean> {
  const rows = await tx`insert into hotline_inbound_messages (message_id, region) values (${messageId}, ${region}) on conflict do nothing returning 1`;
  return rows.length > 0;
}

export function noteInboundTicketSql(tx: TransactionSql, messageId: string, ticketId: string): Fragment {
  return tx`update hotline_inbound_messages set ticket_id = ${ticketId} where message_id = ${messageId}`;
}

/** Forgets message ids older than `before` (the replay window is long past: their timestamps are refused anyway). */
export async function forgetInboundMessages(sql: Sql, before: Date): Promise<number> {
  return (await sql`delete from hotline_inbound_messages where received_at < ${before}`).count;
}

export async function claimDueTickets(tx: TransactionSql, now: Date, limit: number): Promise<HotlineTicket[]> {
  const rows = await tx<TicketRow[]>`
    ${selectTicket(tx)}
    where t.status in ('received', 'in_progress') and ((t.remind_at <= ${now} and t.reminded = 'none') or (t.due_at <= ${now} and t.reminded <> 'overdue'))
    order by t.remind_at limit ${limit} for update skip locked`;
  return rows.map(toTicket);
}

/** Queues a status push to the hotline (sent, signed and retried by the dispatcher). */
export function queueDeliverySql(tx: TransactionSql, region: string, ticketId: string, push: { id: string; body: Record<string, unknown> }): Fragment {
  return tx`insert into hotline_deliveries (id, region, ticket_id, body) values (${push.id}, ${region}, ${ticketId}, ${tx.json(push.body as never)})`;
}

export interface QueuedDelivery {
  id: string;
  body: Record<string, unknown>;
  attempts: number;
}

export async function claimDeliveries(tx: TransactionSql, region: string, now: Date, limit: number): Promise<QueuedDelivery[]> {
  return tx<QueuedDelivery[]>`
    select id, body, attempts from hotline_deliveries
    where region = ${region} and delivered_at is null and failed_at is null and next_attempt_at <= ${now}
    order by created_at limit ${limit} for update skip locked`;
}

export async function recordDeliveryOutcome(
  tx: TransactionSql,
  id: string,
  outcome: { delivered: true } | { delivered: false; error: string; retryAt: Date | undefined },
): Promise<void> {
  if (outcome.delivered) {
    await tx`update hotline_deliveries set attempts = attempts + 1, delivered_at = now(), last_error = null where id = ${id}`;
  } else if (outcome.retryAt) {
    await tx`update hotline_deliveries set attempts = attempts + 1, next_attempt_at = ${outcome.retryAt}, last_error = ${outcome.error} where id = ${id}`;
  } else {
    await tx`update hotline_deliveries set attempts = attempts + 1, failed_at = now(), last_error = ${outcome.error} where id = ${id}`;
  }
}

export async function nextDeliveryAt(sql: Sql, region: string): Promise<Date | undefined> {
  const [row] = await sql<{ at: Date | null }[]>`select min(next_attempt_at) as at from hotline_deliveries where region = ${region} and delivered_at is null and failed_at is null`;
  return row?.at ?? undefined;
}
