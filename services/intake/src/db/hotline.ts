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
  due_provisional: boolean;
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
  clock: { dueAt: row.due_at, dueOn: row.due_on, provisional: row.due_provisional, remindAt: row.remind_at },
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

const selectTicket = (sql: Db) => sql`select t.* from hotline_tickets t`;

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
    insert into hotline_tickets (id, region, ticket_no, tier, status, title, content, caller_name, caller_phone, received_at, due_at, due_on,
                                 due_provisional, remind_at, reminded, project_id, enterprise_id, item_code, complaint_id, coordinator, responsible_department)
    values (${t.id}, ${t.region}, ${t.ticketNo}, ${t.tier}, ${t.status}, ${t.title}, ${t.content}, ${t.callerName ?? null}, ${t.callerPhone ?? null},
            ${t.receivedAt}, ${t.clock.dueAt}, ${t.clock.dueOn}::date, ${t.clock.provisional}, ${t.clock.remindAt}, ${t.reminded}, ${t.projectId ?? null}, ${t.enterpriseId ?? null},
            ${t.itemCode ?? null}, ${t.complaintId ?? null}, ${t.coordinator}, ${t.responsibleDepartment})`;
}

export function updateTicketSql(tx: TransactionSql, t: HotlineTicket): Fragment {
  return tx`
    update hotline_tickets set status = ${t.status}, reminded = ${t.reminded}, due_at = ${t.clock.dueAt}, due_on = ${t.clock.dueOn}::date, due_provisional = ${t.clock.provisional},
      remind_at = ${t.clock.remindAt}, project_id = ${t.projectId ?? null}, enterprise_id = ${t.enterpriseId ?? null},
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

export async function claimDueTickets(tx: TransactionSql, region: string, now: Date, limit: number): Promise<HotlineTicket[]> {
  const rows = await tx<TicketRow[]>`
    ${selectTicket(tx)}
    where t.region = ${region} and t.status in ('received', 'in_progress') and ((t.remind_at <= ${now} and t.reminded = 'none') or (t.due_at <= ${now} and t.reminded <> 'overdue'))
    order by t.remind_at limit ${limit} for update skip locked`;
  return rows.map(toTicket);
}

/** Queues a status push to the hotline, due at the change's time (sent, signed and retried by the dispatcher). */
export function queueDeliverySql(tx: TransactionSql, region: string, ticketId: string, push: { id: string; body: Record<string, unknown> }, at: Date): Fragment {
  return tx`insert into hotline_deliveries (id, region, ticket_id, body, next_attempt_at) values (${push.id}, ${region}, ${ticketId}, ${tx.json(push.body as never)}, ${at})`;
}

export interface LeasedDelivery {
  id: string;
  ticketId: string;
  body: Record<string, unknown>;
  /** This attempt's number (1 for the first): it fences the outcome to this lease. */
  attempt: number;
}

/**
 * Leases up to `limit` due pushes in one statement that commits before any call is made: each
 * row's attempt is counted and its next attempt moved to `leaseUntil`, so a process that dies
 * mid-call leaves the push to be retried (under the same id) once the lease ends. Only the oldest
 * pending push of a ticket is leased, so the hotline hears a ticket's changes in order.
 */
export async function leaseDeliveries(sql: Sql, region: string, now: Date, leaseUntil: Date, limit: number): Promise<LeasedDelivery[]> {
  const rows = await sql<{ id: string; ticket_id: string; body: Record<string, unknown>; attempts: number; seq: string }[]>`
    with due as (
      select d.id from hotline_deliveries d
      where d.region = ${region} and d.delivered_at is null and d.failed_at is null and d.next_attempt_at <= ${now}
        and not exists (
          select 1 from hotline_deliveries earlier
          where earlier.ticket_id = d.ticket_id and earlier.seq < d.seq and earlier.delivered_at is null and earlier.failed_at is null)
      order by d.seq limit ${limit}
      for update skip locked)
    update hotline_deliveries d set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
    from due where d.id = due.id
    returning d.id, d.ticket_id, d.body, d.attempts, d.seq`;
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((row) => ({ id: row.id, ticketId: row.ticket_id, body: row.body, attempt: row.attempts }));
}

export type DeliveryOutcome = { delivered: true } | { delivered: false; error: string; retryAt: Date | undefined };

/**
 * Records the outcome of a leased attempt; false when the lease was lost (it ran out and another
 * round took the push, whose outcome then counts — the hotline drops the duplicate by its id).
 */
export async function recordDeliveryOutcome(sql: Sql, lease: Pick<LeasedDelivery, "id" | "attempt">, outcome: DeliveryOutcome): Promise<boolean> {
  const fenced = sql`id = ${lease.id} and attempts = ${lease.attempt} and delivered_at is null and failed_at is null`;
  const result = outcome.delivered
    ? await sql`update hotline_deliveries set delivered_at = now(), last_error = null where ${fenced}`
    : outcome.retryAt
      ? await sql`update hotline_deliveries set next_attempt_at = ${outcome.retryAt}, last_error = ${outcome.error} where ${fenced}`
      : await sql`update hotline_deliveries set failed_at = now(), last_error = ${outcome.error} where ${fenced}`;
  return result.count === 1;
}

/** Open tickets whose due date is still provisional, locked: recounted when a year is published. */
export async function provisionalTickets(tx: TransactionSql, region: string): Promise<HotlineTicket[]> {
  return (await tx<TicketRow[]>`${selectTicket(tx)} where t.region = ${region} and t.due_provisional and t.status in ('received', 'in_progress') order by t.received_at, t.id for update of t`).map(toTicket);
}
