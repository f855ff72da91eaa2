import { AsyncResource } from "node:async_hooks";
import { transaction } from "@steward/platform/db";
import type { Result } from "@steward/platform/errors";
import type { Logger } from "@steward/platform/logging";
import { joinCase } from "@steward/platform/telemetry";
import type { ItemInCase } from "../domain/case.js";
import { applyItemCommandBatchIn, type BatchAnswer } from "./item-batch.js";
import { applyItemCommand, type ItemCommand, type RoutingDeps } from "./item-pipeline.js";

export interface GroupCommitOptions {
  /** The most commands one transaction takes; 1 runs every command in a transaction of its own. */
  maxBatch: number;
}

interface Queued {
  command: ItemCommand;
  /** Runs work in the caller's async context (its span), wherever the queue is drained from. */
  inCallerContext: <T>(work: () => T) => T;
  resolve(answer: Result<ItemInCase>): void;
  reject(error: unknown): void;
}

/**
 * The process's item commands through one queue (group commit): while a batch's transaction runs,
 * the commands that arrive wait; when it has committed and every one of its callers is answered,
 * what queued meanwhile (up to `maxBatch`) runs as the next batch, in ONE transaction
 * (db/item-batch.ts). A command that finds nothing running starts at once, alone, in its own
 * transaction exactly as before (applyItemCommand), so an idle system answers a lone call without
 * waiting for company; under load a batch costs each command a fraction of the statements,
 * round trips and commits.
 *
 * A refused command refuses only itself. A batch whose transaction fails (a database error, a
 * deadlock, a bug in one command) is run again one command per transaction, so one bad command
 * cannot fail the others.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private draining = false;

  constructor(
    private readonly deps: RoutingDeps,
    private readonly options: GroupCommitOptions,
    private readonly logger?: Logger,
  ) {}

  /** Runs one command with the commands queued beside it; answers as applyItemCommand would. */
  async apply(command: ItemCommand): Promise<Result<ItemInCase>> {
    return new Promise<Result<ItemInCase>>((resolve, reject) => {
      this.queue.push({ command, inCallerContext: AsyncResource.bind((work) => work()), resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, Math.max(1, this.options.maxBatch));
        if (batch.length === 1) await this.runAlone(batch[0]!);
        else await this.runBatch(batch);
      }
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Queued[]): Promise<void> {
    let answers: BatchAnswer[];
    try {
      answers = await transaction(this.deps.sql, (tx) => applyItemCommandBatchIn(tx, this.deps, batch.map((queued) => queued.command)), 1);
    } catch (error) {
      this.logger?.warn({ err: error, commands: batch.length }, "group commit failed; running its commands one by one");
      for (const queued of batch) await this.runAlone(queued);
      return;
    }
    const left: Queued[] = [];
    batch.forEach((queued, index) => {
      const answer = answers[index]!;
      if (answer.kind === "alone") return left.push(queued);
      queued.inCallerContext(() => {
        if (answer.caseRef) joinCase(answer.caseRef);
        queued.resolve(answer.result);
      });
    });
    for (const queued of left) await this.runAlone(queued);
  }

  /** The command in a transaction of its own, in its caller's context (its span joins the case there). */
  private async runAlone(queued: Queued): Promise<void> {
    try {
      queued.resolve(await queued.inCallerContext(() => applyItemCommand(this.deps, queued.command)));
    } catch (error) {
      queued.reject(error);
    }
  }
}
