import { tracedFetch } from "@steward/platform/http";
import type { TraceCarrier } from "@steward/platform/telemetry";
import { Webhook } from "standardwebhooks";
import { resultOfStatus, resultOfThrown, type SendResult } from "./provider.js";

/**
 * Signed POSTs to department systems and the 12345 system (Standard Webhooks: webhook-id,
 * webhook-timestamp, webhook-signature = HMAC-SHA256 over "id.timestamp.body" with the
 * endpoint's secret). The delivery id is the webhook-id and the Idempotency-Key on every attempt,
 * so a receiver drops a repeat; each attempt is signed afresh at the time it is sent. Each POST is
 * a CLIENT span under `trace` (the trace that queued the delivery) and sends its traceparent.
 */
export async function postWebhook(endpoint: { url: string; secret: string }, deliveryId: string, body: unknown, timeoutMs: number, trace: TraceCarrier): Promise<SendResult> {
  const payload = JSON.stringify(body);
  const sentAt = new Date();
  const headers = {
    "content-type": "application/json",
    "webhook-id": deliveryId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(endpoint.secret).sign(deliveryId, sentAt, payload),
    "idempotency-key": deliveryId,
  };
  try {
    const response = await tracedFetch(endpoint.url, { method: "POST", parent: trace, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return resultOfStatus(response.status, "the receiver");
  } catch (thrown) {
    return resultOfThrown(thrown, "the receiver", timeoutMs);
  }
}
