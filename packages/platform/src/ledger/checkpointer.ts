import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import type { Counter } from "@opentelemetry/api";
import type { ReservedSql, Sql } from "postgres";
import type { Logger } from "pino";
import { reserveConnection } from "../db/reserve.js";
import { untilAborted } from "../lifecycle/abort.js";
import type { HeartbeatRegistry } from "../lifecycle/heartbeat.js";
import { PeriodicTask } from "../lifecycle/periodic.js";
import { createCounter, createObservableGauge } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { extendsAnchor } from "./anchor-check.js";
import type { ChainTail, LedgerRow } from "./chain.js";
import { anchorSubject, checkpointStreamFor, checkpointSubject, ensureCheckpointStreams, ledgerSubjects, readLedgerMessages } from "./checkpoint-stream.js";
import { readChainHeads, readChainsFrom } from "./store.js";
import { GENESIS_DIGEST, headsDigest, payloadDigest, type ChainAnchor, type Checkpoint, type LedgerSigner, type LedgerVerifier } from "./signing.js";

export interface CheckpointerOptions {
  sql: Sql;
  js: JetStreamClient;
  jsm: JetStreamManager;
  region: string;
  /** The ledger's name: the service whose database holds it. */
  ledger: string;
  cityRegion: string;
  signer: LedgerSigner;
  verifier: LedgerVerifier;
  intervalMs: number;
  /** How long a round may run before it is abandoned (PeriodicTask; default from the interval). */
  deadlineMs?: number;
  logger: Logger;
  /** Chains anchored per round at most; the rest wait for the next round (a first round over a large ledger). */
  maxAnchorsPerRound?: number;
}

/** Chains whose new rows one query reads. */
const readBatch = 500;

/** Two-key advisory lock ("LEDG", 1): one replica checkpoints a ledger at a time. */
const checkpointLock = [0x4c454447, 1] as const;

interface LastCheckpoint {
  sequence: number;
  digest: string;
  /** Its stream sequence: the next checkpoint is published only if it is still the last. */
  streamSeq: number;
}

/**
 * Anchors the ledger's chains at a regular interval: each round reads every chain's head, checks
 * that each head that moved still extends the head the previous checkpoint anchored (so a chain
 * truncated or rewritten in the database is reported, never anchored over the old one), publishes
 * a signed anchor per moved chain and then a signed checkpoint over all anchored heads, linked to
 * the previous checkpoint. Replicas take turns through an advisory lock, and a checkpoint is
 * published only if the previous one is still the last on its subject.
 */
export class LedgerCheckpointer {
  private readonly anchors = new Map<string, ChainTail>();
  private last: LastCheckpoint | undefined;
  /** The stream sequence read up to. */
  private synced = 0;
  private readonly task: PeriodicTask;
  private readonly rounds: Counter;
  private violating: string[] = [];
  private forged = 0;

  constructor(private readonly options: CheckpointerOptions) {
    this.task = new PeriodicTask((signal) => this.round(signal), { name: "ledger-checkpoints", intervalMs: options.intervalMs, deadlineMs: options.deadlineMs, logger: options.logger });
    const ledger = { [attributeNames.ledger]: options.ledger };
    // Every outcome's series exists from the start, so an alert on increase() works before the first failure.
    this.rounds = createCounter(metricDefinitions.ledgerCheckpoints, ["published", "skipped", "failed"].map((outcome) => ({ ...ledger, [attributeNames.outcome]: outcome })));
    createObservableGauge(metricDefinitions.ledgerViolations).addCallback((result) => result.observe(this.violating.length, ledger));
  }

