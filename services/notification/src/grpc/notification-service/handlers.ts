import { transactionResult } from "@steward/platform/db";
import { failedPrecondition, fail, invalidArgument, notFound, ok, raise, unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import { notificationV1 } from "@steward/proto";
import type { NotificationDeps } from "../../commands/deps.js";
import { preferencesFor, registerEndpointCommand, setPreferencesCommand } from "../../commands/preferences.js";
import { deliveriesForReplay, listDeliveries, requeue } from "../../db/deliveries.js";
import { listEndpoints } from "../../db/endpoints.js";
import { parseRecipientKey, recipientKey } from "../../domain/recipients.js";
import type { Channel } from "../../domain/rules.js";
import { channelFrom, optionalRecipient, recipientFrom, statusFrom, toChannelMessage, toDeliveryMessage, toRecipientMessage } from "../converters.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notificationHandlers(deps: NotificationDeps): ServiceHandlers<typeof notificationV1.NotificationServiceService> {
  const preferencesMessage = (stored: { recipient: string; phone?: string | undefined; email?: string | undefined; channels: Channel[]; updatedAt: Date; updatedBy: string }): notificationV1.Preferences => ({
    recipient: toRecipientMessage(parseRecipientKey(stored.recipient)!),
    phone: stored.phone ?? "",
    email: stored.email ?? "",
    channels: stored.channels.map(toChannelMessage),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  });

  return {
    async listDeliveries(request, ctx) {
      const recipient = optionalRecipient(request.recipient);
      const status = statusFrom(request.status);
      const paging = pageRequest(ctx, request, { default: 50, max: 500 }, { subjectId: request.subjectId, recipient: recipient ? recipientKey(recipient) : "", status: status ?? "" });
      const page = await listDeliveries(deps.sql, ctx.region, {
        ...(request.subjectId ? { subjectId: request.subjectId } : {}),
        ...(recipient ? { recipient } : {}),
        ...(status ? { status } : {}),
        after: paging.after,
        limit: paging.limit,
      });
      return { deliveries: page.deliveries.map(toDeliveryMessage), nextPageToken: paging.nextToken(page.next) };
    },

    async replayDeliveries(request, ctx) {
      const ids = request.deliveryIds;
      const bad = ids.findIndex((id) => !uuid.test(id));
      if (ids.length > 500) raise(invalidArgument([{ field: "delivery_ids", description: "holds at most 500 ids" }]));
      if (bad >= 0) raise(invalidArgument([{ field: `delivery_ids[${bad}]`, description: "must be a delivery id (UUID)" }]));
      const selection: { ids: string[] } | { recipient: ReturnType<typeof recipientFrom>; channel: Channel } =
        ids.length > 0 ? { ids } : { recipient: recipientFrom(request.recipient), channel: channelFrom(request.channel, "channel") };
      const replayed = unwrap(
        await transactionResult(deps.sql, async (tx) => {
          const found = await deliveriesForReplay(tx, ctx.region, selection);
          if ("ids" in selection) {
            const missing = selection.ids.find((id) => !found.some((delivery) => delivery.id === id));
            if (missing) return fail(notFound(`delivery ${missing}`));
            const alive = found.find((delivery) => delivery.status !== "failed");
            if (alive) return fail({ ...failedPrecondition(`delivery ${alive.id} is ${alive.status}, not a dead letter`), reason: "DELIVERY_NOT_DEAD_LETTERED", metadata: { status: alive.status } });
          }
          return ok(await requeue(tx, ctx.region, found.map((delivery) => delivery.id), deps.now()));
        }),
      );
      ctx.logger.info({ replayed: replayed.length, by: ctx.principal.subject }, "dead letters replayed");
      return { deliveries: replayed.map(toDeliveryMessage) };
    },

    async getPreferences(request, ctx) {
      const recipient = recipientFrom(request.recipient);
      const stored = unwrap(await preferencesFor(deps, ctx.principal, recipient));
      if (!stored) return { preferences: { recipient: toRecipientMessage(recipient), phone: "", email: "", channels: [], updatedAt: undefined, updatedBy: "" } };
      return { preferences: preferencesMessage(stored) };
    },

    async setPreferences(request, ctx) {
      const recipient = recipientFrom(request.recipient);
      const channels = request.channels.map((channel, index) => channelFrom(channel, `channels[${index}]`));
      const stored = unwrap(await setPreferencesCommand(deps, ctx.principal, recipient, { phone: request.phone.trim(), email: request.email.trim(), channels }));
      ctx.logger.info({ recipient: recipientKey(recipient), by: ctx.principal.subject }, "preferences set");
      return { preferences: preferencesMessage(stored) };
    },

    async registerWebhookEndpoint(request, ctx) {
      const recipient = recipientFrom(request.recipient);
      const { endpoint, secret } = unwrap(await registerEndpointCommand(deps, ctx.principal, recipient, request.url.trim()));
      return { endpoint: { recipient: toRecipientMessage(recipient), url: endpoint.url, registeredAt: endpoint.registeredAt, registeredBy: endpoint.registeredBy }, secret };
    },

    async listWebhookEndpoints(_request, ctx) {
      const endpoints = await listEndpoints(deps.sql, ctx.region);
      return {
        endpoints: endpoints.map((endpoint) => ({ recipient: toRecipientMessage(parseRecipientKey(endpoint.recipient)!), url: endpoint.url, registeredAt: endpoint.registeredAt, registeredBy: endpoint.registeredBy })),
      };
    },
  };
}
