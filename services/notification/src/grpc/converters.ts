import { invalidArgument, raise } from "@steward/platform/errors";
import { notificationV1 } from "@steward/proto";
import type { Delivery, DeliveryStatus } from "../domain/delivery.js";
import { recipientIdProblem, type Recipient, type RecipientKind } from "../domain/recipients.js";
import type { Channel, Urgency } from "../domain/rules.js";

const kinds: Record<RecipientKind, notificationV1.RecipientKind> = {
  steward: notificationV1.RecipientKind.RECIPIENT_KIND_STEWARD,
  liaison: notificationV1.RecipientKind.RECIPIENT_KIND_LIAISON,
  enterprise: notificationV1.RecipientKind.RECIPIENT_KIND_ENTERPRISE,
  department: notificationV1.RecipientKind.RECIPIENT_KIND_DEPARTMENT,
  admin: notificationV1.RecipientKind.RECIPIENT_KIND_ADMIN,
  joint_meeting: notificationV1.RecipientKind.RECIPIENT_KIND_JOINT_MEETING,
  hotline: notificationV1.RecipientKind.RECIPIENT_KIND_HOTLINE,
};
const channels: Record<Channel, notificationV1.Channel> = {
  sms: notificationV1.Channel.CHANNEL_SMS,
  email: notificationV1.Channel.CHANNEL_EMAIL,
  inbox: notificationV1.Channel.CHANNEL_INBOX,
  webhook: notificationV1.Channel.CHANNEL_WEBHOOK,
};
const urgencies: Record<Urgency, notificationV1.Urgency> = {
  urgent: notificationV1.Urgency.URGENCY_URGENT,
  prompt: notificationV1.Urgency.URGENCY_PROMPT,
  digest: notificationV1.Urgency.URGENCY_DIGEST,
};
const statuses: Record<DeliveryStatus, notificationV1.DeliveryStatus> = {
  pending: notificationV1.DeliveryStatus.DELIVERY_STATUS_PENDING,
  delivered: notificationV1.DeliveryStatus.DELIVERY_STATUS_DELIVERED,
  failed: notificationV1.DeliveryStatus.DELIVERY_STATUS_FAILED,
  held: notificationV1.DeliveryStatus.DELIVERY_STATUS_HELD,
  digested: notificationV1.DeliveryStatus.DELIVERY_STATUS_DIGESTED,
  skipped: notificationV1.DeliveryStatus.DELIVERY_STATUS_SKIPPED,
};

const inverse = <K extends string, V>(map: Record<K, V>) => new Map<V, K>(Object.entries(map).map(([key, value]) => [value as V, key as K]));
const kindOf = inverse(kinds);
const channelOf = inverse(channels);
const statusOf = inverse(statuses);

export const toRecipientMessage = (recipient: Recipient): notificationV1.Recipient => ({ kind: kinds[recipient.kind], id: recipient.id });
export const toChannelMessage = (channel: Channel) => channels[channel];

/** A recipient the caller named, checked; `field` names it in the refusal. */
export function recipientFrom(message: notificationV1.Recipient | undefined, field = "recipient"): Recipient {
  const kind = message ? kindOf.get(message.kind) : undefined;
  if (!message || !kind) raise(invalidArgument([{ field: `${field}.kind`, description: "must name a kind of recipient" }]));
  const recipient = { kind, id: message.id };
  const problem = recipientIdProblem(recipient);
  if (problem) raise(invalidArgument([{ field: `${field}.id`, description: problem }]));
  return recipient;
}

/** The recipient of a filter, when one is set (kind unspecified: none). */
export function optionalRecipient(message: notificationV1.Recipient | undefined, field = "recipient"): Recipient | undefined {
  return message && message.kind !== notificationV1.RecipientKind.RECIPIENT_KIND_UNSPECIFIED ? recipientFrom(message, field) : undefined;
}

export function channelFrom(channel: notificationV1.Channel, field: string): Channel {
  const value = channelOf.get(channel);
  if (!value) raise(invalidArgument([{ field, description: "must name a channel" }]));
  return value;
}

export function statusFrom(status: notificationV1.DeliveryStatus): DeliveryStatus | undefined {
  return status === notificationV1.DeliveryStatus.DELIVERY_STATUS_UNSPECIFIED ? undefined : statusOf.get(status);
}

export const toDeliveryMessage = (delivery: Delivery): notificationV1.Delivery => ({
  id: delivery.id,
  region: delivery.region,
  template: delivery.template,
  channel: delivery.channel,
  sourceEventId: delivery.sourceId,
  subjectId: delivery.subjectId,
  status: statuses[delivery.status],
  attempts: delivery.attempts,
  createdAt: delivery.createdAt,
  deliveredAt: delivery.deliveredAt,
  recipient: toRecipientMessage(delivery.recipient),
  urgency: urgencies[delivery.urgency],
  eventType: delivery.eventType,
  lastError: delivery.lastError ?? "",
  nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt : undefined,
  title: delivery.title,
  digestId: delivery.digestId ?? "",
  templateVersion: delivery.templateVersion,
});
