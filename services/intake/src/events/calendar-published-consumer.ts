import type { HolidaySchedule } from "@steward/calendar";
import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import type { IntakeDeps } from "../commands/deps.js";
import { recomputeProvisionalClocks } from "../commands/provisional-clocks.js";

export const calendarPublishedConsumer = { durable: "intake-calendar-published", eventTypes: [eventTypes.deadlinesRecomputed] };

/**
 * Routing published a year's holiday schedule (routing.calendar.recomputed): intake reads the
 * schedule afresh and counts its provisional reply clocks again, in the consumer's transaction, so
 * the change and its announcements commit once with the inbox row. Should routing not answer,
 * the last schedule known is used and the reminder round catches up later.
 */
export const recountProvisionalClocks =
  (deps: Pick<IntakeDeps, "region" | "rules" | "now">, freshSchedule: () => Promise<HolidaySchedule>): EventHandler =>
  async (tx, event) => {
    if (!payloadOf(event, "deadlinesRecomputed")) return;
    await recomputeProvisionalClocks(tx, deps, await freshSchedule());
  };
