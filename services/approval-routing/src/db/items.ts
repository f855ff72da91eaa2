import { joinCase, type CaseRef, type TraceCarrier } from "@steward/platform/telemetry";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { Deadline } from "@steward/calendar";
import type { CaseContext, ItemInCase } from "../domain/case.js";
import type { CaseItem, ItemPause, ItemTerms, MaterialReceipt, ProcessingModeName } from "../domain/case-item.js";
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
  origin_region: string | null;
  origin_item_id: string | null;
  state: ItemState;
  mode: ProcessingModeName | null;
  terms: ItemTerms;
  received_on: string | null;
  acceptance_due_on: string | null;
  acceptance_provisional: boolean;
  deemed_accepted: boolean;
  accepted_on: string | null;
  receipts: MaterialReceipt[];
  supplement_rounds: number;
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
  verification_warn_on: string | null;
  verification_warned_at: Date | null;
  verification_overdue_at: Date | null;
  verification_open: boolean;
  commitment_ref: string | null;
  pauses: ItemPause[];
  updated_at: Date;
}

const deadline = (date: string | null, provisional: boolean): Deadline | undefined => (date ? { date, provisional } : undefined);

export function toItem(row: ItemRow): CaseItem {
  return {
    ...row.terms,
    // Terms snapshotted before the catalogue told the two kinds apart hold every prerequisite as one.
    conditionalPrerequisites: row.terms.conditionalPrerequisites ?? [],
    id: row.id,
    caseId: row.case_id,
    region: row.region,
    itemCode: row.item_code,
    attempt: row.attempt,
    departmentCode: row.department_code,
    ...(row.handled_in_region ? { handledInRegion: row.handled_in_region } : {}),
    ...(row.origin_region && row.origin_item_id ? { forwardedFrom: { region: row.origin_region, itemId: row.origin_item_id } } : {}),
    state: row.state,
    ...(row.mode ? { mode: row.mode } : {}),
    ...(row.received_on ? { receivedOn: row.received_on } : {}),
    acceptanceDue: deadline(row.acceptance_due_on, row.acceptance_provisional),
    deemedAccepted: row.deemed_accepted,
    ...(row.accepted_on ? { acceptedOn: row.accepted_on } : {}),
    receipts: row.receipts,
    supplementRounds: row.supplement_rounds,
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
    ...(row.verification_warn_on ? { verificationWarnOn: row.verification_warn_on } : {}),
    ...(row.verification_warned_at ? { verificationWarnedAt: row.verification_warned_at } : {}),
    ...(row.verification_overdue_at ? { verificationOverdueAt: row.verification_overdue_at } : {}),
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
    conditionalPrerequisites: item.conditionalPrerequisites,
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
export function toRow(item: CaseItem) {
  const openPause = item.pauses.find((pause) => pause.to === undefined);
  return {
    id: item.id,
    region: item.region,
    case_id: item.caseId,
    item_code: item.itemCode,
    attempt: item.attempt,
    department_code: item.departmentCode,
    handled_in_region: item.handledInRegion ?? null,
    origin_region: item.forwardedFrom?.region ?? null,
    origin_item_id: item.forwardedFrom?.itemId ?? null,
    state: item.state,
    mode: item.mode ?? null,
    terms: termsOf(item),
    received_on: item.receivedOn ?? null,
    acceptance_due_on: item.acceptanceDue?.date ?? null,
    acceptance_provisional: item.acceptanceDue?.provisional ?? false,
    deemed_accepted: item.deemedAccepted,
    accepted_on: item.acceptedOn ?? null,
    receipts: item.receipts,
    supplement_rounds: item.supplementRounds,
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
    verification_warn_on: item.verificationWarnOn ?? null,
    verification_warned_at: item.verificationWarnedAt ?? null,
    verification_overdue_at: item.verificationOverdueAt ?? null,
    verification_open: item.verificationOpen,
    commitment_ref: item.commitmentRef ?? null,
    pauses: item.pauses,
    paused_kind: openPause?.kind ?? null,
    updated_at: item.updatedAt,
  };
}

const columns = [
  "id", "region", "case_id", "item_code", "attempt", "department_code", "handled_in_region", "origin_region", "origin_item_id",
  "state", "mode", "terms", "received_on", "acceptance_due_on", "acceptance_provisional", "deemed_accepted",
  "accepted_on", "receipts", "supplement_rounds", "statutory_due_on", "statutory_provisional", "committed_due_on", "committed_provisional",
  "extension_working_days", "warn_on", "warned_at", "overdue_at", "outstanding_materials", "supplement_due_on",
  "supplement_provisional", "return_on", "return_provisional", "verification_due_on", "verification_provisional",
  "verification_warn_on", "verification_warned_at", "verification_overdue_at",
  "verification_open", "commitment_ref", "pauses", "paused_kind", "updated_at",
] as const;

function jsonRow(tx: TransactionSql, item: CaseItem) {
  const row = toRow(item);
  return { ...row, terms: tx.json(row.terms as never), pauses: tx.json(row.pauses as never), receipts: tx.json(row.receipts as never) };
}

/** A condition on case_items: some deadline of the item is provisional (its year's schedule is unpublished). */
export function anyDeadlineProvisional(db: Db): Fragment {
  return db`(committed_provisional or statutory_provisional or supplement_provisional or return_provisional or verification_provisional or acceptance_provisional)`;
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
  return tx`update case_items set ${tx({ ...changes, pauses: tx.json(changes.pauses as never), receipts: tx.json(changes.receipts as never) })} where region = ${item.region} and id = ${item.id}`;
}

/** The columns a save writes: every one but the key and what never changes after insertItems. */
const savedColumns = columns.filter((column) => !["id", "region", "case_id", "item_code", "attempt", "terms"].includes(column));

/**
 * saveItemSql for many items in ONE statement (a batch of commands, db/item-batch.ts): the rows as
 * JSON, typed by the table's own row type. Each item at most once (one statement cannot update a
 * row twice).
 */
export function saveItemsSql(tx: TransactionSql, items: readonly CaseItem[]): Fragment {
  const rows = items.map((item) => toRow(item));
  const target = tx.unsafe(`(${savedColumns.join(", ")})`);
  const source = tx.unsafe(`(${savedColumns.map((column) => `v.${column}`).join(", ")})`);
  return tx`
    update case_items i set ${target} = ${source}
    from jsonb_populate_recordset(null::case_items, ${tx.json(rows as never)}) as v
    where i.region = v.region and i.id = v.id`;
}

/** The case columns a query joins to its items (`join cases k`), for their context. */
export interface CaseContextColumns {
  project_id: string;
  project_name: string;
  plan_version: number;
}

export const contextOf = (row: CaseContextColumns): CaseContext => ({ projectId: row.project_id, projectName: row.project_name, planVersion: row.plan_version });

/** An item row read with its case's context and what joins a span to the case. */
type ItemInCaseRow = ItemRow & CaseContextColumns & { case_trace_context: TraceCarrier };

/**
 * Locks one item and reads its case's context; scoped to a department when the caller is one
 * (anything else is not found). An item forwarded to the city is decided there, so no county
 * department sees it. The command's span joins the item's case (its ids, a link to the trace the
 * case began in): every command on an item locks it here, so every one can be found from the case.
 */
export async function lockItemInCase(tx: TransactionSql, region: string, itemId: string, department?: string): Promise<ItemInCase | undefined> {
  const [row] = await tx<ItemInCaseRow[]>`
    select i.*, k.project_id, k.project_name, k.plan_version, k.trace_context as case_trace_context
    from case_items i join cases k on k.id = i.case_id
    where i.region = ${region} and i.id = ${itemId}
      ${department ? tx`and i.department_code = ${department} and i.handled_in_region is null` : tx``}
    for update of i`;
  if (!row) return undefined;
  const locked = toLockedItem(row);
  joinCase(locked.caseRef);
  return { item: locked.item, context: locked.context };
}

/** An item read under its row lock, with its case's context and what joins a span to the case. */
export interface LockedItem extends ItemInCase {
  caseRef: CaseRef;
}

const toLockedItem = (row: ItemInCaseRow): LockedItem => ({
  item: toItem(row),
  context: contextOf(row),
  caseRef: { caseId: row.case_id, projectId: row.project_id, origin: row.case_trace_context },
});

/**
 * Locks many items in one statement, in id order (two batches locking overlapping items cannot
 * deadlock on them), with their cases' context. Not scoped to a department: the caller decides
 * which command may see which item (`visibleTo`). Spans are joined by the caller, per command.
 */
export async function lockItemsInCase(tx: TransactionSql, region: string, itemIds: readonly string[]): Promise<Map<string, LockedItem>> {
  const rows = await tx<ItemInCaseRow[]>`
    select i.*, k.project_id, k.project_name, k.plan_version, k.trace_context as case_trace_context
    from case_items i join cases k on k.id = i.case_id
    where i.region = ${region} and i.id = any(${itemIds as string[]}::uuid[])
    order by i.id
    for update of i`;
  return new Map(rows.map((row) => [row.id, toLockedItem(row)]));
}

/** What lockItemInCase's department scope lets a department see: its own items not forwarded to the city. */
export const visibleTo = (item: CaseItem, department: string | undefined): boolean => !department || (item.departmentCode === department && !item.handledInRegion);

/** Locks one item (see lockItemInCase). */
export async function lockItem(tx: TransactionSql, region: string, itemId: string, department?: string): Promise<CaseItem | undefined> {
  return (await lockItemInCase(tx, region, itemId, department))?.item;
}

export async function findItem(db: Db, region: string, itemId: string): Promise<CaseItem | undefined> {
  const [row] = await db<ItemRow[]>`select * from case_items where region = ${region} and id = ${itemId}`;
  return row ? toItem(row) : undefined;
}

export async function caseItems(db: Db, region: string, caseId: string): Promise<CaseItem[]> {
  const rows = await db<ItemRow[]>`select * from case_items where region = ${region} and case_id = ${caseId} order by item_code, attempt`;
  return rows.map(toItem);
}

/** The items of many cases in one query, each case's in caseItems's order. */
export async function caseItemsOf(db: Db, region: string, caseIds: readonly string[]): Promise<CaseItem[]> {
  const rows = await db<ItemRow[]>`select * from case_items where region = ${region} and case_id = any(${caseIds as string[]}::uuid[]) order by case_id, item_code, attempt`;
  return rows.map(toItem);
}
