import { alreadyExists, type AppError } from "@steward/platform/errors";
import type { TransactionSql } from "postgres";

export type Claim = { kind: "new" } | { kind: "repeat"; resultId: string | null } | { kind: "conflict" };

/**
 * Claims a department's request id for one item in the caller's transaction, in one statement. A
 * repeat of the same request answers as before; the same id for another item is a client bug,
 * reported as a conflict.
 */
export async function claimRequest(tx: TransactionSql, region: string, department: string, requestId: string, itemId: string, action: string): Promise<Claim> {
  // The outer query's snapshot does not see the row its own CTE inserts, so it finds an earlier
  // claim only: none when this one is new.
  const [row] = await tx<{ claimed: boolean; item_id: string | null; action: string | null; result_id: string | null }[]>`
    with claimed as (
      insert into gateway_requests (region, department, request_id, item_id, action)
      values (${region}, ${department}, ${requestId}, ${itemId}, ${action})
      on conflict do nothing returning request_id
    )
    select exists (select 1 from claimed) as claimed, g.item_id, g.action, g.result_id
    from (select 1) as one
    left join gateway_requests g on g.region = ${region} and g.department = ${department} and g.request_id = ${requestId}`;
  if (row!.claimed) return { kind: "new" };
  return row!.item_id === itemId && row!.action === action ? { kind: "repeat", resultId: row!.result_id } : { kind: "conflict" };
}

/** The refusal of a request id this department used before for another item or action. */
export const requestIdReused = (requestId: string): AppError =>
  alreadyExists(`request id ${requestId} was used for another request`, "REQUEST_ID_REUSED", { requestId });

export async function recordRequestResult(tx: TransactionSql, region: string, department: string, requestId: string, resultId: string): Promise<void> {
  await tx`update gateway_requests set result_id = ${resultId} where region = ${region} and department = ${department} and request_id = ${requestId}`;
}
