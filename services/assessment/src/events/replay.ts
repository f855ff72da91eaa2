import { decodeEvent, type Bus, type EventEnvelope } from "@steward/platform/events";

export interface ReplaySummary {
  /** Messages read from the stream. */
  read: number;
  /** Messages that could not be decoded (the live consumer records and skips them too). */
  undecodable: number;
}

/**
 * Reads `stream` from its first message to the last one it held when the replay began, in order,
 * handing each event to `handle` (an ordered, ephemeral consumer: nothing durable is created and
 * the live consumer's position is untouched). Events landing meanwhile are left to the live one.
 */
export async function replayStream(bus: Bus, stream: string, handle: (event: EventEnvelope) => Promise<unknown>): Promise<ReplaySummary> {
  const summary: ReplaySummary = { read: 0, undecodable: 0 };
  const { state } = await bus.jsm.streams.info(stream);
  if (state.messages === 0) return summary;
  const lastSequence = state.last_seq;
  const consumer = await bus.js.consumers.get(stream);
  const messages = await consumer.consume({ max_messages: 256 });
  try {
    for await (const message of messages) {
      summary.read += 1;
      let event: EventEnvelope | undefined;
      try {
        event = decodeEvent(message.data);
      } catch {
        summary.undecodable += 1;
      }
      if (event) await handle(event);
      if (message.seq >= lastSequence) break;
    }
  } finally {
    await messages.close();
  }
  return summary;
}
