import type { PageCursor } from "@steward/platform/grpc";
import { joinCase, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Deadline } from "@steward/calendar";
import type { CaseItem, ItemPause, ItemTerms, ProcessingModeName } from "../domain/case-item.js";
import type { ItemState } from "../domain/item-state.js";

type Db = Sql | TransactionSql;

export interface ItemRow {
  id: string;
  region: string;
  case_id: string;
  item_code: string;
  attempt: number;
  department_code: string;
  handled_in_region: string | null;
  state: ItemState;
  mode: ProcessingModeName | null;
  terms: ItemTerms;
  accepted_on: string | null;
  statutory_due_on: string | null;
  statutory_provisional: boolean;
  committed_due_on: string | null;
  committed_provisional: boolean;
  extension_working_days: number;
  warn_on: string | null;
  warned_at: Date | null;
  overdue_at: Date | null;
  outstanding_materials: string[];
  supplement_due_on: string | null;
  supplement_provisional: boolean;
  return_on: string | null;
  return_provisional: boolean;
  verification_due_on: string | null;
  verification_provisional: boolean;
  verification_open: boolean;
  commitment_ref: string | null;
  pauses: ItemPause[];
  updated_at: Date;
}

const deadline = (date: string | null, provisional: boolean): Deadline | undefined => (date ? { date, provisional } : undefined);

export function toItem(row: ItemRow): CaseItem {
  return {
    ...row.terms,
    id: row.id,
    caseId: row.case_id,
    region: row.region,
    itemCode: row.item_code,
    attempt: row.attempt,
    departmentCode: row.department_code,
    ...(row.handled_in_region ? { handledInRegion: row.handled_in_region } : {}),
    state: row.state,
    ...(row.mode ? { mode: row.mode } : {}),
    ...(row.accepted_on ? { acceptedOn: row.accepted_on } : {}),
    statutoryDue: deadline(row.statutory_due_on, row.statutory_provisional),
    committedDue: deadline(row.committed_due_on, row.committed_provisional),
    extensionWorkingDays: row.extension_working_days,
    ...(row.warn_on ? { warnOn: row.warn_on } : {}),
    ...(row.warned_at ? { warnedAt: row.warned_at } : {}),
    ...(row.overdue_at ? { overdueAt: row.overdue_at } : {}),
    outstandingMaterials: row.outstanding_materials,
    supplementDue: deadline(row.supplement_due_on, row.supplement_provisional),
    returnOn: deadline(row.return_on, row.return_provisional),
    verificationDue: deadline(row.verification_due_on, row.verification_provisional),
    verificationOpen: row.verification_open,
    ...(row.commitment_ref ? { commitmentRef: row.commitment_ref } : {}),
    pauses: row.pauses,
    updatedAt: row.updated_at,
  };
}

function termsOf(item: CaseItem): ItemTerms {
  return {
    itemName: item.itemName,
    stage: item.stage,
    jurisdiction: item.jurisdiction,
    prerequisites: item.prerequisites,
    statutoryLimit: item.statutoryLimit,
    committedLimit: item.committedLimit,
    modes: item.modes,
    nonCoreMaterials: item.nonCoreMaterials,
    excludedPeriods: item.excludedPeriods,
    supplementWorkingDays: item.supplementWorkingDays,
    verificationWorkingDays: item.verificationWorkingDays,
  };
}

