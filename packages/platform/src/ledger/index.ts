import type { Fragment, Row, TransactionSql } from "postgres";
import { chainHash, extendChain, type ChainTail, type LedgerDetails, type LedgerRecord, type LedgerRow } from "./chain.js";
import { columns, toRow, type StoredRow } from "./store.js";

export { verifyAnchoredChain, extendsAnchor, type AnchoredBreak, type AnchoredVerification, type Extension } from "./anchor-check.js";
export {
  GENESIS_DIGEST,
  LedgerSigner,
  LedgerVerifier,
  headsDigest,
  keyIdOf,
  payloadDigest,
  type ChainAnchor,
  type Checkpoint,
  type LedgerPayload,
  type SignedPayload,
} from "./signing.js";
export { readLedger, readChainHeads, verifyLedger } from "./store.js";
export { ledgerRowsFromDump, utcMicroseconds } from "./dump.js";
export { verifyRegionOffline, type LedgerReport, type OfflineInput, type OfflineReport } from "./offline.js";
export { LedgerCheckpointer, type CheckpointerOptions } from "./checkpointer.js";
export {
  AnchorReader,
  type AnchorSource,
  anchorSubject,
  checkpointSubject,
  checkpointStreamFor,
  checkpointCopyStreamFor,
  ensureCheckpointStreams,
  exportLedgerMessages,
  readLedgerMessages,
  type LedgerMessage,
} from "./checkpoint-stream.js";
export {
  GENESIS_HASH,
  canonicalJson,
  canonicalRow,
  chainHash,
  extendChain,
  verifyChain,
  type ChainTail,
  type LedgerBreak,
  type LedgerDetails,
  type LedgerRecord,
  type LedgerRow,
  type LedgerVerification,
} from "./chain.js";

/**
 * The ledger (台账): every transition of a case, an agreement, … appends a row to its chain in the
 * same transaction as the state change. Rows are hash-chained (see ./chain.ts), the table refuses
 * UPDATE, DELETE and TRUNCATE (migrations/0000_platform_02_ledger.sql), and `verifyLedger` recomputes
 * a chain and names its first broken row.
 */

/** One transition to record. Server time, position and hashes are filled in by `appendLedger`. */
export interface LedgerEntryInput {
  region: string;
  /** The chain, e.g. "case:<uuid>" or "agreement:<uuid>"; a chain is the pair (region, chainId). */
  chainId: string;
  /** Who acted, e.g. "user:<id>" or "system:<service>". */
  actor: string;
  /** What was done, e.g. "item.approved". */
  action: string;
  /** What within the chain it concerns (an item id, …); defaults to "". */
  subject?: string;
  /** State before; defaults to "". */
  from?: string;
  /** State after; defaults to "". */
  to?: string;
  reason?: string;
  /** Further facts, stored as jsonb; must be JSON data (it is normalised as JSON.stringify would). */
  details?: Readonly<LedgerDetails>;
}


/** Two-key advisory locks ("LEDG", chain) stay apart from single-bigint-key users such as node-pg-migrate. */
const lockNamespace = 0x4c454447;


/**
 * Appends entries, in order, to their chains (one or several) inside the caller's transaction, so
 * they commit if and only if the state change beside them does: `openChains` for the chains the
 * entries name, then one `append`. Concurrent appends to one chain queue on its lock and extend it
 * one after another; the unique (region, chain_id, position) constraint backs this up, so a chain
 * cannot fork. Returns the stored rows in the order of `entries`.
 *
 * Throws a TypeError for malformed entries (empty region, chain, actor or action; text with NUL
 * or unpaired surrogates, which Postgres cannot store as given; details that are not a JSON object).
 */
export async function appendLedger(tx: TransactionSql, entries: readonly LedgerEntryInput[]): Promise<LedgerRow[]> {
  if (entries.length === 0) return [];
  // Checked before any lock is taken: a malformed entry is refused without touching the database.
  const chains = entries.map((entry, index) => prepareEntry(entry, index));
  return (await openChains(tx, chains)).append(entries);
}

/** A chain, named by its region and id. */
export interface ChainRef {
  region: string;
  chainId: string;
}

