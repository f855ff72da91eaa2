import { DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, jetstream, type JetStreamClient, type JetStreamManager, type StreamConfig } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { isNotFound } from "../events/bus.js";
import { untilAborted } from "../lifecycle/abort.js";
import type { ChainAnchor, Checkpoint, LedgerPayload, LedgerVerifier, SignedPayload } from "./signing.js";

/**
 * Where signed checkpoints live: outside the ledger tables, in a JetStream stream of each region's
 * own (STEWARD_LEDGER_<REGION>, subjects steward-ledger.<region>.>), and in the city's copy
 * (STEWARD_LEDGER_COPY_<CITY>), which sources every region's stream on the server side, so it
 * catches up by itself after an outage and a county that purges its own stream has not purged
 * the city's. One subject per chain keeps each chain's anchors (the last is the one that counts)
 * and one per ledger keeps the checkpoints.
 *
 * Retention is the stream's own: no age limit (an anchor must outlive nothing but the ledger it
 * protects), at most `historyPerSubject` messages per subject (a chain's latest anchors; a week
 * of checkpoints at one a minute), messages can be neither deleted nor purged through the API.
 */
const subjectRoot = "steward-ledger";
export const historyPerSubject = 10_000;

const streamName = (prefix: string, region: string) => `${prefix}_${region.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
export const checkpointStreamFor = (region: string) => streamName("STEWARD_LEDGER", region);
export const checkpointCopyStreamFor = (cityRegion: string) => streamName("STEWARD_LEDGER_COPY", cityRegion);

/** A chain id as one subject token (ids may hold any character; base64url has no dots or wildcards). */
export const anchorSubject = (region: string, ledger: string, chainId: string) => `${subjectRoot}.${region}.${ledger}.chain.${Buffer.from(chainId, "utf8").toString("base64url")}`;
export const checkpointSubject = (region: string, ledger: string) => `${subjectRoot}.${region}.${ledger}.checkpoint`;
export const ledgerSubjects = (region: string, ledger?: string) => `${subjectRoot}.${region}.${ledger ? `${ledger}.` : ""}>`;

function retention(): Partial<StreamConfig> {
  return {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: historyPerSubject,
    max_age: 0,
    deny_delete: true,
    deny_purge: true,
    duplicate_window: 10 * 60 * 1_000_000_000, // nanoseconds: a retried publish is stored once
  };
}

/**
 * Makes sure the region's checkpoint stream exists, and that the city's copy exists and sources it
 * (re-adding the source when a concurrent update of the copy's configuration lost it).
 */
export async function ensureCheckpointStreams(jsm: JetStreamManager, region: string, cityRegion: string): Promise<void> {
  const own = checkpointStreamFor(region);
  await ensureStream(jsm, { name: own, subjects: [ledgerSubjects(region)], ...retention() });
  const copy = checkpointCopyStreamFor(cityRegion);
  const info = await jsm.streams.info(copy).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  const sources = info?.config.sources ?? [];
  if (sources.some((source) => source.name === own)) return;
  await ensureStream(jsm, { name: copy, ...retention(), sources: [...sources, { name: own }] });
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another process created it between our look and our add.
      if (!String(addError).includes("already in use")) throw addError;
      await jsm.streams.update(config.name, config);
    }
  }
}

/** A message of the checkpoint stream, its signature checked. */
export interface LedgerMessage {
  subject: string;
  /** Stream sequence. */
  seq: number;
  signed: SignedPayload;
  /** The payload when a trusted key signed it; undefined for a forged or unreadable message. */
  payload: LedgerPayload | undefined;
}

export function decodeLedgerMessage(subject: string, seq: number, data: Uint8Array, verifier: LedgerVerifier): LedgerMessage {
  let signed: SignedPayload;
  try {
    signed = JSON.parse(Buffer.from(data).toString("utf8")) as SignedPayload;
  } catch {
    signed = { payload: undefined as never, keyId: "", signature: "" };
  }
  const payload = signed.payload && typeof signed.payload === "object" ? verifier.verify(signed) : undefined;
  return { subject, seq, signed, payload };
}

/**
 * Reads the messages on `filter` of a stream: the latest per subject (`from: "last-per-subject"`)
 * or every one after a stream sequence, until it has caught up with the stream. Once `signal`
 * aborts, the batch being fetched is stopped and the read rejects with the signal's reason.
 */
export async function readLedgerMessages(
  js: JetStreamClient,
  stream: string,
  filter: string,
  from: "last-per-subject" | { afterSeq: number },
  verifier: LedgerVerifier,
  signal?: AbortSignal,
): Promise<LedgerMessage[]> {
  const consumer = await untilAborted(
    js.consumers.get(stream, {
      filter_subjects: [filter],
      ...(from === "last-per-subject" ? { deliver_policy: DeliverPolicy.LastPerSubject } : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from.afterSeq + 1 }),
    }),
    signal,
  );
  const messages: LedgerMessage[] = [];
  try {
    let pending = (await consumer.info(true)).num_pending;
    while (pending > 0) {
      signal?.throwIfAborted();
      const batch = await untilAborted(consumer.fetch({ max_messages: Math.min(pending, 1000), expires: 5000 }), signal, (late) => late.stop());
      const stopBatch = () => batch.stop();
      signal?.addEventListener("abort", stopBatch, { once: true });
      let received = 0;
      try {
        for await (const message of batch) {
          received++;
          messages.push(decodeLedgerMessage(message.subject, message.seq, message.data, verifier));
          pending = message.info.pending;
        }
      } finally {
        signal?.removeEventListener("abort", stopBatch);
      }
      signal?.throwIfAborted();
      if (received === 0) break; // the stream went away or the consumer was reset; what was read stands
    }
  } finally {
    await consumer.delete().catch(() => false);
  }
  return messages;
}

/**
 * Every message a checkpoint stream holds for a region (its own stream, or the city's copy), as
 * signed, for offline verification: what `pnpm ledger:export` writes.
 */
export async function exportLedgerMessages(natsUrl: string, stream: string, region: string, verifier: LedgerVerifier): Promise<LedgerMessage[]> {
  const connection = await connect({ servers: natsUrl, name: "steward-ledger-export" });
  try {
    return await readLedgerMessages(jetstream(connection), stream, ledgerSubjects(region), { afterSeq: 0 }, verifier);
  } finally {
    await connection.close();
  }
}

/** Where verification finds a chain's latest anchor and the ledger's latest checkpoint. */
export interface AnchorSource {
  latestAnchor(chainId: string): Promise<ChainAnchor | undefined>;
  latestCheckpoint(): Promise<Checkpoint | undefined>;
}

/** Reads anchors and checkpoints back for verification: the region's own stream first, the city's copy when it lacks one. */
export class AnchorReader implements AnchorSource {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly region: string,
    private readonly ledger: string,
    private readonly cityRegion: string,
    private readonly verifier: LedgerVerifier,
  ) {}

  /** The latest anchor of a chain that a trusted key signed, or undefined. */
  async latestAnchor(chainId: string): Promise<ChainAnchor | undefined> {
    const payload = await this.latest(anchorSubject(this.region, this.ledger, chainId));
    return payload?.kind === "anchor" && payload.chainId === chainId && payload.region === this.region && payload.ledger === this.ledger ? payload : undefined;
  }

  /** The latest checkpoint of this ledger that a trusted key signed, or undefined. */
  async latestCheckpoint(): Promise<Checkpoint | undefined> {
    const payload = await this.latest(checkpointSubject(this.region, this.ledger));
    return payload?.kind === "checkpoint" && payload.region === this.region && payload.ledger === this.ledger ? payload : undefined;
  }

  private async latest(subject: string): Promise<LedgerPayload | undefined> {
    for (const stream of [checkpointStreamFor(this.region), checkpointCopyStreamFor(this.cityRegion)]) {
      const stored = await this.jsm.streams.getMessage(stream, { last_by_subj: subject }).catch((error: unknown) => {
        // No such stream (the copy not made yet) or no message on the subject.
        if (isNotFound(error) || /no message found/i.test(String((error as Error)?.message ?? error))) return null;
        throw error;
      });
      if (!stored) continue;
      const message = decodeLedgerMessage(stored.subject, stored.seq, stored.data, this.verifier);
      if (message.payload) return message.payload;
      // The last message is no trusted key's (something pushed on top of the anchors): the latest that is.
      const history = await readLedgerMessages(this.js, stream, subject, { afterSeq: 0 }, this.verifier);
      const genuine = history.filter((candidate) => candidate.payload).at(-1);
      if (genuine) return genuine.payload;
    }
    return undefined;
  }
}
