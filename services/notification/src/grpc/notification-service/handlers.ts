import { requireRole } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { invalidArgument, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import { notificationV1 } from "@steward/proto";
import { listDeliveries } from "../../db/deliveries.js";
import type { Delivery, DeliveryStatus } from "../../domain/delivery.js";

const statuses: Record<DeliveryStatus, notificationV1.DeliveryStatus> = {
  pending: notificationV1.DeliveryStatus.DELIVERY_STATUS_PENDING,
  delivered: notificationV1.DeliveryStatus.DELIVERY_STATUS_DELIVERED,
  failed: notificationV1.DeliveryStatus.DELIVERY_STATUS_FAILED,
};

const toMessage = (delivery: Delivery): notificationV1.Delivery => ({
  id: delivery.id,
  region: delivery.region,
  template: delivery.template,
  channel: delivery.channel,
  sourceEventId: delivery.sourceEventId,
  subjectId: delivery.subjectId,
  status: statuses[delivery.status],
  attempts: delivery.attempts,
  createdAt: delivery.createdAt,
  deliveredAt: delivery.deliveredAt,
});

const encode = (cursor: { createdAt: Date; id: string } | undefined) =>
  cursor ? Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url") : "";

function decode(token: string): { createdAt: Date; id: string } | undefined {
  if (!token) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(token, "base64url").toString()) as [string, string];
    const date = new Date(createdAt);
    if (!Number.isNaN(date.getTime()) && typeof id === "string") return { createdAt: date, id };
  } catch {
    // fall through to the error below
  }
  raise(invalidArgument([{ field: "page_token", description: "is not a token this service issued" }]));
}

export function notificationHandlers(sql: Sql): ServiceHandlers<typeof notificationV1.NotificationServiceService> {
  return {
    async listDeliveries(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin", "operator", "service"));
      if (request.pageSize < 0 || request.pageSize > 500) raise(invalidArgument([{ field: "page_size", description: "must be between 0 and 500" }]));
      const page = await listDeliveries(sql, ctx.region, { subjectId: request.subjectId || undefined, after: decode(request.pageToken), limit: request.pageSize || 50 });
      return { deliveries: page.deliveries.map(toMessage), nextPageToken: encode(page.next) };
    },
  };
}
