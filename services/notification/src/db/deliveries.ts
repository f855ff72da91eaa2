import type { PageCursor } from "@steward/platform/grpc";
import { currentTraceCarrier, type TraceCarrier } from "@steward/platform/telemetry";
import type { Sql, TransactionSql } from "postgres";
import type { Delivery } from "../domain/delivery.js";

interface DeliveryRow {
  id: string;
  region: string;
  template: string;
  channel: "webhook";
  source_event_id: string;
  subject_id: string;
  title: string;
  body: string;
  status: Delivery["status"];
  attempts: number;
  created_at: Date;
  delivered_at: Date | null;
  trace_context: TraceCarrier;
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  region: row.region,
  template: row.template,
  channel: row.channel,
  sourceEventId: row.source_event_id,
  subjectId: row.subject_id,
  title: row.title,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  createdAt: row.created_at,
  ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
});

/** Queues a delivery with the trace that queued it, which its webhook POSTs continue. */
export async function insertDelivery(tx: TransactionSql, delivery: Delivery): Promise<void> {
  await tx`
    insert into deliveries (id, region, template, channel, source_event_id, subject_id, title, body, status, created_at, trace_context)
    values (${delivery.id}, ${delivery.region}, ${delivery.template}, ${delivery.channel}, ${delivery.sourceEventId},
            ${delivery.subjectId}, ${delivery.title}, ${delivery.body}, 'pending', ${delivery.createdAt}, ${tx.json(currentTraceCarrier())})
    on conflict (region, source_event_id, channel, template) do nothing`;
}

/** A delivery leased for an attempt, with the trace that queued it. */
export interface LeasedDelivery {
  delivery: Delivery;
  trace: TraceCarrier;
}

/**
 * Leases due deliveries for one attempt: their next attempt moves past the lease, so neither a
 * replica nor this process after a crash sends them again until the lease runs out. SKIP LOCKED
 * lets replicas share the queue without waiting on each other.
 */
export async function leaseDue(sql: Sql, limit: number, leaseMs: number): Promise<LeasedDelivery[]> {
  const rows = await sql<DeliveryRow[]>`
    update deliveries set next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    where id in (
      select id from deliveries
      where status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning *`;
  return rows.map((row) => ({ delivery: toDelivery(row), trace: row.trace_context }));
}

/** Deliveries waiting to be sent or retried. */
export async function pendingDeliveries(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from deliveries where status = 'pending'`;
  return row?.n ?? 0;
}

/** Marks deliveries the receiver accepted, all with one statement. */
export async function markDelivered(tx: TransactionSql, deliveries: readonly Delivery[], at: Date): Promise<void> {
  if (deliveries.length === 0) return;
  await tx`
    update deliveries set status = 'delivered', attempts = attempts + 1, delivered_at = ${at}, last_error = null
    where id = any(${deliveries.map((delivery) => delivery.id)}::uuid[])`;
}

export async function markAttemptFailed(tx: TransactionSql, delivery: Delivery, error: string, retryAt: Date | undefined): Promise<void> {
  await tx`
    update deliveries
    set attempts = attempts + 1, last_error = ${error}, status = ${retryAt ? "pending" : "failed"}, next_attempt_at = coalesce(${retryAt ?? null}, next_attempt_at)
    where id = ${delivery.id}`;
}

export async function listDeliveries(
  sql: Sql,
  region: string,
  filter: { subjectId?: string; after: PageCursor | undefined; limit: number },
): Promise<{ deliveries: Delivery[]; next: PageCursor | undefined }> {
  const rows = await sql<DeliveryRow[]>`
    select * from deliveries
    where region = ${region}
      ${filter.subjectId ? sql`and subject_id = ${filter.subjectId}` : sql``}
      ${filter.after ? sql`and (created_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by created_at, id
    limit ${filter.limit + 1}`;
  const deliveries = rows.slice(0, filter.limit).map(toDelivery);
  const last = deliveries[deliveries.length - 1];
  return { deliveries, next: rows.length > filter.limit && last ? { at: last.createdAt, id: last.id } : undefined };
}
