import type { StreamConfig } from "@nats-io/jetstream";
import { isNotFound, streamFor, type Bus } from "@steward/platform/events";

/** Assessment's history stream of a region: `ASSESSMENT_<REGION>`. */
export const historyStreamFor = (region: string): string => `ASSESSMENT_${streamFor(region).replace(/^STEWARD_/, "")}`;

/**
 * Makes sure the region's assessment has its history stream: a JetStream stream with no subjects
 * of its own that sources the region streams it counts (the city: every county's and its own; a
 * county: its own). NATS copies every event into it as it lands — the city sees every county
 * through NATS itself, not through copies made by hand — and keeps them for `maxAgeDays` (0: for
 * ever), longer than the region streams do, so the projection can always be rebuilt from it. A
 * source added later (a new county) is copied from its beginning.
 */
export async function ensureHistoryStream(bus: Bus, region: string, sourceRegions: readonly string[], maxAgeDays: number): Promise<string> {
  const name = historyStreamFor(region);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [],
    sources: sourceRegions.map((source) => ({ name: streamFor(source) })),
    duplicate_window: 2 * 60 * 1_000_000_000,
    max_age: maxAgeDays * 24 * 60 * 60 * 1_000_000_000,
  };
  try {
    await bus.jsm.streams.info(name);
    await bus.jsm.streams.update(name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await bus.jsm.streams.add(config);
    } catch (addError) {
      if (!String(addError).includes("already in use")) throw addError;
    }
  }
  return name;
}
