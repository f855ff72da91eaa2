import type { Sql } from "@steward/platform/db";
import type { Bus } from "@steward/platform/events";
import { compareWithLive, createFreshTables, rebuildSchema, tablesEqual, type TableComparison } from "../db/rebuild.js";
import { applyEvent } from "../events/apply.js";
import { historyStreamFor } from "../events/history-stream.js";
import { replayStream, type ReplaySummary } from "../events/replay.js";

export interface RebuildReport extends ReplaySummary {
  stream: string;
  schema: string;
  /** Events projected into the fresh tables (a duplicate in the stream is projected once). */
  projected: number;
  tables: TableComparison[];
  equal: boolean;
}

/**
 * Rebuilds the region's projection from its history stream into fresh tables (schema
 * `assessment_rebuild`, the live tables untouched) and compares them row for row with the live
 * ones. Equal tables prove the projection is a pure function of the events; the comparison is
 * exact only while no new event lands, so run it when the stream is quiet (or run it twice).
 */
export async function rebuildProjection(sql: Sql, bus: Bus, region: string): Promise<RebuildReport> {
  const stream = historyStreamFor(region);
  await createFreshTables(sql, rebuildSchema);
  let projected = 0;
  const replay = await replayStream(bus, stream, async (event) => {
    if (await applyEvent(sql, event, { schema: rebuildSchema })) projected += 1;
  });
  const tables = await compareWithLive(sql, rebuildSchema);
  return { ...replay, stream, schema: rebuildSchema, projected, tables, equal: tablesEqual(tables) };
}
