import { WriteSet as CommandWriteSet } from "@steward/platform/db";
import type { OpenChains } from "@steward/platform/ledger";
import type { Fragment, TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import type { ItemOutcome } from "../domain/item-commands.js";
import { assignmentChangesSql } from "./assignment-changes.js";
import { saveItemSql, saveItemsSql } from "./items.js";
import { reportsToOriginSql } from "./linkage.js";

/**
 * The writes of one command on a case — or of a batch of commands on many cases (db/item-batch.ts)
 * — as ONE statement (the platform's WriteSet: ledger, outbox, further rows), plus routing's own
 * parts, each one multi-row INSERT or UPDATE however many commands there were: the items saved,
 * the reports to a forwarding county, and the changes departments see on their feeds
 * (WatchAssignments). A transition as four or five statements cost Postgres and the client their
 * per-statement work over again, and that, not the rows, was most of a gateway call's cost
 * (load-tests/README.md).
 */
export class WriteSet extends CommandWriteSet {
  private feed: { item: CaseItem; department: string }[] = [];
  private saves = new Map<string, CaseItem>();
  private reports: { outcome: ItemOutcome; actor: string }[] = [];

  constructor(tx: TransactionSql, chains: OpenChains) {
    super(tx, chains);
  }

  /** Saves the item as it is after everything this set holds (a later save of the same item replaces an earlier one). */
  saveItem(item: CaseItem): this {
    this.saves.set(item.id, item);
    return this;
  }

  /** City side: queues each state change of an item a county forwarded, to be reported back in order. */
  reportToOrigin(outcome: ItemOutcome, actor: string): this {
    this.reports.push({ outcome, actor });
    return this;
  }

  /** Changes departments see on their feeds, in the order they happened (one INSERT). */
  changeFeed(changes: readonly { item: CaseItem; department: string }[]): this {
    this.feed.push(...changes);
    return this;
  }

  protected override takeExtraParts(): Fragment[] {
    const saved = [...this.saves.values()];
    const parts = [
      saved.length === 1 ? saveItemSql(this.tx, saved[0]!) : saved.length > 1 ? saveItemsSql(this.tx, saved) : undefined,
      reportsToOriginSql(this.tx, this.reports),
      assignmentChangesSql(this.tx, this.feed),
    ];
    this.feed = [];
    this.saves = new Map();
    this.reports = [];
    return parts.filter((part): part is Fragment => part !== undefined);
  }
}
