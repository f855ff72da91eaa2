import { newEvent, type EventEnvelope } from "@steward/platform/events";
import type { Delivery } from "../domain/delivery.js";

export function deliveryDelivered(delivery: Delivery): EventEnvelope {
  return newEvent({
    region: delivery.region,
    aggregateId: delivery.id,
    payload: {
      $case: "notificationDelivered",
      value: { deliveryId: delivery.id, template: delivery.template, channel: delivery.channel, sourceEventId: delivery.sourceEventId },
    },
  });
}

export function deliveryFailed(delivery: Delivery, reason: string): EventEnvelope {
  return newEvent({
    region: delivery.region,
    aggregateId: delivery.id,
    payload: {
      $case: "notificationFailed",
      value: { deliveryId: delivery.id, template: delivery.template, channel: delivery.channel, sourceEventId: delivery.sourceEventId, reason },
    },
  });
}
