import type { Fragment, TransactionSql } from "postgres";
import { eventsInsertSql } from "../events/outbox.js";
import type { EventEnvelope } from "../events/envelope.js";
import { openChains, type LedgerEntryInput, type LedgerRow, type OpenChains } from "../ledger/index.js";

/**
 * The writes of one command, gathered and sent to Postgres as ONE statement (a data-modifying
 * WITH: every part runs, in one snapshot, all or nothing): its rows, its ledger entries and its
 * events. As separate statements they cost Postgres and the client their per-statement work
 * several times over (load-tests/README.md measured it on routing's hot path).
 *
 * Ledger entries and events are gathered into one INSERT each, so they keep the order they were
 * added in (the parts of one statement run in no defined order); the ledger rows are sealed at
 * `flush`, after everything before them in the transaction, and checked against what was stored.
 * Chains not opened by the caller (who opens them first when it must read a chain's tail under
 * its lock) are opened at `flush`. Parts must not write the same row twice: one statement cannot
 * see its own changes.
 */
export class WriteSet {
  private statements: Fragment[] = [];
  private ledger: LedgerEntryInput[] = [];
  private events: EventEnvelope[] = [];

  constructor(
    protected readonly tx: TransactionSql,
    private chains?: OpenChains,
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

  /** Further parts of a subclass's own (written after the events), emptied as it hands them over. */
  protected takeExtraParts(): Fragment[] {
    return [];
  }

  /** Writes everything gathered so far in one statement and returns the ledger rows it stored. */
  async flush(): Promise<LedgerRow[]> {
    const { tx } = this;
    if (this.ledger.length > 0 && !this.chains) this.chains = await openChains(tx, this.ledger);
    const ledger = this.ledger.length > 0 ? this.chains!.prepare(this.ledger) : undefined;
    const parts = [...(ledger ? [ledger.insert] : []), ...this.statements, ...(this.events.length > 0 ? [eventsInsertSql(tx, this.events)] : []), ...this.takeExtraParts()];
    this.statements = [];
    this.ledger = [];
    this.events = [];
    if (parts.length === 0) return [];
    let query = tx`with ${tx.unsafe("w0")} as (${parts[0]!})`;
    for (let index = 1; index < parts.length; index++) query = tx`${query}, ${tx.unsafe(`w${index}`)} as (${parts[index]!})`;
    const returned = await (ledger ? tx`${query} select * from w0` : tx`${query} select 1`);
    return ledger ? ledger.verify(returned) : [];
  }
}
