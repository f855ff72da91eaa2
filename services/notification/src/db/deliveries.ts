import type { PageCursor } from "@steward/platform/grpc";
import { currentTraceCarrier, type TraceCarrier } from "@steward/platform/telemetry";
import type { Sql, TransactionSql } from "postgres";
import type { Delivery, DeliveryStatus } from "../domain/delivery.js";
import { parseRecipientKey, recipientKey, type Recipient } from "../domain/recipients.js";
import type { Channel, Urgency } from "../domain/rules.js";

export interface DeliveryRow {
  id: string;
  region: string;
  source_id: string;
  event_type: string;
  recipient: string;
  channel: Channel;
  template: string;
  template_version: number;
  urgency: Urgency;
  subject_id: string;
  title: string;
  body: string;
  short_text: string;
  data: Record<string, unknown> | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  digest_due_at: Date | null;
  digest_id: string | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  trace_context: TraceCarrier;
}

export const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  region: row.region,
  sourceId: row.source_id,
  eventType: row.event_type,
  recipient: parseRecipientKey(row.recipient) ?? { kind: "admin", id: "" },
  channel: row.channel,
  template: row.template,
  templateVersion: row.template_version,
  urgency: row.urgency,
  subjectId: row.subject_id,
  title: row.title,
  body: row.body,
  shortText: row.short_text,
  data: row.data ?? undefined,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  digestDueAt: row.digest_due_at ?? undefined,
  digestId: row.digest_id ?? undefined,
  lastError: row.last_error ?? undefined,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at ?? undefined,
});

/** Rows per INSERT (one JSON parameter each): keeps a statement's size moderate. */
const chunk = 2000;

/**
 * Claims deliveries: one row per (source, recipient, channel), a claim already made is left as
 * it is (a redelivered event, a replayed trigger). Inbox deliveries write their inbox message in
 * the same statement, only when their claim is new. Each keeps the trace that queued it — its
 * source's from `traces` (by source id: the consumer span of the event it announces), else the
 * active one — which its provider calls continue. Returns how many claims were new.
 */
export async function claimDeliveries(tx: TransactionSql, deliveries: readonly Delivery[], traces?: ReadonlyMap<string, TraceCarrier>): Promise<number> {
  const queuedIn = currentTraceCarrier();
  let claimed = 0;
  for (let start = 0; start < deliveries.length; start += chunk) {
    const rows = deliveries.slice(start, start + chunk).map((d) => ({
      id: d.id,
      region: d.region,
      source_id: d.sourceId,
      event_type: d.eventType,
      recipient: recipientKey(d.recipient),
      channel: d.channel,
      template: d.template,
      template_version: d.templateVersion,
      urgency: d.urgency,
      subject_id: d.subjectId,
      title: d.title,
      body: d.body,
      short_text: d.shortText,
      data: d.data ?? null,
      status: d.status,
      next_attempt_at: d.nextAttemptAt,
      digest_due_at: d.digestDueAt ?? null,
      created_at: d.createdAt,
      delivered_at: d.deliveredAt ?? null,
      trace_context: traces?.get(d.sourceId) ?? queuedIn,
    }));
    const [result] = await tx<{ claimed: number }[]>`
      with claimed as (
        insert into deliveries (id, region, source_id, event_type, recipient, channel, template, template_version, urgency, subject_id, title, body, short_text, data, status, next_attempt_at, digest_due_at, created_at, delivered_at, trace_context)
        select id, region, source_id, event_type, recipient, channel, template, template_version, urgency, subject_id, title, body, short_text, data, status, next_attempt_at, digest_due_at, created_at, delivered_at, trace_context
        from jsonb_populate_recordset(null::deliveries, ${tx.json(rows as never)}) with ordinality as claim
        order by claim.ordinality -- claim_seq follows the order the notices were planned in
        on conflict on constraint deliveries_once do nothing
        returning id, region, recipient, channel, title, body, template, urgency, subject_id, event_type, created_at),
      inboxed as (
        insert into inbox_messages (id, region, owner, title, body, template, urgency, subject_id, event_type, created_at)
        select id, region, recipient, title, body, template, urgency, subject_id, event_type, created_at from claimed where channel = 'inbox')
      select count(*)::int as claimed from claimed`;
    claimed += result!.claimed;
  }
  return claimed;
}

