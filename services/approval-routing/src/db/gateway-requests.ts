import { alreadyExists, type AppError } from "@steward/platform/errors";
import type { Fragment, TransactionSql } from "postgres";

/** A department's idempotency key and the digest of the request it came with (platform requestDigest). */
export interface GatewayRequest {
  id: string;
  digest: Buffer;
}

export type Claim = { kind: "new" } | { kind: "repeat"; resultId: string | null } | { kind: "conflict" };

/**
 * Claims a department's request id for one request in the caller's transaction, in one
 * statement. A repeat of the same request (same item, action and digest) answers as before; the
 * same id with anything else is a client bug, reported as a conflict.
 */
export async function claimRequest(tx: TransactionSql, region: string, department: string, request: GatewayRequest, itemId: string, action: string): Promise<Claim> {
  // The outer query's snapshot does not see the row its own CTE inserts, so it finds an earlier
  // claim only: none when this one is new.
  const [row] = await tx<ClaimRow[]>`
    with claimed as (
      insert into gateway_requests (region, department, request_id, item_id, action, request_digest)
      values (${region}, ${department}, ${request.id}, ${itemId}, ${action}, ${request.digest})
      on conflict do nothing returning request_id
    )
    select exists (select 1 from claimed) as claimed, g.item_id, g.action, g.request_digest, g.result_id
    from (select 1) as one
    left join gateway_requests g on g.region = ${region} and g.department = ${department} and g.request_id = ${request.id}`;
  return claimOf(row!, request, itemId, action);
}

interface ClaimRow {
  claimed: boolean;
  item_id: string | null;
  action: string | null;
  request_digest: Buffer | null;
  result_id: string | null;
}

/** New, a repeat of the same request (same item, action and digest), or the id reused for another. */
function claimOf(row: ClaimRow, request: GatewayRequest, itemId: string, action: string): Claim {
  if (row.claimed) return { kind: "new" };
  const sameRequest = row.item_id === itemId && row.action === action && (row.request_digest === null || row.request_digest.equals(request.digest));
  return sameRequest ? { kind: "repeat", resultId: row.result_id } : { kind: "conflict" };
}

/** One department request id to claim for one command on an item. */
export interface ClaimInput {
  department: string;
  request: GatewayRequest;
  itemId: string;
  action: string;
}

/**
 * claimRequest for many requests, split for a batch of commands (db/item-batch.ts) so that a
 * command that does not run leaves nothing to take back: this reads, in ONE statement, what each
 * id was claimed for before (a new id, a repeat, or a conflict); `insertClaimsSql` then claims the
 * ids of the commands that ran, in the batch's write statement. Read after the items' row locks,
 * it sees every earlier claim for the same item; a claim of the same id for another item by a
 * transaction still running makes that insert fail, and the batch runs again one command at a time.
 */
export async function priorClaims(tx: TransactionSql, region: string, claims: readonly ClaimInput[]): Promise<Claim[]> {
  if (claims.length === 0) return [];
  const rows = await tx<ClaimRow[]>`
    select false as claimed, g.item_id, g.action, g.request_digest, g.result_id
    from unnest(${claims.map((claim) => claim.department)}::text[], ${claims.map((claim) => claim.request.id)}::text[]) with ordinality as r(department, request_id, ord)
    left join gateway_requests g on g.region = ${region} and g.department = r.department and g.request_id = r.request_id
    order by r.ord`;
  return rows.map((row, index) => (row.item_id === null ? { kind: "new" } : claimOf(row, claims[index]!.request, claims[index]!.itemId, claims[index]!.action)));
}

/** Claims request ids read as new by `priorClaims`, as a part of a larger statement (in key order). */
export function insertClaimsSql(tx: TransactionSql, region: string, claims: readonly ClaimInput[]): Fragment | undefined {
  if (claims.length === 0) return undefined;
  const rows = [...claims]
    .sort((a, b) => (a.department === b.department ? (a.request.id < b.request.id ? -1 : 1) : a.department < b.department ? -1 : 1))
    .map((claim) => ({ region, department: claim.department, request_id: claim.request.id, item_id: claim.itemId, action: claim.action, request_digest: claim.request.digest }));
  return tx`insert into gateway_requests ${tx(rows, "region", "department", "request_id", "item_id", "action", "request_digest")}`;
}

/** The refusal of a request id this department used before for another item, action or request. */
export const requestIdReused = (requestId: string): AppError =>
  alreadyExists(`request id ${requestId} was already used for a different request; choose a new id for a new request`, "REQUEST_ID_REUSED", { requestId });

export async function recordRequestResult(tx: TransactionSql, region: string, department: string, requestId: string, resultId: string): Promise<void> {
  await tx`update gateway_requests set result_id = ${resultId} where region = ${region} and department = ${department} and request_id = ${requestId}`;
}
