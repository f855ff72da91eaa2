import { alreadyExists, type AppError } from "@steward/platform/errors";
import type { TransactionSql } from "postgres";

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
  const [row] = await tx<{ claimed: boolean; item_id: string | null; action: string | null; request_digest: Buffer | null; result_id: string | null }[]>`
    with claimed as (
      insert into gateway_requests (region, department, request_id, item_id, action, request_digest)
      values (${region}, ${department}, ${request.id}, ${itemId}, ${action}, ${request.digest})
      on conflict do nothing returning request_id
    )
    select exists (select 1 from claimed) as claimed, g.item_id, g.action, g.request_digest, g.result_id
    from (select 1) as one
    left join gateway_requests g on g.region = ${region} and g.department = ${department} and g.request_id = ${request.id}`;
  if (row!.claimed) return { kind: "new" };
  const sameRequest = row!.item_id === itemId && row!.action === action && (row!.request_digest === null || row!.request_digest.equals(request.digest));
  return sameRequest ? { kind: "repeat", resultId: row!.result_id } : { kind: "conflict" };
}

/** The refusal of a request id this department used before for another item, action or request. */
export const requestIdReused = (requestId: string): AppError =>
  alreadyExists(`request id ${requestId} was already used for a different request; choose a new id for a new request`, "REQUEST_ID_REUSED", { requestId });

export async function recordRequestResult(tx: TransactionSql, region: string, department: string, requestId: string, resultId: string): Promise<void> {
  await tx`update gateway_requests set result_id = ${resultId} where region = ${region} and department = ${department} and request_id = ${requestId}`;
}
