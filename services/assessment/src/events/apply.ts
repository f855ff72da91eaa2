import { transaction, type Sql } from "@steward/platform/db";
import type { EventEnvelope } from "@steward/platform/events";
import { project, projectionConsumer } from "./projection.js";

/**
 * Projects one event exactly once, as the durable consumer does: the inbox row and the
 * projection's writes in one transaction; false when the event was projected before. The tests
 * feed histories with it; the rebuild replays the history stream through it into the fresh tables
 * of `schema` (first on the transaction's search path, so the same upserts land there).
 */
export async function applyEvent(sql: Sql, event: EventEnvelope, options: { schema?: string } = {}): Promise<boolean> {
  return transaction(sql, async (tx) => {
    if (options.schema) await tx`select set_config('search_path', ${`${options.schema}, public`}, true)`;
    const inserted = await tx`
      insert into inbox (consumer, event_id, region, event_type) values (${projectionConsumer.durable}, ${event.id}, ${event.region}, ${event.type})
      on conflict do nothing returning event_id`;
    if (inserted.length === 0) return false;
    await project(tx, event);
    return true;
  });
}
