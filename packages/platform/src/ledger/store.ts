import type { Sql, TransactionSql } from "postgres";
import { verifyChain, type ChainTail, type LedgerDetails, type LedgerRow, type LedgerVerification } from "./chain.js";

/** Reading the ledger table: rows exactly as stored (what the hashes cover), chains, heads. */

/** Anything that runs queries: a pool or a transaction. */
type Queryable = Sql | TransactionSql;

/** recorded_at as text, exactly (microseconds, UTC): the hash covers this string. */
const recordedAtText = `to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The record of a chain (from `fromPosition` on, default the whole), in position order. An unknown chain is an empty array. */
export async function readLedger(sql: Queryable, region: string, chainId: string, fromPosition = 1): Promise<LedgerRow[]> {
  const rows = await sql<StoredRow[]>`
    select ${sql.unsafe(columns)} from ledger
    where region = ${region} and chain_id = ${chainId} and position >= ${fromPosition}
    order by position, seq`;
  return rows.map(toRow);
}

/**
 * Several chains at once, each from its own position on: one query for them all, rows grouped by
 * chain in position order. What a checkpoint reads for the chains that moved since the last one.
 */
export async function readChainsFrom(sql: Queryable, region: string, fromPositions: ReadonlyMap<string, number>): Promise<Map<string, LedgerRow[]>> {
  const chains = new Map<string, LedgerRow[]>([...fromPositions.keys()].map((chainId) => [chainId, []]));
  if (chains.size === 0) return chains;
  const rows = await sql<StoredRow[]>`
    select ${sql.unsafe(columns)}
    from unnest(${[...fromPositions.keys()]}::text[], ${[...fromPositions.values()]}::int[]) as wanted(wanted_chain, from_position)
    join ledger on region = ${region} and chain_id = wanted_chain and position >= from_position
    order by chain_id, position, seq`;
  for (const row of rows.map(toRow)) chains.get(row.chainId)!.push(row);
  return chains;
}

/**
 * The head (last position and its hash) of every chain of a region, in chain id order: a loose
 * index scan, one probe of the (region, chain_id, position) index per chain, however long the chains.
 */
export async function readChainHeads(sql: Queryable, region: string): Promise<Map<string, ChainTail>> {
  const rows = await sql<{ chain_id: string; position: number; hash: string }[]>`
    with recursive chains(chain_id) as (
      (select chain_id from ledger where region = ${region} order by chain_id limit 1)
      union all
      select (select l.chain_id from ledger l where l.region = ${region} and l.chain_id > c.chain_id order by l.chain_id limit 1)
      from chains c where c.chain_id is not null
    )
    select c.chain_id, h.position, h.hash from chains c
    cross join lateral (
      select position, hash from ledger where region = ${region} and chain_id = c.chain_id order by position desc limit 1
    ) h
    where c.chain_id is not null`;
  return new Map(rows.map((row) => [row.chain_id, { position: row.position, hash: row.hash }]));
}

/**
 * Reads a chain and recomputes it (see `verifyChain`): `{ ok: true, rows }` when every row links
 * to the one before and reproduces its hash, otherwise the first broken row's position, seq and
 * why. An unknown chain verifies with 0 rows.
 */
export async function verifyLedger(sql: Queryable, region: string, chainId: string): Promise<LedgerVerification> {
  return verifyChain(await readLedger(sql, region, chainId));
}

export interface StoredRow {
  seq: string;
  region: string;
  chain_id: string;
  position: number;
  actor: string;
  action: string;
  subject: string;
  from_state: string;
  to_state: string;
  reason: string;
  details: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

// Read with explicit text forms, independent of the client's type parsers: the hash covers the
// exact stored values (details as its JSON text, recorded_at to the microsecond).
export const columns = `seq::text as seq, region, chain_id, position, actor, action, subject, from_state, to_state, reason,
  details::text as details, ${recordedAtText} as recorded_at, prev_hash, hash`;

export function toRow(row: StoredRow): LedgerRow {
  return {
    seq: row.seq,
    region: row.region,
    chainId: row.chain_id,
    position: row.position,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    from: row.from_state,
    to: row.to_state,
    reason: row.reason,
    details: JSON.parse(row.details) as LedgerDetails,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

