import type { PageCursor } from "@steward/platform/grpc";
import type { Sql, TransactionSql } from "postgres";
import type { Case, CaseItem } from "../domain/case.js";
import type { ItemState } from "../domain/item-state.js";

interface CaseRow {
  id: string;
  region: string;
  plan_id: string;
  plan_version: number;
  project_id: string;
  project_name: string;
  status: Case["status"];
  created_at: Date;
  completed_at: Date | null;
}

interface ItemRow {
  id: string;
  case_id: string;
  item_code: string;
  department_code: string;
  state: ItemState;
  updated_at: Date;
}

const toItem = (row: ItemRow): CaseItem => ({
  id: row.id,
  caseId: row.case_id,
  itemCode: row.item_code,
  departmentCode: row.department_code,
  state: row.state,
  updatedAt: row.updated_at,
});

const toCase = (row: CaseRow, items: CaseItem[]): Case => ({
  id: row.id,
  region: row.region,
  planId: row.plan_id,
  planVersion: row.plan_version,
  projectId: row.project_id,
  projectName: row.project_name,
  status: row.status,
  items,
  createdAt: row.created_at,
  ...(row.completed_at ? { completedAt: row.completed_at } : {}),
});

type Db = Sql | TransactionSql;

/** Inserts the case and its items; false when this plan version already has a case. */
export async function insertCase(tx: TransactionSql, kase: Case): Promise<boolean> {
  const inserted = await tx`
    insert into cases (id, region, plan_id, plan_version, project_id, project_name, status, created_at)
    values (${kase.id}, ${kase.region}, ${kase.planId}, ${kase.planVersion}, ${kase.projectId}, ${kase.projectName}, ${kase.status}, ${kase.createdAt})
    on conflict (region, plan_id, plan_version) do nothing
    returning id`;
  if (inserted.length === 0) return false;
  const rows = kase.items.map((item) => ({
    id: item.id,
    region: kase.region,
    case_id: kase.id,
    item_code: item.itemCode,
    department_code: item.departmentCode,
    state: item.state,
    updated_at: item.updatedAt,
  }));
  await tx`insert into case_items ${tx(rows, "id", "region", "case_id", "item_code", "department_code", "state", "updated_at")}`;
  return true;
}

export async function findCase(db: Db, region: string, id: string): Promise<Case | undefined> {
  const [row] = await db<CaseRow[]>`select * from cases where region = ${region} and id = ${id}`;
  if (!row) return undefined;
  const items = await db<ItemRow[]>`select * from case_items where region = ${region} and case_id = ${id} order by item_code`;
  return toCase(row, items.map(toItem));
}

export async function findCaseByPlan(db: Db, region: string, planId: string, planVersion: number): Promise<Case | undefined> {
  const [row] = await db<{ id: string }[]>`select id from cases where region = ${region} and plan_id = ${planId} and plan_version = ${planVersion}`;
  return row ? findCase(db, region, row.id) : undefined;
}

/** Locks the item for a transition; only the department's own items in the region are visible. */
export async function lockDepartmentItem(tx: TransactionSql, region: string, department: string, itemId: string): Promise<CaseItem | undefined> {
  const [row] = await tx<ItemRow[]>`
    select * from case_items where region = ${region} and department_code = ${department} and id = ${itemId} for update`;
  return row ? toItem(row) : undefined;
}

export async function updateItemState(tx: TransactionSql, region: string, itemId: string, state: ItemState, at: Date): Promise<void> {
  await tx`update case_items set state = ${state}, updated_at = ${at} where region = ${region} and id = ${itemId}`;
}

/** Locks the case row so that two last decisions cannot both miss (or both see) completion. */
export async function lockCaseItems(tx: TransactionSql, region: string, caseId: string): Promise<{ kase: CaseRow; states: ItemState[] }> {
  const [kase] = await tx<CaseRow[]>`select * from cases where region = ${region} and id = ${caseId} for update`;
  const rows = await tx<{ state: ItemState }[]>`select state from case_items where region = ${region} and case_id = ${caseId}`;
  return { kase: kase!, states: rows.map((row) => row.state) };
}

export async function completeCase(tx: TransactionSql, region: string, caseId: string, at: Date): Promise<void> {
  await tx`update cases set status = 'completed', completed_at = ${at} where region = ${region} and id = ${caseId}`;
}

export async function listDepartmentItems(
  db: Db,
  region: string,
  department: string,
  after: PageCursor | undefined,
  limit: number,
): Promise<{ items: CaseItem[]; next: PageCursor | undefined }> {
  const rows = await db<ItemRow[]>`
    select * from case_items
    where region = ${region} and department_code = ${department}
      ${after ? db`and (updated_at, id) > (${after.at}, ${after.id})` : db``}
    order by updated_at, id
    limit ${limit + 1}`;
  const items = rows.slice(0, limit).map(toItem);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { at: last.updatedAt, id: last.id } : undefined };
}

/** Claims a gateway request id; false when the same request was already applied. */
export async function claimRequest(tx: TransactionSql, region: string, department: string, requestId: string, itemId: string, action: string): Promise<boolean> {
  const rows = await tx`
    insert into gateway_requests (region, department, request_id, item_id, action)
    values (${region}, ${department}, ${requestId}, ${itemId}, ${action})
    on conflict do nothing
    returning request_id`;
  return rows.length > 0;
}
