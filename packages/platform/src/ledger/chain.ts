import { createHash } from "node:crypto";

/**
 * The hash chain of the ledger, without SQL: canonical form, hashing, extending and verifying a
 * chain given as an array of rows. Domain code and tests can use it on rows from anywhere.
 *
 * The canonical form and the hash rule are a contract with every row ever written: changing
 * either makes every existing chain fail verification.
 */

/** The `prevHash` of a chain's first row: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

/** A JSON object, as stored in `details`. */
export type LedgerDetails = { [key: string]: unknown };

/** One row of a chain, as stored. */
export interface LedgerRow {
  /** Global insertion order (a bigint, as a string). Storage detail: not part of the hash. */
  seq: string;
  region: string;
  /** Which chain the row belongs to, e.g. "case:<uuid>" or "agreement:<uuid>". */
  chainId: string;
  /** 1, 2, 3, … within the chain. */
  position: number;
  actor: string;
  action: string;
  /** What within the chain's subject the row is about (an item id, …); "" for none. */
  subject: string;
  /** State before the transition; "" for none. */
  from: string;
  /** State after the transition; "" for none. */
  to: string;
  reason: string;
  details: LedgerDetails;
  /**
   * Server time of the append, ISO 8601 in UTC with microseconds exactly as stored
   * ("2025-03-01T08:15:30.123456Z"). `new Date(recordedAt)` gives a Date (to the millisecond).
   */
  recordedAt: string;
  /** Hash of the previous row of the chain (hex), `GENESIS_HASH` for the first. */
  prevHash: string;
  /** SHA-256(prevHash || canonicalRow(row)), hex. */
  hash: string;
}

/** The part of a row the hash covers: everything but `seq`, `prevHash` and `hash`. */
export type LedgerRecord = Omit<LedgerRow, "seq" | "prevHash" | "hash">;

/** Where a chain ends: its last row's position and hash. */
export interface ChainTail {
  position: number;
  hash: string;
}

/** Why a row breaks its chain. */
export type LedgerBreak = "hash_mismatch" | "prev_hash_mismatch" | "position_gap";

/** The outcome of verifying a chain; `rows` is how many rows were examined (the whole chain). */
export type LedgerVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBroken: { position: number; seq: string; reason: LedgerBreak } };

/**
 * Canonical JSON (the JSON Canonicalization Scheme, RFC 8785, for well-formed strings): no
 * whitespace, object keys sorted by UTF-16 code units at every level, strings and numbers written
 * as ECMAScript's JSON.stringify writes them. Accepts JSON data only (what JSON.parse returns):
 * anything else (undefined, functions, bigints, Dates, non-finite numbers) is a TypeError rather
 * than being silently dropped or changed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && isPlainObject(value)) {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`canonical JSON: a ${describe(value)} is not JSON data`);
}

/** The canonical serialisation of a row's hashed fields: canonical JSON of an object of them. */
export function canonicalRow(record: LedgerRecord): string {
  return canonicalJson({
    region: record.region,
    chainId: record.chainId,
    position: record.position,
    actor: record.actor,
    action: record.action,
    subject: record.subject,
    from: record.from,
    to: record.to,
    reason: record.reason,
    details: record.details,
    recordedAt: record.recordedAt,
  });
}

/** SHA-256 (hex) of the previous hash followed by the row's canonical form, as UTF-8. */
export function chainHash(prevHash: string, record: LedgerRecord): string {
  return createHash("sha256").update(prevHash, "utf8").update(canonicalRow(record), "utf8").digest("hex");
}

/**
 * Continues a chain from its tail (undefined for an empty chain): numbers the records after the
 * tail and links each to the one before. The records must all belong to that chain.
 */
export function extendChain<T extends Omit<LedgerRecord, "position">>(
  tail: ChainTail | undefined,
  records: readonly T[],
): (T & { position: number; prevHash: string; hash: string })[] {
  let position = tail?.position ?? 0;
  let prevHash = tail?.hash ?? GENESIS_HASH;
  return records.map((record) => {
    position += 1;
    const hash = chainHash(prevHash, { ...record, position });
    const linked = { ...record, position, prevHash, hash };
    prevHash = hash;
    return linked;
  });
}

/**
 * Recomputes a chain given in position order and names the first row that breaks it:
 * `position_gap` when a row is not numbered one after the row before (a row missing before it,
 * or its position altered), `prev_hash_mismatch` when it does not point at the hash of the row
 * before, `hash_mismatch` when its own content does not reproduce its hash (a field altered).
 *
 * A hash chain cannot notice its last rows being removed: compare the head with a copy kept
 * elsewhere to detect truncation.
 */
export function verifyChain(rows: readonly LedgerRow[]): LedgerVerification {
  let expectedPosition = 1;
  let expectedPrevHash = GENESIS_HASH;
  for (const row of rows) {
    const reason: LedgerBreak | undefined =
      row.position !== expectedPosition
        ? "position_gap"
        : row.prevHash !== expectedPrevHash
          ? "prev_hash_mismatch"
          : row.hash !== chainHash(row.prevHash, row)
            ? "hash_mismatch"
            : undefined;
    if (reason) return { ok: false, rows: rows.length, firstBroken: { position: row.position, seq: row.seq, reason } };
    expectedPosition += 1;
    expectedPrevHash = row.hash;
  }
  return { ok: true, rows: rows.length };
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (typeof value !== "object") return typeof value;
  return (value as object).constructor?.name ?? "object";
}
