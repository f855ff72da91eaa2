import { randomUUID } from "node:crypto";
import { transaction } from "@steward/platform/db";
import { claimDeliveries, dueDigests, heldFor, markDigested } from "../db/deliveries.js";
import type { Delivery } from "../domain/delivery.js";
import { composeDigest, digestTemplate, digestTrigger } from "../domain/digest.js";
import { parseRecipientKey } from "../domain/recipients.js";
import type { NotificationDeps } from "./deps.js";

/**
 * One round of morning digests: for each recipient and channel whose held notices are due, one
 * message gathering them, claimed as a delivery of its own (once per recipient, channel and
 * digest time) in the transaction that marks them as carried. Returns the digests made.
 */
export async function digestRound(deps: NotificationDeps, batch = 100): Promise<number> {
  return transaction(deps.sql, async (tx) => {
    const now = deps.now();
    const groups = await dueDigests(tx, deps.region, now, batch);
    const digests: Delivery[] = [];
    for (const group of groups) {
      const held = await heldFor(tx, deps.region, group);
      const recipient = parseRecipientKey(group.recipient);
      if (held.length === 0 || !recipient) continue;
      const message = composeDigest(held, deps.rules.templates);
      const id = randomUUID();
      digests.push({
        id,
        region: deps.region,
        sourceId: `digest:${group.dueAt.toISOString()}`,
        eventType: digestTrigger.type,
        recipient,
        channel: group.channel,
        template: digestTemplate,
        templateVersion: deps.rules.templates.version,
        urgency: "prompt",
        subjectId: `digest:${group.dueAt.toISOString()}`,
        title: message.title,
        body: message.body,
        shortText: message.sms,
        data: undefined,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        digestDueAt: undefined,
        digestId: undefined,
        lastError: undefined,
        createdAt: now,
        deliveredAt: undefined,
      });
      await markDigested(tx, held.map((delivery) => delivery.id), id);
    }
    await claimDeliveries(tx, digests);
    return digests.length;
  });
}
