import type { PageCursor } from "@steward/platform/grpc";
import type { Sql, TransactionSql } from "postgres";
import type { Escalation } from "../domain/escalation.js";

interface EscalationRow {
  id: string;
  region: string;
  case_id: string;
  item_id: string;
  cause: Escalation["cause"];
  reason: string;
  status: Escalation["status"];
  raised_by: string;
  raised_at: Date;
  resolution: string | null;
  resolution_reason: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

const toEscalation = (row: EscalationRow): Escalation => ({
  id: row.id,
  region: row.region,
  caseId: row.case_id,
  itemId: row.item_id,
  cause: row.cause,
  reason: row.reason,
  status: row.status,
  raisedBy: row.raised_by,
  raisedAt: row.raised_at,
  ...(row.resolution ? { resolution: row.resolution } : {}),
  ...(row.resolution_reason ? { resolutionReason: row.resolution_reason } : {}),
  ...(row.resolved_by ? { resolvedBy: row.resolved_by } : {}),
  ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
});

/** Inserts the escalation unless the item already has an open one of that cause; returns the open one. */
export async function insertEscalation(tx: TransactionSql, escalation: Escalation): Promise<{ escalation: Escalation; created: boolean }> {
  const inserted = await tx<EscalationRow[]>`
    insert into escalations (id, region, case_id, item_id, cause, reason, status, raised_by, raised_at)
    values (${escalation.id}, ${escalation.region}, ${escalation.caseId}, ${escalation.itemId}, ${escalation.cause}, ${escalation.reason}, 'open', ${escalation.raisedBy}, ${escalation.raisedAt})
    on conflict (item_id, cause) where status = 'open' do nothing
    returning *`;
  if (inserted[0]) return { escalation: toEscalation(inserted[0]), created: true };
  const [open] = await tx<EscalationRow[]>`
    select * from escalations where region = ${escalation.region} and item_id = ${escalation.itemId} and cause = ${escalation.cause} and status = 'open'`;
  return { escalation: toEscalation(open!), created: false };
}

export async function lockEscalation(tx: TransactionSql, region: string, id: string): Promise<Escalation | undefined> {
  const [row] = await tx<EscalationRow[]>`select * from escalations where region = ${region} and id = ${id} for update`;
  return row ? toEscalation(row) : undefined;
}

export async function markResolved(tx: TransactionSql, escalation: Escalation): Promise<void> {
  await tx`
    update escalations set status = 'resolved', resolution = ${escalation.resolution ?? null}, resolution_reason = ${escalation.resolutionReason ?? null},
      resolved_by = ${escalation.resolvedBy ?? null}, resolved_at = ${escalation.resolvedAt ?? null}
    where region = ${escalation.region} and id = ${escalation.id}`;
}

export async function listEscalations(sql: Sql, region: string, openOnly: boolean, after: PageCursor | undefined, limit: number): Promise<{ escalations: Escalation[]; next: PageCursor | undefined }> {
  const rows = await sql<EscalationRow[]>`
    select * from escalations
    where region = ${region}
      ${openOnly ? sql`and status = 'open'` : sql``}
      ${after ? sql`and (raised_at, id) > (${after.at}, ${after.id})` : sql``}
    order by raised_at, id
    limit ${limit + 1}`;
  const escalations = rows.slice(0, limit).map(toEscalation);
  const last = escalations[escalations.length - 1];
  return { escalations, next: rows.length > limit && last ? { at: last.raisedAt, id: last.id } : undefined };
}