/**
 * Chains opened for appending in one transaction: each locked with a transaction-scoped advisory
 * lock (in a fixed order, so two transactions opening the same chains cannot deadlock), its tail
 * read once the lock was held, and one server time for every row. `openChains` costs one round
 * trip however many chains it opens: the lock statements and the tail query are pipelined, and
 * Postgres runs them in order, so the tail query's snapshot is taken after every lock is held.
 *
 * `append` then seals entries in process (positions and hashes continue from the tails it has
 * seen, so several appends to one chain in one transaction link up) and writes them with one
 * INSERT, which callers can pipeline with their other writes. Every row carries `recordedAt`,
 * read from clock_timestamp() after the locks; the database refuses a recorded_at that is not
 * server time from this transaction.
 */
export interface OpenChains {
  readonly recordedAt: string;
  /**
   * Appends entries to chains this transaction opened (a TypeError for any other chain, or for a
   * malformed entry, before anything is written).
   */
  append(entries: readonly LedgerEntryInput[]): Promise<LedgerRow[]>;
  /**
   * `append` for a caller that writes the rows inside a larger statement of its own (a
   * data-modifying WITH, so a transition's writes cost one statement): seals the entries at once,
   * as `append` does, and returns the INSERT … RETURNING as a fragment, and the check that must be
   * given the rows it returned (it throws, rolling the transaction back, unless they reproduce
   * their hashes).
   */
  prepare(entries: readonly LedgerEntryInput[]): PreparedAppend;
}

export interface PreparedAppend {
  insert: Fragment;
  verify(returned: readonly Row[]): LedgerRow[];
}

export async function openChains(tx: TransactionSql, refs: readonly ChainRef[]): Promise<OpenChains> {
  const chains = new Map<string, ChainRef>();
  for (const ref of refs) chains.set(chainKey(ref.region, ref.chainId), { region: ref.region, chainId: ref.chainId });
  const keys = [...chains.keys()].sort();
  if (keys.length === 0) throw new TypeError("openChains: name at least one chain");

  // Each lock in its own statement, issued together with the tail query: a statement's snapshot is
  // taken when it starts, so the tails must be read by a statement that begins after the locks.
  const locks = keys.map((key) => tx`select pg_advisory_xact_lock(${lockNamespace}::int, hashtext(${key}::text))`.execute());
  const tailQuery = tx<{ ord: string; position: number | null; hash: string | null; now: string }[]>`
    select k.ord::text as ord, t.position, t.hash,
           (select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as now
    from unnest(${keys.map((key) => chains.get(key)!.region)}::text[], ${keys.map((key) => chains.get(key)!.chainId)}::text[])
           with ordinality as k(region, chain_id, ord)
    left join lateral (
      select l.position, l.hash from ledger l
      where l.region = k.region and l.chain_id = k.chain_id
      order by l.position desc limit 1
    ) t on true`.execute();
  const [tails] = await Promise.all([tailQuery, ...locks]);
  const recordedAt = tails[0]!.now;
  const heads = new Map<string, ChainTail | undefined>();
  for (const tail of tails) heads.set(keys[Number(tail.ord) - 1]!, tail.position === null ? undefined : { position: tail.position, hash: tail.hash! });

  const seal = (prepared: readonly PreparedEntry[]): (LedgerRow & { ord: number })[] => {
    const byChain = new Map<string, number[]>();
    prepared.forEach((entry, index) => {
      const key = chainKey(entry.region, entry.chainId);
      if (!heads.has(key)) throw new TypeError(`ledger entry ${index}: chain ${entry.chainId} of ${entry.region} was not opened by this transaction`);
      byChain.set(key, [...(byChain.get(key) ?? []), index]);
    });
    const sealed: (LedgerRow & { ord: number })[] = [];
    for (const [key, indexes] of byChain) {
      const linked = extendChain(
        heads.get(key),
        indexes.map((index) => ({ ...prepared[index]!, recordedAt, seq: "", ord: index })),
      );
      const last = linked[linked.length - 1]!;
      heads.set(key, { position: last.position, hash: last.hash });
      sealed.push(...linked);
    }
    return sealed.sort((a, b) => a.ord - b.ord);
  };
  const prepare = (entries: readonly LedgerEntryInput[]): PreparedAppend => {
    const sealed = seal(entries.map((entry, index) => prepareEntry(entry, index)));
    return { insert: insertSql(tx, sealed), verify: (returned) => verifyStored(sealed, returned as unknown as StoredRow[]) };
  };
  return {
    recordedAt,
    append: async (entries) => {
      if (entries.length === 0) return [];
      const { insert, verify } = prepare(entries);
      return verify(await insert);
    },
    prepare,
  };
}

