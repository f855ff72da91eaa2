import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { streamFor } from "@steward/platform/events";
import { checkpointCopyStreamFor, checkpointStreamFor } from "@steward/platform/ledger";
import { stack } from "@steward/testing";

/**
 * Deletes what a test's regions left on the shared NATS: their event streams and their ledger
 * checkpoint streams (whose messages cannot be deleted or purged one by one, by design), and the
 * city's copy when the test's city was its own.
 */
export async function deleteRegionStreams(regions: readonly string[], cityRegion?: string): Promise<void> {
  const connection = await connect({ servers: stack.natsUrl, name: "e2e-cleanup" });
  try {
    const jsm = await jetstreamManager(connection);
    const names = [...regions.flatMap((region) => [streamFor(region), checkpointStreamFor(region)]), ...(cityRegion ? [checkpointCopyStreamFor(cityRegion)] : [])];
    for (const name of names) await jsm.streams.delete(name).catch(() => false);
  } finally {
    await connection.close();
  }
}
