import type { Sql, TransactionSql } from "postgres";
import type { CommitmentBar } from "../domain/commitment-bar.js";

type Db = Sql | TransactionSql;

interface BarRow {
  credit_code: string;
  origin_region: string;
  origin_item_id: string;
  item_code: string;
  revoked_on: string;
  barred_through: string;
  reason: string;
  case_id: string | null;
}

const toBar = (row: BarRow): CommitmentBar => ({
  creditCode: row.credit_code,
  originRegion: row.origin_region,
  originItemId: row.origin_item_id,
  itemCode: row.item_code,
  revokedOn: row.revoked_on,
  barredThrough: row.barred_through,
  reason: row.reason,
  ...(row.case_id ? { caseId: row.case_id } : {}),
});

/**
 * The bar running on `today` against the enterprise of each item's case, the one that ends last,
 * for many items in one statement (a batch of commands reads them all at once); an item whose
 * enterprise has none (or whose case has no known enterprise) is not in the map.
 */
export async function runningBarsForItems(db: Db, region: string, itemIds: readonly string[], today: string): Promise<Map<string, CommitmentBar>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db<(BarRow & { item_id: string })[]>`
    select i.id as item_id, b.credit_code, b.origin_region, b.origin_item_id, b.item_code, b.revoked_on, b.barred_through, b.reason, b.case_id
    from case_items i
    join cases c on c.id = i.case_id
    cross join lateral (
      select * from commitment_bars b
      where b.region = ${region} and b.barred_through >= ${today} and b.credit_code = c.credit_code
      order by b.barred_through desc limit 1
    ) b
    where i.region = ${region} and i.id = any(${itemIds as string[]}::uuid[])`;
  return new Map(rows.map((row) => [row.item_id, toBar(row)]));
}

/** The running bar of one item's enterprise (see `runningBarsForItems`). */
export async function runningBarForItem(db: Db, region: string, itemId: string, today: string): Promise<CommitmentBar | undefined> {
  return (await runningBarsForItems(db, region, [itemId], today)).get(itemId);
}

/** Records a bar unless this region already has it (by origin item); true when it is new. */
export async function recordBar(tx: TransactionSql, region: string, bar: CommitmentBar): Promise<boolean> {
  const inserted = await tx`
    insert into commitment_bars (region, credit_code, origin_region, origin_item_id, item_code, revoked_on, barred_through, reason, case_id)
    values (${region}, ${bar.creditCode}, ${bar.originRegion}, ${bar.originItemId}, ${bar.itemCode}, ${bar.revokedOn}, ${bar.barredThrough}, ${bar.reason}, ${bar.caseId ?? null})
    on conflict do nothing
    returning origin_item_id`;
  return inserted.length > 0;
}

/** County side: bars raised here that the city has not taken yet, locked so one replica sends each. */
export async function barsToReport(tx: TransactionSql, region: string, limit: number): Promise<CommitmentBar[]> {
  const rows = await tx<BarRow[]>`
    select credit_code, origin_region, origin_item_id, item_code, revoked_on, barred_through, reason, case_id
    from commitment_bars where region = ${region} and origin_region = ${region} and reported_at is null
    order by recorded_at limit ${limit} for update skip locked`;
  return rows.map(toBar);
}

export async function markBarReported(tx: TransactionSql, region: string, bar: CommitmentBar): Promise<void> {
  await tx`update commitment_bars set reported_at = now() where region = ${region} and origin_region = ${bar.originRegion} and origin_item_id = ${bar.originItemId}`;
}

/** The enterprise's bars known in the region, newest first (for tests and operators). */
export async function barsOf(db: Db, region: string, creditCode: string): Promise<CommitmentBar[]> {
  const rows = await db<BarRow[]>`
    select credit_code, origin_region, origin_item_id, item_code, revoked_on, barred_through, reason, case_id
    from commitment_bars where region = ${region} and credit_code = ${creditCode} order by revoked_on desc, recorded_at desc`;
  return rows.map(toBar);
}
