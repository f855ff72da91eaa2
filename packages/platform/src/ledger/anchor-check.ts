import { chainHash, verifyChain, type ChainTail, type LedgerBreak, type LedgerRow } from "./chain.js";

/**
 * A chain checked against the head a signed checkpoint anchored. The hash chain alone shows a row
 * altered in place or removed from the middle; the anchor adds what the chain cannot show about
 * itself: rows cut from its end (`truncated`) and a chain edited and re-hashed from some row on
 * (`rewritten`), both as far as the anchor reaches.
 */
export type AnchoredBreak = LedgerBreak | "truncated" | "rewritten";

export type AnchoredVerification =
  | {
      ok: true;
      rows: number;
      /** The anchored head's position (0 when no checkpoint anchored the chain yet). */
      anchoredPosition: number;
      /** Rows after the anchor: appended since the last checkpoint, not yet protected by one. */
      unanchoredRows: number;
    }
  | {
      ok: false;
      rows: number;
      anchoredPosition: number;
      unanchoredRows: number;
      /** The first row that breaks the chain or its anchor; for a truncation, the first missing row (seq ""). */
      firstBroken: { position: number; seq: string; reason: AnchoredBreak };
    };

/**
 * Verifies a whole chain (rows in position order, as read) and then its anchor: fewer rows than
 * the anchored position is a truncation; a different hash at the anchored position, in a chain
 * that is consistent in itself, is a rewrite.
 */
export function verifyAnchoredChain(rows: readonly LedgerRow[], anchor: ChainTail | undefined): AnchoredVerification {
  const own = verifyChain(rows);
  const anchoredPosition = anchor?.position ?? 0;
  const unanchoredRows = Math.max(0, rows.length - anchoredPosition);
  if (!own.ok) return { ok: false, rows: rows.length, anchoredPosition, unanchoredRows, firstBroken: own.firstBroken };
  if (!anchor) return { ok: true, rows: rows.length, anchoredPosition, unanchoredRows };
  if (rows.length < anchor.position) {
    return { ok: false, rows: rows.length, anchoredPosition, unanchoredRows, firstBroken: { position: rows.length + 1, seq: "", reason: "truncated" } };
  }
  const atAnchor = rows[anchor.position - 1]!;
  if (atAnchor.hash !== anchor.hash) {
    return { ok: false, rows: rows.length, anchoredPosition, unanchoredRows, firstBroken: { position: anchor.position, seq: atAnchor.seq, reason: "rewritten" } };
  }
  return { ok: true, rows: rows.length, anchoredPosition, unanchoredRows };
}

export type Extension = { extends: true; head: ChainTail } | { extends: false; reason: "truncated" | "rewritten" | LedgerBreak; position: number };

/**
 * Whether the rows of a chain from the anchored position on (`rowsFrom`, in position order) still
 * start at the anchored head and link up from it, each reproducing its hash: what a checkpoint
 * must see before it anchors a newer head, so a rewritten chain is never anchored over the old one.
 * Without an anchor, `rowsFrom` is the whole chain and must verify from its first row.
 */
export function extendsAnchor(rowsFrom: readonly LedgerRow[], anchor: ChainTail | undefined): Extension {
  if (!anchor) {
    const whole = verifyChain(rowsFrom);
    if (!whole.ok) return { extends: false, reason: whole.firstBroken.reason, position: whole.firstBroken.position };
    const last = rowsFrom[rowsFrom.length - 1];
    return last ? { extends: true, head: { position: last.position, hash: last.hash } } : { extends: false, reason: "truncated", position: 1 };
  }
  const first = rowsFrom[0];
  if (!first || first.position !== anchor.position) return { extends: false, reason: "truncated", position: anchor.position };
  if (first.hash !== anchor.hash) return { extends: false, reason: "rewritten", position: anchor.position };
  if (chainHash(first.prevHash, first) !== first.hash) return { extends: false, reason: "hash_mismatch", position: first.position };
  let previous = first;
  for (const row of rowsFrom.slice(1)) {
    if (row.position !== previous.position + 1) return { extends: false, reason: "position_gap", position: row.position };
    if (row.prevHash !== previous.hash) return { extends: false, reason: "prev_hash_mismatch", position: row.position };
    if (row.hash !== chainHash(row.prevHash, row)) return { extends: false, reason: "hash_mismatch", position: row.position };
    previous = row;
  }
  return { extends: true, head: { position: previous.position, hash: previous.hash } };
}
