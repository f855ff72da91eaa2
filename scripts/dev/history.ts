/**
 * Earlier months for the demo: the dev stack runs one county's services, and routing stamps
 * every event with its own clock, so everything the seed does through the APIs happens this
 * month. The city's console also shows six-month trends and the last quarter's bulletin, so the
 * seed publishes a second county's history (a county whose services do not run under dev.sh) to
 * that county's stream, as its routing, agreement and intake would have: the golden history
 * (services/assessment/src/golden/history.ts, the month every figure of which is worked out by
 * hand) replayed once into each of the six months before this one, each copy with fresh ids and
 * its dates moved by whole months. The same way the console's browser test gives its second
 * county a history. Those cases have no routing behind them under dev.sh, so their case pages
 * show the projection without a ledger.
 */
import { randomUUID } from "node:crypto";
import { connectBus, encodeEvent, eventTypes, subjectFor, type EventEnvelope } from "@steward/platform/events";
import { createLogger } from "@steward/platform/logging";
import { goldenHistory } from "../../services/assessment/src/golden/history.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The golden history's month: a copy for month M moves every date by the months from it to M. */
const goldenMonth = { year: 2026, month: 3 };

/** The same instant `months` later (the day kept, clamped to the target month's last day). */
function addMonths(date: Date, months: number): Date {
  const moved = new Date(date);
  const day = moved.getUTCDate();
  moved.setUTCDate(1);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 0)).getUTCDate();
  moved.setUTCDate(Math.min(day, lastDay));
  return moved;
}

function addMonthsToCivilDate(text: string, months: number): string {
  const [, y, m, d] = datePattern.exec(text)!;
  return addMonths(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))), months).toISOString().slice(0, 10);
}

/** A copy of a value with its ids renamed (one new id per old one), its dates moved and its project names numbered. */
function moved(value: unknown, months: number, renamed: Map<string, string>, edition: string, key = ""): unknown {
  if (value instanceof Date) return addMonths(value, months);
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") {
    if (uuidPattern.test(value)) {
      if (!renamed.has(value)) renamed.set(value, randomUUID());
      return renamed.get(value);
    }
    if (datePattern.test(value)) return addMonthsToCivilDate(value, months);
    if (key === "projectName" && value) return `${value}（${edition}）`;
    return value;
  }
  if (Array.isArray(value)) return value.map((entry) => moved(entry, months, renamed, edition));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, moved(entry, months, renamed, edition, name)]));
  return value;
}

/**
 * What routing's clock round would have done since: an item warned and still open when the
 * golden month ends goes overdue the day after its committed deadline (08:00 Beijing), if that
 * day has come by `now`.
 */
function overdueSince(events: readonly EventEnvelope[], now: Date): EventEnvelope[] {
  const later: EventEnvelope[] = [];
  for (const warned of events) {
    if (warned.payload?.$case !== "itemWarned") continue;
    const item = warned.payload.value;
    const settled = events.some(
      (other) => (other.payload?.$case === "itemOverdue" || other.payload?.$case === "itemDecided") && other.payload.value.itemId === item.itemId && other.occurredAt! > warned.occurredAt!,
    );
    const dueDayAfter = new Date(`${item.committedDueOn}T08:00:00+08:00`);
    dueDayAfter.setUTCDate(dueDayAfter.getUTCDate() + 1);
    if (settled || dueDayAfter > now) continue;
    later.push({ ...warned, id: randomUUID(), type: eventTypes.itemOverdue, occurredAt: dueDayAfter, payload: { $case: "itemOverdue", value: { ...item } } });
  }
  return later;
}

/** The golden history replayed into `month` ("2026-07") for `region`, as it stands `now`. */
export function goldenHistoryIn(region: string, month: string, now: Date): EventEnvelope[] {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  const months = (year - goldenMonth.year) * 12 + (mm - goldenMonth.month);
  const renamed = new Map<string, string>();
  const copy = goldenHistory().map((event) => ({ ...(moved(event, months, renamed, `${year}年${mm}月批`) as EventEnvelope), id: randomUUID(), region }));
  return [...copy, ...overdueSince(copy, now)];
}

/** The `count` months before `month`, oldest first. */
export function monthsBefore(month: string, count: number): string[] {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => addMonths(new Date(Date.UTC(year, mm - 1, 1)), index - count).toISOString().slice(0, 7));
}

/**
 * Publishes the history to `region`'s stream unless the stream already holds events (the seed is
 * idempotent). Returns how many events it published (0 when it left the stream alone).
 */
export async function publishEarlierMonths(natsUrl: string, region: string, months: readonly string[]): Promise<number> {
  const logger = createLogger({ service: "dev-seed", region, level: "silent" });
  const bus = await connectBus({ url: natsUrl, name: "dev-seed-history", region, logger });
  try {
    if ((await bus.jsm.streams.info(bus.stream)).state.messages > 0) return 0;
    let published = 0;
    for (const month of months) {
      for (const event of goldenHistoryIn(region, month, new Date())) {
        await bus.js.publish(subjectFor(region, event.type), encodeEvent(event), { msgID: event.id });
        published += 1;
      }
    }
    return published;
  } finally {
    await bus.close();
  }
}