/** The INSERT … RETURNING of sealed rows, one statement however many rows and chains. */
function insertSql(tx: TransactionSql, sealed: readonly (LedgerRow & { ord: number })[]): Fragment {
  const payload = sealed.map((row) => ({
    ord: row.ord,
    region: row.region,
    chain_id: row.chainId,
    position: row.position,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    from_state: row.from,
    to_state: row.to,
    reason: row.reason,
    details: row.details,
    recorded_at: row.recordedAt,
    prev_hash: row.prevHash,
    hash: row.hash,
  }));
  // One parameter, as text: postgres.js would JSON-encode a string bound to a jsonb parameter again.
  return tx`
    insert into ledger (region, chain_id, position, actor, action, subject, from_state, to_state, reason, details, recorded_at, prev_hash, hash)
    select region, chain_id, position, actor, action, subject, from_state, to_state, reason, details, recorded_at, prev_hash, hash
    from jsonb_to_recordset(${JSON.stringify(payload)}::text::jsonb) as r(
      ord int, region text, chain_id text, position int, actor text, action text, subject text, from_state text,
      to_state text, reason text, details jsonb, recorded_at timestamptz, prev_hash text, hash text)
    order by ord
    returning ${tx.unsafe(columns)}`;
}

/**
 * What was stored must reproduce the hash that was computed before storing it; otherwise the row
 * would fail verification for ever. Refuses it now (throws), which rolls the transaction back.
 */
function verifyStored(sealed: readonly (LedgerRow & { ord: number })[], stored: readonly StoredRow[]): LedgerRow[] {
  const byPosition = new Map(stored.map(toRow).map((row) => [`${chainKey(row.region, row.chainId)}#${row.position}`, row]));
  return sealed.map((expected) => {
    const row = byPosition.get(`${chainKey(expected.region, expected.chainId)}#${expected.position}`);
    if (!row || row.hash !== expected.hash || chainHash(row.prevHash, row) !== row.hash) {
      throw new Error(`ledger: the stored row ${expected.chainId}#${expected.position} does not reproduce its hash`);
    }
    return row;
  });
}

function chainKey(region: string, chainId: string): string {
  return JSON.stringify([region, chainId]);
}

/** An entry checked and normalised: a record of a chain but for what sealing adds. */
type PreparedEntry = Omit<LedgerRecord, "position" | "recordedAt">;

function prepareEntry(entry: LedgerEntryInput, index: number): PreparedEntry {
  const text = (field: keyof LedgerEntryInput, required: boolean): string => {
    const value = entry[field] ?? "";
    if (typeof value !== "string") throw new TypeError(`ledger entry ${index}: ${field} must be a string`);
    if (required && value === "") throw new TypeError(`ledger entry ${index}: ${field} is required`);
    checkStorable(value, `ledger entry ${index}: ${field}`);
    return value;
  };
  const prepared = {
    region: text("region", true),
    chainId: text("chainId", true),
    actor: text("actor", true),
    action: text("action", true),
    subject: text("subject", false),
    from: text("from", false),
    to: text("to", false),
    reason: text("reason", false),
    details: normaliseDetails(entry.details, index),
  };
  return prepared;
}

/** JSON data exactly as it will come back from jsonb, or a TypeError. */
function normaliseDetails(details: Readonly<LedgerDetails> | undefined, index: number): LedgerDetails {
  if (details === undefined) return {};
  const normalised = JSON.parse(JSON.stringify(details) ?? "null") as unknown;
  if (typeof normalised !== "object" || normalised === null || Array.isArray(normalised)) {
    throw new TypeError(`ledger entry ${index}: details must be a JSON object`);
  }
  const visit = (value: unknown): void => {
    if (typeof value === "string") checkStorable(value, `ledger entry ${index}: details`);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        checkStorable(key, `ledger entry ${index}: details`);
        visit(member);
      }
    }
  };
  visit(normalised);
  return normalised as LedgerDetails;
}

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Postgres text and jsonb hold neither NUL nor unpaired surrogates; refuse them rather than store something else. */
function checkStorable(value: string, what: string): void {
  if (value.includes("\u0000")) throw new TypeError(`${what} contains a NUL character`);
  if (unpairedSurrogate.test(value)) throw new TypeError(`${what} contains an unpaired surrogate`);
}
