import type { PageCursor } from "@steward/platform/grpc";
import type { Sql } from "postgres";

export interface InboxMessage {
  id: string;
  owner: string;
  title: string;
  body: string;
  template: string;
  urgency: string;
  subjectId: string;
  eventType: string;
  createdAt: Date;
  readAt: Date | undefined;
}

interface InboxRow {
  id: string;
  owner: string;
  title: string;
  body: string;
  template: string;
  urgency: string;
  subject_id: string;
  event_type: string;
  created_at: Date;
  read_at: Date | null;
}

const toMessage = (row: InboxRow): InboxMessage => ({
  id: row.id,
  owner: row.owner,
  title: row.title,
  body: row.body,
  template: row.template,
  urgency: row.urgency,
  subjectId: row.subject_id,
  eventType: row.event_type,
  createdAt: row.created_at,
  readAt: row.read_at ?? undefined,
});

/** The owners' messages, newest first. */
export async function listInbox(sql: Sql, region: string, owners: readonly string[], filter: { unreadOnly: boolean; after: PageCursor | undefined; limit: number }): Promise<{ messages: InboxMessage[]; next: PageCursor | undefined }> {
  if (owners.length === 0) return { messages: [], next: undefined };
  const rows = await sql<InboxRow[]>`
    select * from inbox_messages
    where region = ${region} and owner = any(${[...owners]})
      ${filter.unreadOnly ? sql`and read_at is null` : sql``}
      ${filter.after ? sql`and (created_at, id) < (${filter.after.at}, ${filter.after.id})` : sql``}
    order by created_at desc, id desc
    limit ${filter.limit + 1}`;
  const messages = rows.slice(0, filter.limit).map(toMessage);
  const last = messages[messages.length - 1];
  return { messages, next: rows.length > filter.limit && last ? { at: last.createdAt, id: last.id } : undefined };
}

export async function countUnread(sql: Sql, region: string, owners: readonly string[]): Promise<number> {
  if (owners.length === 0) return 0;
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from inbox_messages where region = ${region} and owner = any(${[...owners]}) and read_at is null`;
  return row!.n;
}

/** Which of `ids` are the owners' messages (so a caller naming another's message is refused). */
export async function ownedMessageIds(sql: Sql, region: string, owners: readonly string[], ids: readonly string[]): Promise<Set<string>> {
  if (owners.length === 0 || ids.length === 0) return new Set();
  const rows = await sql<{ id: string }[]>`select id from inbox_messages where region = ${region} and owner = any(${[...owners]}) and id = any(${[...ids]}::uuid[])`;
  return new Set(rows.map((row) => row.id));
}

/** Marks the owners' messages read (those named, or all); returns how many were unread. */
export async function markRead(sql: Sql, region: string, owners: readonly string[], ids: readonly string[] | "all", at: Date): Promise<number> {
  if (owners.length === 0) return 0;
  const rows = await sql<{ id: string }[]>`
    update inbox_messages set read_at = ${at}
    where region = ${region} and owner = any(${[...owners]}) and read_at is null ${ids === "all" ? sql`` : sql`and id = any(${[...ids]}::uuid[])`}
    returning id`;
  return rows.length;
}
