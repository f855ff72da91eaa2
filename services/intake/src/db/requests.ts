import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Reminded } from "../domain/reply-clocks.js";
import type { RequestCategory, ServiceRequest } from "../domain/service-request.js";
import { clockOf, type ClockColumns } from "./clocks.js";

interface RequestRow extends ClockColumns {
  id: string;
  region: string;
  project_id: string;
  category: RequestCategory;
  title: string;
  content: string;
  channel: ServiceRequest["channel"];
  owner_id: string;
  status: ServiceRequest["status"];
  submitted_by: string;
  submitted_at: Date;
  reminded: Reminded;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

const toRequest = (row: RequestRow): ServiceRequest => ({
  id: row.id,
  region: row.region,
  projectId: row.project_id,
  category: row.category,
  title: row.title,
  content: row.content,
  channel: row.channel,
  ownerId: row.owner_id,
  status: row.status,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  clock: clockOf(row),
  reminded: row.reminded,
  ...(row.answer ? { answer: row.answer } : {}),
  ...(row.answered_by ? { answeredBy: row.answered_by } : {}),
  ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
});

type Db = Sql | TransactionSql;

export async function findRequest(sql: Db, region: string, id: string, forUpdate = false): Promise<ServiceRequest | undefined> {
  const [row] = forUpdate
    ? await sql<RequestRow[]>`select * from service_requests where region = ${region} and id = ${id} for update`
    : await sql<RequestRow[]>`select * from service_requests where region = ${region} and id = ${id}`;
  return row ? toRequest(row) : undefined;
}

export async function listRequests(sql: Sql, region: string, filter: { projectIds?: string[]; ownerId?: string; status?: string; after: PageCursor | undefined; limit: number }) {
  const rows = await sql<RequestRow[]>`
    select * from service_requests
    where region = ${region}
      ${filter.projectIds ? sql`and project_id = any(${filter.projectIds}::uuid[])` : sql``}
      ${filter.ownerId ? sql`and owner_id = ${filter.ownerId}` : sql``}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.after ? sql`and (submitted_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by submitted_at, id
    limit ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit).map(toRequest);
  const last = page[page.length - 1];
  return { requests: page, next: rows.length > filter.limit && last ? { at: last.submittedAt, id: last.id } : undefined };
}

export function insertRequestSql(tx: TransactionSql, request: ServiceRequest): Fragment {
  return tx`
    insert into service_requests (id, region, project_id, category, title, content, channel, owner_id, status, submitted_by, submitted_at,
                                  due_on, due_at, due_provisional, remind_at, reminded)
    values (${request.id}, ${request.region}, ${request.projectId}, ${request.category}, ${request.title}, ${request.content}, ${request.channel},
            ${request.ownerId}, ${request.status}, ${request.submittedBy}, ${request.submittedAt}, ${request.clock.dueOn}::date, ${request.clock.dueAt},
            ${request.clock.provisional}, ${request.clock.remindAt}, ${request.reminded})`;
}

export function updateRequestSql(tx: TransactionSql, request: ServiceRequest): Fragment {
  return tx`
    update service_requests set owner_id = ${request.ownerId}, status = ${request.status}, reminded = ${request.reminded},
      answer = ${request.answer ?? null}, answered_by = ${request.answeredBy ?? null}, answered_at = ${request.answeredAt ?? null},
      due_on = ${request.clock.dueOn}::date, due_at = ${request.clock.dueAt}, due_provisional = ${request.clock.provisional}, remind_at = ${request.clock.remindAt}
    where region = ${request.region} and id = ${request.id}`;
}

/** Open requests whose reminder is due, locked for this round (SKIP LOCKED: replicas share the work). */
export async function claimDueRequests(tx: TransactionSql, region: string, now: Date, limit: number): Promise<ServiceRequest[]> {
  const rows = await tx<RequestRow[]>`
    select * from service_requests
    where region = ${region} and status = 'open' and ((remind_at <= ${now} and reminded = 'none') or (due_at <= ${now} and reminded <> 'overdue'))
    order by remind_at limit ${limit} for update skip locked`;
  return rows.map(toRequest);
}

/** Open requests whose due date is still provisional, locked: recounted when a year is published. */
export async function provisionalRequests(tx: TransactionSql, region: string): Promise<ServiceRequest[]> {
  return (await tx<RequestRow[]>`select * from service_requests where region = ${region} and due_provisional and status = 'open' order by submitted_at, id for update`).map(toRequest);
}
