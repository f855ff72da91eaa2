import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./chain.js";

/**
 * Signed ledger checkpoints: Ed25519 over the canonical JSON of a payload, with a key the database
 * does not hold (a mounted secret file). Whoever can rewrite the ledger tables cannot forge the
 * anchors that say what the chains were; see docs/SECURITY.md.
 */

/** The head of one chain as a checkpoint anchored it. */
export interface ChainAnchor {
  kind: "anchor";
  region: string;
  /** Which database's ledger: the service's name ("approval-routing", "agreement"). */
  ledger: string;
  chainId: string;
  position: number;
  hash: string;
  /** The checkpoint that anchored it. */
  checkpoint: number;
  takenAt: string;
}

/**
 * One round of checkpointing a ledger: how many chains it anchors in all and a digest of every
 * anchored head (so a withheld anchor shows), linked to the previous round by its digest.
 */
export interface Checkpoint {
  kind: "checkpoint";
  region: string;
  ledger: string;
  /** 1, 2, 3, … per (region, ledger). */
  sequence: number;
  takenAt: string;
  /** `payloadDigest` of the previous checkpoint; 64 zeros for the first. */
  previousDigest: string;
  /** Chains anchored after this round, and `headsDigest` over their heads. */
  chains: number;
  headsDigest: string;
  /** Chains whose head this round anchored. */
  anchored: number;
  /** Chains that no longer extend their anchor (truncated or rewritten), found by this round. */
  violations: string[];
}

export type LedgerPayload = ChainAnchor | Checkpoint;

/** What travels on the checkpoint stream. */
export interface SignedPayload<P extends LedgerPayload = LedgerPayload> {
  payload: P;
  keyId: string;
  /** Ed25519 over canonicalJson(payload), base64. */
  signature: string;
}

export const GENESIS_DIGEST = "0".repeat(64);

/** SHA-256 (hex) of a payload's canonical JSON: what the next checkpoint links to. */
export function payloadDigest(payload: LedgerPayload): string {
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/** SHA-256 (hex) over every anchored head, in chain id order: equal sets of heads, equal digests. */
export function headsDigest(heads: ReadonlyMap<string, { position: number; hash: string }>): string {
  const hash = createHash("sha256");
  for (const chainId of [...heads.keys()].sort()) {
    const head = heads.get(chainId)!;
    hash.update(`${canonicalJson([chainId, head.position, head.hash])}\n`, "utf8");
  }
  return hash.digest("hex");
}

/** A key's id: the first 16 hex digits of SHA-256 over its public key (SPKI, DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

/** Signs ledger payloads with an Ed25519 private key. */
export class LedgerSigner {
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== "ed25519") throw new TypeError("the ledger signing key must be an Ed25519 private key");
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  /** From a PEM (PKCS#8) private key. */
  static fromPem(pem: string): LedgerSigner {
    return new LedgerSigner(createPrivateKey(pem));
  }

  sign<P extends LedgerPayload>(payload: P): SignedPayload<P> {
    const signature = sign(null, Buffer.from(canonicalJson(payload), "utf8"), this.privateKey).toString("base64");
    return { payload, keyId: this.keyId, signature };
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: "spki", format: "pem" }).toString();
  }
}

/** Checks signatures against the public keys it trusts (the current key and earlier ones, for rotation). */
export class LedgerVerifier {
  private readonly keys = new Map<string, KeyObject>();

  constructor(publicKeys: readonly KeyObject[]) {
    for (const key of publicKeys) {
      if (key.asymmetricKeyType !== "ed25519") throw new TypeError("ledger verification keys must be Ed25519 public keys");
      this.keys.set(keyIdOf(key), key);
    }
  }

  /** From PEM text holding one or more public keys (SPKI) or private keys (their public halves). */
  static fromPem(pem: string): LedgerVerifier {
    const blocks = pem.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
    return new LedgerVerifier(blocks.map((block) => createPublicKey(block)));
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** The payload when the signature is a trusted key's over exactly this payload, else undefined. */
  verify<P extends LedgerPayload>(signed: SignedPayload<P>): P | undefined {
    const key = this.keys.get(signed.keyId);
    if (!key || typeof signed.signature !== "string") return undefined;
    try {
      return verify(null, Buffer.from(canonicalJson(signed.payload), "utf8"), key, Buffer.from(signed.signature, "base64")) ? signed.payload : undefined;
    } catch {
      return undefined;
    }
  }
}