/** A claimed delivery with what sending needs: the recipient's addresses, the endpoint, the trace that queued it. */
export interface LeasedDelivery extends Delivery {
  trace: TraceCarrier;
  phone: string | undefined;
  email: string | undefined;
  endpoint: { url: string; secret: string } | undefined;
}

/**
 * Leases due deliveries for one attempt, in one committed statement: the attempt is counted and
 * the next attempt moved past the lease, so neither a replica nor this process after a crash
 * sends them again before the lease runs out; then no transaction is open while providers are
 * called. SKIP LOCKED lets replicas share the queue.
 */
export async function leaseDue(sql: Sql, region: string, limit: number, now: Date, leaseUntil: Date): Promise<LeasedDelivery[]> {
  const rows = await sql<(DeliveryRow & { phone: string | null; email: string | null; url: string | null; secret: string | null })[]>`
    with leased as (
      update deliveries set next_attempt_at = ${leaseUntil}, attempts = attempts + 1
      where id in (
        select id from deliveries
        where status = 'pending' and region = ${region} and next_attempt_at <= ${now}
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
      returning *)
    select l.*, p.phone, p.email, e.url, e.secret
    from leased l
    left join recipient_preferences p on p.region = l.region and p.recipient = l.recipient
    left join webhook_endpoints e on e.region = l.region and e.recipient = l.recipient`;
  return rows.map((row) => ({
    ...toDelivery(row),
    trace: row.trace_context,
    phone: row.phone ?? undefined,
    email: row.email ?? undefined,
    endpoint: row.url && row.secret ? { url: row.url, secret: row.secret } : undefined,
  }));
}

