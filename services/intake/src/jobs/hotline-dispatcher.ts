import { transaction, type Sql } from "@steward/platform/db";
import type { Logger } from "@steward/platform/logging";
import { Webhook } from "standardwebhooks";
import { claimDeliveries, recordDeliveryOutcome } from "../db/hotline.js";

export interface HotlineDispatchOptions {
  sql: Sql;
  region: string;
  secret: string;
  callbackUrl: string;
  maxAttempts: number;
  timeoutMs: number;
  logger: Logger;
  now?: () => Date;
}

/** Back-off after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 10 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(1000 * 2 ** Math.max(attempts - 1, 0), 600_000);

/**
 * One round of pushes to the hotline: each queued status change is POSTed signed the Standard
 * Webhooks way under its own message id (the same id on every retry, so the hotline drops a
 * duplicate), with a fresh timestamp and signature per attempt; a 2xx answer delivers it, anything
 * else is retried with back-off until `maxAttempts`, then recorded as failed. Rows are claimed with
 * SKIP LOCKED and each outcome committed with its claim.
 */
export async function dispatchRound(options: HotlineDispatchOptions): Promise<number> {
  const webhook = new Webhook(options.secret);
  const now = options.now ?? (() => new Date());
  return transaction(options.sql, async (tx) => {
    const deliveries = await claimDeliveries(tx, options.region, now(), 20);
    for (const delivery of deliveries) {
      const body = JSON.stringify(delivery.body);
      const sentAt = now();
      const headers = { "content-type": "application/json", "webhook-id": delivery.id, "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)), "webhook-signature": webhook.sign(delivery.id, sentAt, body) };
      let error: string | undefined;
      try {
        const response = await fetch(options.callbackUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) error = `hotline answered ${response.status}`;
        await response.body?.cancel();
      } catch (thrown) {
        error = (thrown as Error).name === "TimeoutError" ? `no answer in ${options.timeoutMs} ms` : `could not reach the hotline: ${(thrown as Error).message}`;
      }
      const attempts = delivery.attempts + 1;
      if (!error) {
        await recordDeliveryOutcome(tx, delivery.id, { delivered: true });
      } else {
        const retryAt = attempts < options.maxAttempts ? new Date(now().getTime() + retryDelayMs(attempts)) : undefined;
        await recordDeliveryOutcome(tx, delivery.id, { delivered: false, error, retryAt });
        options.logger.warn({ delivery: delivery.id, attempts, error, gaveUp: retryAt === undefined }, "hotline push failed");
      }
    }
    return deliveries.length;
  });
}
