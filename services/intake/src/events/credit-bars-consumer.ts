import { eventTypes, payloadOf, type EventHandler } from "@steward/platform/events";
import { recordCreditBars } from "../db/enterprises.js";

export const creditBarsConsumer = { durable: "intake-credit-bars", eventTypes: [eventTypes.enterpriseBarred] };

/**
 * Routing found an enterprise's commitment false and barred it from some processing modes (告知承诺,
 * 容缺) for a period: its credit standing in intake shows each barred mode until the bar ends, with
 * the revoked item as the reason.
 */
export const recordCreditBar: EventHandler = async (tx, event) => {
  const barred = payloadOf(event, "enterpriseBarred");
  if (!barred) return;
  const reason = `${barred.itemCode} revoked on ${barred.revokedOn}: ${barred.reason}`;
  await recordCreditBars(tx, event.region, barred.creditCode, barred.modes.map((mode) => ({ mode, barredUntil: barred.barredThrough, reason })), event.id);
};
