import type { PageCursor } from "@steward/platform/grpc";
import type { Fragment, Sql, TransactionSql } from "postgres";
import type { ItemInCase } from "../domain/case.js";
import type { CaseItem } from "../domain/case-item.js";
import { contextOf, toItem, toRow, type CaseContextColumns, type ItemRow } from "./items.js";

type Db = Sql | TransactionSql;

/**
 * A position in a department's feed: the change's transaction id (xid8, a 64-bit number) and its
 * row's sequence number, compared as NUMBERS, in that order. Both travel as decimal strings: an
 * xid8 does not fit a JavaScript number.
 */
export interface FeedPosition {
  xid: string;
  seq: string;
}

/** The largest sequence number (bigint): a position after every change of its transaction. */
const lastSeq = "9223372036854775807";

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

/**
 * The position every change committed so far is at or before, and every later one after: just
 * below the oldest transaction still running (the snapshot's xmin). Any transaction below it has
 * ended, so its changes are visible to every later reader; any change still to come belongs to a
 * transaction at or above it.
 */
export async function feedEnd(db: Db): Promise<FeedPosition> {
  const [row] = await db<{ xmin: string }[]>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
  return { xid: (BigInt(row!.xmin) - 1n).toString(), seq: lastSeq };
}

interface FeedRow extends CaseContextColumns {
  position_xid: string;
  position_seq: string;
  snapshot: ItemRow;
  servable: boolean;
}

/**
 * The department's changes after `position` whose transactions are older than every transaction
 * still running, in (xid, seq) order, each with its case's context. Postgres returns dates as
 * strings here because the snapshot is JSON.
 *
 * The order is by the xid8 NUMBER, as the resume predicate compares: ordering by the text form
 * (which `order by xid` did when the output column `xid::text as xid` took the name) put "10080"
 * before "8988", so a replay came out of order and a resumed reader skipped changes for good once
 * the ids in the feed differed in their number of digits.
 *
 * `heldBack` says that committed changes exist after the last one returned but wait behind an
 * older transaction still running. Nothing notifies when that transaction ends if it writes no
 * change of its own (the outbox relay, a clock pass), so the reader must look again soon instead
 * of sleeping until its poll timeout. Rows are ordered by xid, so the held-back ones all come
 * after the servable ones and the servable prefix is exactly the `xid < xmin` result.
 */
export async function readAssignmentFeed(
  db: Db,
  region: string,
  department: string,
  after: FeedPosition | undefined,
  limit: number,
): Promise<{ changes: { position: FeedPosition; change: ItemInCase }[]; heldBack: boolean }> {
  const rows = await db<FeedRow[]>`
    select a.xid::text as position_xid, a.seq::text as position_seq, a.snapshot,
           a.xid < pg_snapshot_xmin(pg_current_snapshot()) as servable,
           k.project_id, k.project_name, k.plan_version
    from assignment_changes a
    join cases k on k.region = a.region and k.id = (a.snapshot ->> 'case_id')::uuid
    where a.region = ${region} and a.department_code = ${department}
      ${after ? db`and (a.xid, a.seq) > (${after.xid}::xid8, ${after.seq}::bigint)` : db``}
    order by a.xid, a.seq
    limit ${limit}`;
  const servable = rows.findIndex((row) => !row.servable);
  const served = servable === -1 ? rows : rows.slice(0, servable);
  return {
    changes: served.map((row) => ({ position: { xid: row.position_xid, seq: row.position_seq }, change: { item: toItem(reviveSnapshot(row.snapshot)), context: contextOf(row) } })),
    heldBack: servable !== -1,
  };
}

interface ListedRow extends ItemRow, CaseContextColumns {
  created_at: Date;
  changed_since: boolean;
  snapshot_at: ItemRow | null;
}

/**
 * One page of the department's items as they stood at feed position `at` (oldest first), so that
 * a client who lists and then watches from `at` sees every later change exactly once, and none it
 * already listed.
 *
 * Rows are read as they are now; an item with a change on this department's feed after `at` (the
 * item row and its feed change commit together, so the one is visible exactly when the other is)
 * is shown as its last feed snapshot at or before `at` instead, or left out when it had none yet
 * (it reaches the client on the stream) or had already left the department. Such items are few:
 * those changed since the listing began. A page may therefore hold fewer than `limit` items and
 * still have a next one.
 */
export async function listDepartmentItemsAt(
  db: Db,
  region: string,
  department: string,
  at: FeedPosition,
  after: PageCursor | undefined,
  limit: number,
): Promise<{ items: ItemInCase[]; next: PageCursor | undefined }> {
  const later = db`(a.xid, a.seq) > (${at.xid}::xid8, ${at.seq}::bigint)`;
  const afterRow = after ? db`and (i.created_at, i.id) > (${after.at}, ${after.id})` : db``;
  const rows = await db<ListedRow[]>`
    with later as (
      select distinct a.item_id from assignment_changes a
      where a.region = ${region} and a.department_code = ${department} and ${later}
    ),
    page as (
      (select i.id, i.created_at from case_items i
       where i.region = ${region} and i.department_code = ${department} and i.state <> 'planned' and i.handled_in_region is null ${afterRow}
       order by i.created_at, i.id limit ${limit + 1})
      union
      (select i.id, i.created_at from case_items i join later l on l.item_id = i.id where i.region = ${region} ${afterRow})
    )
    select i.*, k.project_id, k.project_name, k.plan_version,
           l.item_id is not null as changed_since,
           case when l.item_id is not null then (
             select a.snapshot from assignment_changes a
             where a.item_id = i.id and a.region = ${region} and a.department_code = ${department} and not ${later}
             order by a.xid desc, a.seq desc limit 1
           ) end as snapshot_at
    from page p
    join case_items i on i.id = p.id
    join cases k on k.id = i.case_id
    left join later l on l.item_id = i.id
    order by p.created_at, p.id
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const items = page.flatMap((row): ItemInCase[] => {
    const context = contextOf(row);
    if (!row.changed_since) return [{ item: toItem(row), context }];
    const then = row.snapshot_at ? toItem(reviveSnapshot(row.snapshot_at)) : undefined;
    return then && then.departmentCode === department && then.state !== "planned" && !then.handledInRegion ? [{ item: then, context }] : [];
  });
  const last = page.at(-1);
  return { items, next: rows.length > limit && last ? { at: last.created_at, id: last.id } : undefined };
}

function reviveSnapshot(row: ItemRow): ItemRow {
  const instant = (value: Date | null | undefined) => (value ? new Date(value) : null);
  return {
    ...row,
    // Snapshots written before a column existed lack it.
    receipts: row.receipts ?? [],
    supplement_rounds: row.supplement_rounds ?? 0,
    deemed_accepted: row.deemed_accepted ?? false,
    acceptance_provisional: row.acceptance_provisional ?? false,
    updated_at: new Date(row.updated_at),
    warned_at: instant(row.warned_at),
    overdue_at: instant(row.overdue_at),
    verification_warned_at: instant(row.verification_warned_at),
    verification_overdue_at: instant(row.verification_overdue_at),
  };
}
