import type { Fragment, TransactionSql } from "postgres";
import { encodeEvent, type EventEnvelope } from "./envelope.js";
import { subjectFor } from "./subjects.js";

/**
 * Records events in the caller's transaction: they are published if and only if the business
 * rows beside them commit. One multi-row insert, so a transition costs one round trip for its
 * events however many it emits.
 */
export async function recordEvents(tx: TransactionSql, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await eventsInsertSql(tx, events);
}

/**
 * `recordEvents` as a fragment, for a caller that writes the events inside a larger statement of
 * its own (a data-modifying WITH). Needs at least one event.
 */
export function eventsInsertSql(tx: TransactionSql, events: EventEnvelope[]): Fragment {
  if (events.length === 0) throw new TypeError("eventsInsertSql: no events");
  const rows = events.map((event) => ({
    event_id: event.id,
    region: event.region,
    subject: subjectFor(event.region, event.type),
    event_type: event.type,
    payload: Buffer.from(encodeEvent(event)),
    headers: tx.json(event.traceContext),
  }));
  return tx`insert into outbox ${tx(rows, "event_id", "region", "subject", "event_type", "payload", "headers")}`;
}
