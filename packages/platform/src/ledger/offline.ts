import { verifyAnchoredChain, type AnchoredBreak } from "./anchor-check.js";
import type { ChainTail, LedgerRow } from "./chain.js";
import { GENESIS_DIGEST, headsDigest, payloadDigest, type ChainAnchor, type Checkpoint, type LedgerVerifier, type SignedPayload } from "./signing.js";

/**
 * Offline verification of a region: its ledgers' rows (from database dumps), the signed
 * checkpoints (exported from the checkpoint stream or the city's copy) and the public keys, with
 * no running service. Every chain is checked in itself and against its latest anchor; the
 * checkpoints are checked to be signed, linked one to the next, and to cover exactly the anchors
 * found (so a withheld anchor shows).
 */
export interface OfflineInput {
  region: string;
  ledgers: { ledger: string; rows: readonly LedgerRow[] }[];
  messages: readonly SignedPayload[];
  verifier: LedgerVerifier;
}

export interface LedgerReport {
  ledger: string;
  chains: number;
  rows: number;
  intactChains: number;
  broken: { chainId: string; position: number; reason: AnchoredBreak }[];
  /** Chains no checkpoint anchored yet, and rows appended after their chain's anchor. */
  unanchoredChains: number;
  unanchoredRows: number;
  latestCheckpoint: { sequence: number; takenAt: string; chains: number } | undefined;
  /** Problems with the checkpoints themselves: links, coverage, chains the service reported. */
  checkpointProblems: string[];
}

export interface OfflineReport {
  region: string;
  ok: boolean;
  /** Messages no trusted key signed (forged, or signed by a key not given). */
  unverifiedMessages: number;
  ledgers: LedgerReport[];
}

export function verifyRegionOffline(input: OfflineInput): OfflineReport {
  const verified = input.messages.map((message) => input.verifier.verify(message)).filter((payload) => payload !== undefined);
  const unverifiedMessages = input.messages.length - verified.length;
  const ledgers = input.ledgers.map(({ ledger, rows }) => {
    const own = verified.filter((payload) => payload.region === input.region && payload.ledger === ledger);
    return reportLedger(ledger, rows.filter((row) => row.region === input.region), own.filter((payload): payload is ChainAnchor => payload.kind === "anchor"), own.filter((payload): payload is Checkpoint => payload.kind === "checkpoint"));
  });
  const ok = unverifiedMessages === 0 && ledgers.every((report) => report.broken.length === 0 && report.checkpointProblems.length === 0);
  return { region: input.region, ok, unverifiedMessages, ledgers };
}

function reportLedger(ledger: string, rows: readonly LedgerRow[], anchors: ChainAnchor[], checkpoints: Checkpoint[]): LedgerReport {
  const problems: string[] = [];
  const ordered = [...checkpoints].sort((a, b) => a.sequence - b.sequence);
  for (let index = 1; index < ordered.length; index++) {
    const [before, after] = [ordered[index - 1]!, ordered[index]!];
    if (after.sequence === before.sequence) problems.push(`checkpoint ${after.sequence} signed twice with different content`);
    else if (after.sequence === before.sequence + 1 && after.previousDigest !== payloadDigest(before)) problems.push(`checkpoint ${after.sequence} does not follow checkpoint ${before.sequence}`);
    else if (after.sequence > before.sequence + 1) problems.push(`checkpoints ${before.sequence + 1}-${after.sequence - 1} are missing`);
  }
  if (ordered[0]?.sequence === 1 && ordered[0].previousDigest !== GENESIS_DIGEST) problems.push("checkpoint 1 does not start the sequence");
  const latest = ordered[ordered.length - 1];

  // The latest anchor of each chain, and of those the latest checkpoint covers (anchors of a round
  // whose checkpoint was not published yet still count for their chains).
  const anchored = latestAnchors(anchors);
  const covered = latestAnchors(anchors.filter((anchor) => !latest || anchor.checkpoint <= latest.sequence));
  if (latest && (latest.chains !== covered.size || latest.headsDigest !== headsDigest(covered))) {
    problems.push(`checkpoint ${latest.sequence} covers ${latest.chains} chain heads; the anchors found give ${covered.size} that do not match it: anchors are missing or were replaced`);
  }
  if (latest && latest.violations.length > 0) problems.push(`checkpoint ${latest.sequence} reports chains that no longer extend their anchors: ${latest.violations.join(", ")}`);

  const byChain = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const chain = byChain.get(row.chainId);
    if (chain) chain.push(row);
    else byChain.set(row.chainId, [row]);
  }
  const chainIds = [...new Set([...byChain.keys(), ...anchored.keys()])].sort();
  const broken: LedgerReport["broken"] = [];
  let unanchoredChains = 0;
  let unanchoredRows = 0;
  for (const chainId of chainIds) {
    const chain = (byChain.get(chainId) ?? []).sort((a, b) => a.position - b.position || Number(a.seq) - Number(b.seq));
    const verification = verifyAnchoredChain(chain, anchored.get(chainId));
    if (!verification.ok) broken.push({ chainId, position: verification.firstBroken.position, reason: verification.firstBroken.reason });
    if (verification.anchoredPosition === 0) unanchoredChains++;
    unanchoredRows += verification.unanchoredRows;
  }
  return {
    ledger,
    chains: chainIds.length,
    rows: rows.length,
    intactChains: chainIds.length - broken.length,
    broken,
    unanchoredChains,
    unanchoredRows,
    latestCheckpoint: latest ? { sequence: latest.sequence, takenAt: latest.takenAt, chains: latest.chains } : undefined,
    checkpointProblems: problems,
  };
}

function latestAnchors(anchors: readonly ChainAnchor[]): Map<string, ChainTail> {
  const latest = new Map<string, ChainTail>();
  for (const anchor of anchors) {
    const known = latest.get(anchor.chainId);
    if (!known || anchor.position > known.position) latest.set(anchor.chainId, { position: anchor.position, hash: anchor.hash });
  }
  return latest;
}
