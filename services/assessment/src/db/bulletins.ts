import type { Sql, TransactionSql } from "postgres";
import type { BulletinSnapshot } from "../domain/bulletin.js";

type Db = Sql | TransactionSql;

export interface PublishedBulletin {
  snapshot: BulletinSnapshot;
  ruleVersion: string;
  digest: string;
  publishedAt: Date;
  publishedBy: string;
}

interface BulletinRow {
  snapshot: BulletinSnapshot;
  rule_version: string;
  digest: string;
  published_at: Date;
  published_by: string;
}

const toBulletin = (row: BulletinRow): PublishedBulletin => ({ snapshot: row.snapshot, ruleVersion: row.rule_version, digest: row.digest, publishedAt: row.published_at, publishedBy: row.published_by });

export async function publishedBulletin(db: Db, region: string, quarter: string): Promise<PublishedBulletin | undefined> {
  const [row] = await db<BulletinRow[]>`select snapshot, rule_version, digest, published_at, published_by from bulletins where region = ${region} and quarter = ${quarter}`;
  return row ? toBulletin(row) : undefined;
}

/** Every bulletin published before `quarter`, oldest first. */
export async function bulletinsBefore(db: Db, region: string, quarter: string): Promise<PublishedBulletin[]> {
  const rows = await db<BulletinRow[]>`
    select snapshot, rule_version, digest, published_at, published_by from bulletins where region = ${region} and quarter < ${quarter} order by quarter`;
  return rows.map(toBulletin);
}

export async function publishedQuarters(db: Db, region: string): Promise<string[]> {
  const rows = await db<{ quarter: string }[]>`select quarter from bulletins where region = ${region} order by quarter desc`;
  return rows.map((row) => row.quarter);
}

/** Freezes a bulletin; false when the quarter was published already (the first publication stands). */
export async function insertBulletin(tx: TransactionSql, region: string, bulletin: PublishedBulletin): Promise<boolean> {
  const inserted = await tx`
    insert into bulletins (region, quarter, rule_version, snapshot, digest, published_at, published_by)
    values (${region}, ${bulletin.snapshot.quarter}, ${bulletin.ruleVersion}, ${tx.json(bulletin.snapshot as never)}, ${bulletin.digest}, ${bulletin.publishedAt}, ${bulletin.publishedBy})
    on conflict do nothing returning quarter`;
  return inserted.length > 0;
}