/** Deliveries waiting to be sent or retried on a provider's channel (held digest notices not counted). */
export async function pendingDeliveries(sql: Sql, region: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from deliveries where status = 'pending' and region = ${region}`;
  return row?.n ?? 0;
}

export type AttemptOutcome =
  | { kind: "delivered"; providerMessageId: string | undefined }
  | { kind: "retry"; error: string; retryAt: Date }
  | { kind: "dead"; error: string }
  | { kind: "skipped"; error: string };

/**
 * Records the outcomes of one round of attempts in ONE statement, each fenced by the attempt it
 * was leased for (a lease that ran out and was taken again is the newer attempt's to record).
 * Returns the ids whose outcome was recorded.
 */
export async function recordOutcomes(tx: TransactionSql, region: string, outcomes: readonly { delivery: Delivery; outcome: AttemptOutcome }[], now: Date): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const statusOf = { delivered: "delivered", retry: "pending", dead: "failed", skipped: "skipped" } as const satisfies Record<AttemptOutcome["kind"], DeliveryStatus>;
  const rows = await tx<{ id: string }[]>`
    update deliveries d set
      status = v.status,
      delivered_at = case when v.status = 'delivered' then ${now}::timestamptz else d.delivered_at end,
      last_error = v.error,
      provider_message_id = case when v.status = 'delivered' then v.message_id else d.provider_message_id end,
      next_attempt_at = case when v.status = 'delivered' then d.next_attempt_at else coalesce(v.retry_at, ${now}::timestamptz) end
    from unnest(
      ${outcomes.map((o) => o.delivery.id)}::uuid[],
      ${outcomes.map((o) => o.delivery.attempts)}::int[],
      ${outcomes.map((o) => statusOf[o.outcome.kind])}::text[],
      ${outcomes.map((o) => (o.outcome.kind === "delivered" ? null : o.outcome.error))}::text[],
      ${outcomes.map((o) => (o.outcome.kind === "delivered" ? (o.outcome.providerMessageId ?? null) : null))}::text[],
      ${outcomes.map((o) => (o.outcome.kind === "retry" ? o.outcome.retryAt.toISOString() : null))}::timestamptz[]
    ) as v(id, attempts, status, error, message_id, retry_at)
    where d.id = v.id and d.region = ${region} and d.attempts = v.attempts and d.status = 'pending'
    returning d.id`;
  return new Set(rows.map((row) => row.id));
}

export async function listDeliveries(
  sql: Sql,
  region: string,
  filter: { subjectId?: string; recipient?: Recipient; status?: DeliveryStatus; after: PageCursor | undefined; limit: number },
): Promise<{ deliveries: Delivery[]; next: PageCursor | undefined }> {
  const rows = await sql<DeliveryRow[]>`
    select * from deliveries
    where region = ${region}
      ${filter.subjectId ? sql`and subject_id = ${filter.subjectId}` : sql``}
      ${filter.recipient ? sql`and recipient = ${recipientKey(filter.recipient)}` : sql``}
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.after ? sql`and (created_at, id) > (${filter.after.at}, ${filter.after.id})` : sql``}
    order by created_at, id
    limit ${filter.limit + 1}`;
  const deliveries = rows.slice(0, filter.limit).map(toDelivery);
  const last = deliveries[deliveries.length - 1];
  return { deliveries, next: rows.length > filter.limit && last ? { at: last.createdAt, id: last.id } : undefined };
}

/** Locks the deliveries named, for a replay. */
export async function deliveriesForReplay(tx: TransactionSql, region: string, selection: { ids: readonly string[] } | { recipient: Recipient; channel: Channel }): Promise<Delivery[]> {
  const rows =
    "ids" in selection
      ? await tx<DeliveryRow[]>`select * from deliveries where region = ${region} and id = any(${[...selection.ids]}::uuid[]) for update`
      : await tx<DeliveryRow[]>`select * from deliveries where region = ${region} and recipient = ${recipientKey(selection.recipient)} and channel = ${selection.channel} and status = 'failed' order by created_at limit 500 for update`;
  return rows.map(toDelivery);
}

/** Puts dead letters back in the queue, from attempt one, due now. */
export async function requeue(tx: TransactionSql, region: string, ids: readonly string[], now: Date): Promise<Delivery[]> {
  if (ids.length === 0) return [];
  const rows = await tx<DeliveryRow[]>`
    update deliveries set status = 'pending', attempts = 0, next_attempt_at = ${now}, last_error = null
    where region = ${region} and id = any(${[...ids]}::uuid[]) and status = 'failed'
    returning *`;
  return rows.map(toDelivery);
}

/** Recipients and channels whose held notices are due for their digest. */
export async function dueDigests(tx: TransactionSql, region: string, now: Date, limit: number): Promise<{ recipient: string; channel: Channel; dueAt: Date }[]> {
  const rows = await tx<{ recipient: string; channel: Channel; due_at: Date }[]>`
    select recipient, channel, digest_due_at as due_at from deliveries
    where status = 'held' and region = ${region} and digest_due_at <= ${now}
    group by recipient, channel, digest_due_at order by digest_due_at limit ${limit}`;
  return rows.map((row) => ({ recipient: row.recipient, channel: row.channel, dueAt: row.due_at }));
}

/** The held notices of one digest, in the order they were claimed, locked (another replica skips them). */
export async function heldFor(tx: TransactionSql, region: string, digest: { recipient: string; channel: Channel; dueAt: Date }): Promise<Delivery[]> {
  const rows = await tx<DeliveryRow[]>`
    select * from deliveries
    where status = 'held' and region = ${region} and recipient = ${digest.recipient} and channel = ${digest.channel} and digest_due_at = ${digest.dueAt}
    order by claim_seq for update skip locked`;
  return rows.map(toDelivery);
}

/** Marks held notices as carried by a digest. */
export async function markDigested(tx: TransactionSql, ids: readonly string[], digestId: string): Promise<void> {
  await tx`update deliveries set status = 'digested', digest_id = ${digestId} where id = any(${[...ids]}::uuid[]) and status = 'held'`;
}
