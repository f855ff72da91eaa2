import type { Sql } from "@steward/platform/db";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
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

export function notificationHandlers(sql: Sql): ServiceHandlers<typeof notificationV1.NotificationServiceService> {
  return {
    async listDeliveries(request, ctx) {
      const paging = pageRequest(ctx, request, { default: 50, max: 500 }, { subjectId: request.subjectId });
      const page = await listDeliveries(sql, ctx.region, { subjectId: request.subjectId || undefined, after: paging.after, limit: paging.limit });
      return { deliveries: page.deliveries.map(toMessage), nextPageToken: paging.nextToken(page.next) };
    },
  };
}