/** The item as a row: every column written from the domain value, so a save is always whole. */
function toRow(item: CaseItem) {
  const openPause = item.pauses.find((pause) => pause.to === undefined);
  return {
    id: item.id,
    region: item.region,
    case_id: item.caseId,
    item_code: item.itemCode,
    attempt: item.attempt,
    department_code: item.departmentCode,
    handled_in_region: item.handledInRegion ?? null,
    state: item.state,
    mode: item.mode ?? null,
    terms: termsOf(item),
    accepted_on: item.acceptedOn ?? null,
    statutory_due_on: item.statutoryDue?.date ?? null,
    statutory_provisional: item.statutoryDue?.provisional ?? false,
    committed_due_on: item.committedDue?.date ?? null,
    committed_provisional: item.committedDue?.provisional ?? false,
    extension_working_days: item.extensionWorkingDays,
    warn_on: item.warnOn ?? null,
    warned_at: item.warnedAt ?? null,
    overdue_at: item.overdueAt ?? null,
    outstanding_materials: item.outstandingMaterials,
    supplement_due_on: item.supplementDue?.date ?? null,
    supplement_provisional: item.supplementDue?.provisional ?? false,
    return_on: item.returnOn?.date ?? null,
    return_provisional: item.returnOn?.provisional ?? false,
    verification_due_on: item.verificationDue?.date ?? null,
    verification_provisional: item.verificationDue?.provisional ?? false,
    verification_open: item.verificationOpen,
    commitment_ref: item.commitmentRef ?? null,
    pauses: item.pauses,
    paused_kind: openPause?.kind ?? null,
    updated_at: item.updatedAt,
  };
}

const columns = [
  "id", "region", "case_id", "item_code", "attempt", "department_code", "handled_in_region", "state", "mode", "terms",
  "accepted_on", "statutory_due_on", "statutory_provisional", "committed_due_on", "committed_provisional",
  "extension_working_days", "warn_on", "warned_at", "overdue_at", "outstanding_materials", "supplement_due_on",
  "supplement_provisional", "return_on", "return_provisional", "verification_due_on", "verification_provisional",
  "verification_open", "commitment_ref", "pauses", "paused_kind", "updated_at",
] as const;

function jsonRow(tx: TransactionSql, item: CaseItem) {
  const row = toRow(item);
  return { ...row, terms: tx.json(row.terms as never), pauses: tx.json(row.pauses as never) };
}

export async function insertItems(tx: TransactionSql, items: CaseItem[]): Promise<void> {
  if (items.length === 0) return;
  await insertItemsSql(tx, items);
}

/** The INSERT of new items, as a fragment for a larger statement (see WriteSet). Needs at least one item. */
export function insertItemsSql(tx: TransactionSql, items: CaseItem[]): Fragment {
  return tx`insert into case_items ${tx(items.map((item) => jsonRow(tx, item)), ...columns)}`;
}

/** The UPDATE that saves the item, as a fragment for a larger statement (see WriteSet). */
export function saveItemSql(tx: TransactionSql, item: CaseItem): Fragment {
  // Terms are the catalogue's as the item entered the case (insertItems) and never change.
  const { id: _id, region: _region, case_id: _case, item_code: _code, attempt: _attempt, terms: _terms, ...changes } = toRow(item);
  return tx`update case_items set ${tx({ ...changes, pauses: tx.json(changes.pauses as never) })} where region = ${item.region} and id = ${item.id}`;
}

/** An item row read with what joins a span to its case. */
type ItemWithCaseRow = ItemRow & { case_project_id: string; case_trace_context: TraceCarrier };

/**
 * Locks one item; scoped to a department when the caller is one (anything else is not found). An
 * item forwarded to the city is decided there, so no county department sees it. The command's span
 * joins the item's case (its ids, a link to the trace the case began in): every command on an item
 * locks it here, so every one can be found from the case.
 */
export async function lockItem(tx: TransactionSql, region: string, itemId: string, department?: string): Promise<CaseItem | undefined> {
  const [row] = department
    ? await tx<ItemWithCaseRow[]>`
        select i.*, c.project_id as case_project_id, c.trace_context as case_trace_context
        from case_items i join cases c on c.id = i.case_id
        where i.region = ${region} and i.id = ${itemId} and i.department_code = ${department} and i.handled_in_region is null
        for update of i`
    : await tx<ItemWithCaseRow[]>`
        select i.*, c.project_id as case_project_id, c.trace_context as case_trace_context
        from case_items i join cases c on c.id = i.case_id
        where i.region = ${region} and i.id = ${itemId}
        for update of i`;
  if (!row) return undefined;
  joinCase({ caseId: row.case_id, projectId: row.case_project_id, origin: row.case_trace_context });
  return toItem(row);
}

