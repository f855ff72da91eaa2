import type { Sql } from "@steward/platform/db";
import { tracedFetch } from "@steward/platform/http";
import type { Logger } from "@steward/platform/logging";
import { Webhook } from "standardwebhooks";
import { leaseDeliveries, recordDeliveryOutcome, type DeliveryOutcome, type LeasedDelivery } from "../db/hotline.js";

export interface HotlineDispatchOptions {
  sql: Sql;
  region: string;
  secret: string;
  callbackUrl: string;
  maxAttempts: number;
  timeoutMs: number;
  logger: Logger;
  /** The time leases and retries are scheduled by (tests move it). */
  now?: () => Date;
  /** Pushes leased per round (sent side by side: each is a different ticket's oldest). */
  batch?: number;
}

/** Back-off after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 10 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 600_000);

/** How long past the call's own timeout a lease lasts: room for recording the outcome. */
export const leaseMarginMs = 30_000;

/**
 * One round of pushes to the hotline. No transaction is open during a call: the due pushes are
 * leased in one committed statement, POSTed, and each outcome recorded on its own, fenced by the
 * attempt number. Each push is signed the Standard Webhooks way under its own message id — the
 * same on every retry, so the hotline drops a duplicate — with a fresh timestamp and signature per
 * attempt; a 2xx answer delivers it, anything else is retried with back-off until `maxAttempts`,
 * then recorded as failed. A process that dies mid-call leaves its lease to run out, and the push
 * is retried under the same id. Returns how many pushes were attempted.
 */
export async function dispatchRound(options: HotlineDispatchOptions): Promise<number> {
  const webhook = new Webhook(options.secret);
  const now = options.now ?? (() => new Date());
  const start = now();
  const leased = await leaseDeliveries(options.sql, options.region, start, new Date(start.getTime() + options.timeoutMs + leaseMarginMs), options.batch ?? 10);
  await Promise.all(
    leased.map(async (delivery) => {
      // Signed at the wall clock's time: the hotline checks the timestamp against its own.
      const error = await push(webhook, delivery, options, new Date());
      const outcome: DeliveryOutcome = error
        ? { delivered: false, error, retryAt: delivery.attempt < options.maxAttempts ? new Date(now().getTime() + retryDelayMs(delivery.attempt)) : undefined }
        : { delivered: true };
      const recorded = await recordDeliveryOutcome(options.sql, delivery, outcome);
      if (error) options.logger.warn({ delivery: delivery.id, attempt: delivery.attempt, error, gaveUp: !outcome.delivered && outcome.retryAt === undefined, recorded }, "hotline push failed");
    }),
  );
  return leased.length;
}

/** POSTs one push; the error in words, or undefined when the hotline took it. */
async function push(webhook: Webhook, delivery: LeasedDelivery, options: HotlineDispatchOptions, sentAt: Date): Promise<string | undefined> {
  const body = JSON.stringify(delivery.body);
  const headers = { "content-type": "application/json", "webhook-id": delivery.id, "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)), "webhook-signature": webhook.sign(delivery.id, sentAt, body) };
  try {
    const response = await tracedFetch(options.callbackUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
    await response.body?.cancel();
    return response.ok ? undefined : `hotline answered ${response.status}`;
  } catch (thrown) {
    return (thrown as Error).name === "TimeoutError" ? `no answer in ${options.timeoutMs} ms` : `could not reach the hotline: ${(thrown as Error).message}`;
  }
}
