import { WriteSet as CommandWriteSet } from "@steward/platform/db";
import type { OpenChains } from "@steward/platform/ledger";
import type { Fragment, TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import { assignmentChangesSql } from "./items.js";

/**
 * The writes of one command on a case as ONE statement (the platform's WriteSet: item row, ledger,
 * outbox), plus the changes departments see on their feeds (WatchAssignments). A transition as
 * four or five statements cost Postgres and the client their per-statement work over again, and
 * that, not the rows, was most of a gateway call's cost (load-tests/README.md).
 */
export class WriteSet extends CommandWriteSet {
  private feed: { item: CaseItem; department: string }[] = [];

  constructor(tx: TransactionSql, chains: OpenChains) {
    super(tx, chains);
  }

  /** Changes departments see on their feeds, in the order they happened (one INSERT). */
  changeFeed(changes: readonly { item: CaseItem; department: string }[]): this {
    this.feed.push(...changes);
    return this;
  }

  protected override takeExtraParts(): Fragment[] {
    const feed = assignmentChangesSql(this.tx, this.feed);
    this.feed = [];
    return feed ? [feed] : [];
  }
}