export async function findItem(db: Db, region: string, itemId: string): Promise<CaseItem | undefined> {
  const [row] = await db<ItemRow[]>`select * from case_items where region = ${region} and id = ${itemId}`;
  return row ? toItem(row) : undefined;
}

export async function caseItems(db: Db, region: string, caseId: string): Promise<CaseItem[]> {
  const rows = await db<ItemRow[]>`select * from case_items where region = ${region} and case_id = ${caseId} order by item_code, attempt`;
  return rows.map(toItem);
}

/**
 * What the item's department (and a department it left) must see on its feed, as a fragment for a
 * larger statement (see WriteSet); undefined for no changes.
 */
export function assignmentChangesSql(tx: TransactionSql, changes: { item: CaseItem; department: string }[]): Fragment | undefined {
  if (changes.length === 0) return undefined;
  const rows = changes.map(({ item, department }) => ({
    region: item.region,
    department_code: department,
    item_id: item.id,
    snapshot: tx.json(toRow(item) as never),
  }));
  return tx`insert into assignment_changes ${tx(rows, "region", "department_code", "item_id", "snapshot")}`;
}

export async function listDepartmentItems(
  db: Db,
  region: string,
  department: string,
  after: PageCursor | undefined,
  limit: number,
): Promise<{ items: CaseItem[]; next: PageCursor | undefined }> {
  const rows = await db<(ItemRow & { created_at: Date })[]>`
    select * from case_items
    where region = ${region} and department_code = ${department} and state <> 'planned' and handled_in_region is null
      ${after ? db`and (created_at, id) > (${after.at}, ${after.id})` : db``}
    order by created_at, id
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), next: rows.length > limit && last ? { at: last.created_at, id: last.id } : undefined };
}

export interface FeedPosition {
  xid: string;
  seq: string;
}

/**
 * The department's changes after `position` whose transactions are older than every transaction
 * still running, in commit-safe order. Postgres returns dates as strings here because the
 * snapshot is JSON.
 *
 * `heldBack` says that committed changes exist after the last one returned but wait behind an
 * older transaction still running. Nothing notifies when that transaction ends if it writes no
 * change of its own (the outbox relay, a clock pass), so the reader must look again soon instead
 * of sleeping until its poll timeout. Rows are ordered by xid, so the held-back ones all come
 * after the servable ones and the servable prefix is exactly the old `xid < xmin` result.
 */
export async function readAssignmentFeed(
  db: Db,
  region: string,
  department: string,
  after: FeedPosition | undefined,
  limit: number,
): Promise<{ changes: { position: FeedPosition; item: CaseItem }[]; heldBack: boolean }> {
  const rows = await db<{ xid: string; seq: string; snapshot: ItemRow; servable: boolean }[]>`
    select xid::text as xid, seq::text as seq, snapshot, xid < pg_snapshot_xmin(pg_current_snapshot()) as servable
    from assignment_changes
    where region = ${region} and department_code = ${department}
      ${after ? db`and (xid, seq) > (${after.xid}::xid8, ${after.seq}::bigint)` : db``}
    order by xid, seq
    limit ${limit}`;
  const servable = rows.findIndex((row) => !row.servable);
  const served = servable === -1 ? rows : rows.slice(0, servable);
  return {
    changes: served.map((row) => ({ position: { xid: row.xid, seq: row.seq }, item: toItem(reviveSnapshot(row.snapshot)) })),
    heldBack: servable !== -1,
  };
}

function reviveSnapshot(row: ItemRow): ItemRow {
  return {
    ...row,
    updated_at: new Date(row.updated_at),
    warned_at: row.warned_at ? new Date(row.warned_at) : null,
    overdue_at: row.overdue_at ? new Date(row.overdue_at) : null,
  };
}