  /** Starts the rounds; with the service's readiness the job's heartbeat is watched there. */
  start(readiness?: HeartbeatRegistry): void {
    this.task.start(readiness);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Chains found truncated or rewritten by the latest round. */
  get violations(): readonly string[] {
    return this.violating;
  }

  private async round(signal: AbortSignal): Promise<void> {
    try {
      const checkpoint = await this.checkpoint(signal);
      this.rounds.add(1, { [attributeNames.ledger]: this.options.ledger, [attributeNames.outcome]: checkpoint ? "published" : "skipped" });
    } catch (error) {
      // Counted here; the periodic task logs it (rate-limited) and withholds the job's success, so
      // steward_job_last_success_timestamp_seconds{steward_job="ledger-checkpoints"} shows the gap.
      this.rounds.add(1, { [attributeNames.ledger]: this.options.ledger, [attributeNames.outcome]: "failed" });
      throw error;
    }
  }

  /**
   * One round, now: the published checkpoint, or undefined when another replica holds the turn.
   * Tests call this directly instead of waiting for the interval. Once `signal` aborts (the round's
   * deadline) it stops where it waits — for a connection, a read, a JetStream request — and
   * publishes nothing more; the turn is given back as usual.
   */
  async checkpoint(signal?: AbortSignal): Promise<Checkpoint | undefined> {
    const connection = await reserveConnection(this.options.sql, signal);
    try {
      // Not abandoned half-way: its answer says whether this session holds the lock to give back.
      const [turn] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${checkpointLock[0]}::int, ${checkpointLock[1]}::int) as locked`;
      if (!turn?.locked) return undefined;
      try {
        signal?.throwIfAborted();
        return await this.checkpointHoldingTurn(connection, signal);
      } finally {
        await connection`select pg_advisory_unlock(${checkpointLock[0]}::int, ${checkpointLock[1]}::int)`;
      }
    } finally {
      connection.release();
    }
  }

  /**
   * The round's work, reading on the connection that holds the turn: a round needs one connection
   * of the pool, never a second one while it holds the first (with the pool exhausted, it would wait
   * on itself).
   */
  private async checkpointHoldingTurn(sql: ReservedSql, signal: AbortSignal | undefined): Promise<Checkpoint> {
    const { js, region, ledger, signer, logger } = this.options;
    await untilAborted(ensureCheckpointStreams(this.options.jsm, region, this.options.cityRegion), signal);
    await this.catchUp(signal);

    const heads = await untilAborted(readChainHeads(sql, region), signal);
    const violations: string[] = [];
    for (const chainId of this.anchors.keys()) if (!heads.has(chainId)) violations.push(chainId);
    const moved = [...heads].filter(([chainId, head]) => {
      const anchored = this.anchors.get(chainId);
      return !anchored || anchored.position !== head.position || anchored.hash !== head.hash;
    });
    const takenAt = new Date().toISOString();
    const sequence = (this.last?.sequence ?? 0) + 1;
    const fresh: ChainAnchor[] = [];
    const batch = moved.slice(0, this.options.maxAnchorsPerRound ?? 10_000).map(([chainId]) => chainId);
    const rows = new Map<string, LedgerRow[]>();
    for (let start = 0; start < batch.length; start += readBatch) {
      const chains = batch.slice(start, start + readBatch);
      const read = readChainsFrom(sql, region, new Map(chains.map((chainId) => [chainId, this.anchors.get(chainId)?.position ?? 1])));
      for (const [chainId, chain] of await untilAborted(read, signal)) rows.set(chainId, chain);
    }
    for (const chainId of batch) {
      const anchored = this.anchors.get(chainId);
      const extension = extendsAnchor(rows.get(chainId) ?? [], anchored);
      if (!extension.extends) {
        violations.push(chainId);
        logger.error({ event: "ledger.anchor_violation", ledger, chainId, reason: extension.reason, position: extension.position }, `ledger chain ${chainId} no longer extends its anchored head (${extension.reason} at position ${extension.position})`);
        continue;
      }
      fresh.push({ kind: "anchor", region, ledger, chainId, position: extension.head.position, hash: extension.head.hash, checkpoint: sequence, takenAt });
    }

    // Anchors first, then the checkpoint that covers them: a reader who sees the checkpoint sees its anchors.
    signal?.throwIfAborted();
    await Promise.all(
      fresh.map((anchor) =>
        js.publish(anchorSubject(region, ledger, anchor.chainId), JSON.stringify(signer.sign(anchor)), { msgID: `${ledger}:${anchor.chainId}:${anchor.position}:${anchor.hash}` }),
      ),
    );
    for (const anchor of fresh) this.anchors.set(anchor.chainId, { position: anchor.position, hash: anchor.hash });

    const checkpoint: Checkpoint = {
      kind: "checkpoint",
      region,
      ledger,
      sequence,
      takenAt,
      previousDigest: this.last?.digest ?? GENESIS_DIGEST,
      chains: this.anchors.size,
      headsDigest: headsDigest(this.anchors),
      anchored: fresh.length,
      violations: violations.sort(),
    };
    // Published only if the previous checkpoint is still the last on its subject: two replicas can
    // never both link to it (the advisory lock already gives them turns).
    signal?.throwIfAborted();
    const ack = await js.publish(checkpointSubject(region, ledger), JSON.stringify(signer.sign(checkpoint)), {
      expect: { lastSubjectSequence: this.last?.streamSeq ?? 0 },
    });
    this.last = { sequence, digest: payloadDigest(checkpoint), streamSeq: ack.seq };
    this.violating = checkpoint.violations;
    if (violations.length > 0) logger.error({ event: "ledger.checkpoint", ledger, sequence, violations }, `ledger ${ledger}: ${violations.length} chain(s) truncated or rewritten since their anchors`);
    return checkpoint;
  }

  /**
   * Reads what the stream holds beyond what this process has seen: on the first round the latest
   * message of every subject of this ledger, later every message after the last one read (another
   * replica's rounds). Messages no trusted key signed are counted and ignored.
   */
  private async catchUp(signal: AbortSignal | undefined): Promise<void> {
    const { js, region, ledger, verifier, logger } = this.options;
    const messages = await readLedgerMessages(js, checkpointStreamFor(region), ledgerSubjects(region, ledger), this.synced === 0 ? "last-per-subject" : { afterSeq: this.synced }, verifier, signal);
    for (const message of messages) {
      this.synced = Math.max(this.synced, message.seq);
      const payload = message.payload;
      if (!payload || payload.region !== region || payload.ledger !== ledger) {
        this.forged++;
        logger.error({ event: "ledger.forged_checkpoint", subject: message.subject, seq: message.seq, forged: this.forged }, "a message on the checkpoint stream is not signed by a trusted key; ignored");
        continue;
      }
      if (payload.kind === "anchor") {
        const known = this.anchors.get(payload.chainId);
        if (!known || payload.position >= known.position) this.anchors.set(payload.chainId, { position: payload.position, hash: payload.hash });
      } else if (!this.last || payload.sequence > this.last.sequence) {
        this.last = { sequence: payload.sequence, digest: payloadDigest(payload), streamSeq: message.seq };
      }
    }
  }
}
