import { randomUUID } from "node:crypto";
import type { Template } from "./templates.js";

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface Delivery {
  id: string;
  region: string;
  template: string;
  channel: "webhook";
  sourceEventId: string;
  subjectId: string;
  title: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  deliveredAt?: Date;
}

export function newDelivery(region: string, template: string, message: Template, sourceEventId: string, subjectId: string, now = new Date()): Delivery {
  return { id: randomUUID(), region, template, channel: "webhook", sourceEventId, subjectId, ...message, status: "pending", attempts: 0, createdAt: now };
}

/** Exponential backoff between attempts: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 300_000);
}
