import { eventsInsertSql, type EventEnvelope } from "@steward/platform/events";
import type { LedgerEntryInput, OpenChains } from "@steward/platform/ledger";
import type { Fragment, TransactionSql } from "postgres";
import type { CaseItem } from "../domain/case-item.js";
import { assignmentChangesSql } from "./assignment-changes.js";

/**
 * The writes of one command on a case, gathered and sent to Postgres as ONE statement (a
 * data-modifying WITH: every part runs, in one snapshot, all or nothing). A transition touches the
 * item row, the ledger, the outbox and the department feeds; as separate statements those cost
 * Postgres and the client their per-statement work four or five times over, and that, not the rows,
 * was most of a gateway call's cost (load-tests/README.md).
 *
 * Ledger entries, events and feed changes are gathered into one INSERT each, so they keep the order
 * they were added in (the parts of one statement run in no defined order); the ledger rows are sealed at
 * `flush`, after everything before them in the transaction, and checked against what was stored.
 * Parts must not write the same row twice (one statement cannot see its own changes).
 */
export class WriteSet {
  private statements: Fragment[] = [];
  private ledger: LedgerEntryInput[] = [];
  private events: EventEnvelope[] = [];
  private feed: { item: CaseItem; department: string }[] = [];

  constructor(
    private readonly tx: TransactionSql,
    private readonly chains: OpenChains,
  ) {}

  add(statement: Fragment | undefined): this {
    if (statement) this.statements.push(statement);
    return this;
  }

  appendLedger(entries: readonly LedgerEntryInput[]): this {
    this.ledger.push(...entries);
    return this;
  }

  recordEvents(events: readonly EventEnvelope[]): this {
    this.events.push(...events);
    return this;
  }

  /** Changes departments see on their feeds (WatchAssignments), in the order they happened. */
  changeFeed(changes: readonly { item: CaseItem; department: string }[]): this {
    this.feed.push(...changes);
    return this;
  }

  /** Writes everything gathered so far in one statement; the set is empty again after. */
  async flush(): Promise<void> {
    const { tx } = this;
    const ledger = this.ledger.length > 0 ? this.chains.prepare(this.ledger) : undefined;
    const feed = assignmentChangesSql(tx, this.feed);
    const parts = [...(ledger ? [ledger.insert] : []), ...this.statements, ...(this.events.length > 0 ? [eventsInsertSql(tx, this.events)] : []), ...(feed ? [feed] : [])];
    this.statements = [];
    this.ledger = [];
    this.events = [];
    this.feed = [];
    if (parts.length === 0) return;
    let query = tx`with ${tx.unsafe("w0")} as (${parts[0]!})`;
    for (let index = 1; index < parts.length; index++) query = tx`${query}, ${tx.unsafe(`w${index}`)} as (${parts[index]!})`;
    const returned = await (ledger ? tx`${query} select * from w0` : tx`${query} select 1`);
    ledger?.verify(returned);
  }
}
