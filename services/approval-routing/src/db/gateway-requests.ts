import type { TransactionSql } from "postgres";

export type Claim = { kind: "new" } | { kind: "repeat"; resultId: string | null } | { kind: "conflict" };

/**
 * Claims a department's request id for one item in the caller's transaction. A repeat of the same
 * request answers as before; the same id for another item is a client bug, reported as a conflict.
 */
export async function claimRequest(tx: TransactionSql, region: string, department: string, requestId: string, itemId: string, action: string): Promise<Claim> {
  const claimed = await tx`
    insert into gateway_requests (region, department, request_id, item_id, action)
    values (${region}, ${department}, ${requestId}, ${itemId}, ${action})
    on conflict do nothing returning request_id`;
  if (claimed.length > 0) return { kind: "new" };
  const [earlier] = await tx<{ item_id: string; action: string; result_id: string | null }[]>`
    select item_id, action, result_id from gateway_requests where region = ${region} and department = ${department} and request_id = ${requestId}`;
  return earlier && earlier.item_id === itemId && earlier.action === action ? { kind: "repeat", resultId: earlier.result_id } : { kind: "conflict" };
}

export async function recordRequestResult(tx: TransactionSql, region: string, department: string, requestId: string, resultId: string): Promise<void> {
  await tx`update gateway_requests set result_id = ${resultId} where region = ${region} and department = ${department} and request_id = ${requestId}`;
}
