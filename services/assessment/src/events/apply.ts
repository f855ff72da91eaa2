import { transaction, type Sql } from "@steward/platform/db";
import type { EventEnvelope } from "@steward/platform/events";
import { project, projectionConsumer } from "./projection.js";

/**
 * Projects one event exactly once, as the durable consumer does: the inbox row and the
 * projection's writes in one transaction; false when the event was projected before. The rebuild
 * replays the history stream through this into fresh tables, and the tests feed histories with it.
 */
export async function applyEvent(sql: Sql, event: EventEnvelope, consumer = projectionConsumer.durable): Promise<boolean> {
  return transaction(sql, async (tx) => {
    const inserted = await tx`
      insert into inbox (consumer, event_id, region, event_type) values (${consumer}, ${event.id}, ${event.region}, ${event.type})
      on conflict do nothing returning event_id`;
    if (inserted.length === 0) return false;
    await project(tx, event);
    return true;
  });
}
