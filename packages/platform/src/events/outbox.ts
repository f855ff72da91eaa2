import type { TransactionSql } from "postgres";
import { encodeEvent, type EventEnvelope } from "./envelope.js";
import { subjectFor } from "./subjects.js";

/**
 * Records events in the caller's transaction: they are published if and only if the business
 * rows beside them commit. One multi-row insert, so a transition costs one round trip for its
 * events however many it emits.
 */
export async function recordEvents(tx: TransactionSql, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => ({
    event_id: event.id,
    region: event.region,
    subject: subjectFor(event.region, event.type),
    event_type: event.type,
    payload: Buffer.from(encodeEvent(event)),
    headers: tx.json(event.traceContext),
  }));
  await tx`insert into outbox ${tx(rows, "event_id", "region", "subject", "event_type", "payload", "headers")}`;
}
