import { unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import type { notificationInboxV1 } from "@steward/proto";
import type { NotificationDeps } from "../../commands/deps.js";
import { markReadCommand } from "../../commands/inbox.js";
import { countUnread, listInbox, type InboxMessage } from "../../db/inbox.js";
import { inboxOwnersOf } from "../../domain/recipients.js";

export const toInboxMessage = (message: InboxMessage): notificationInboxV1.InboxMessage => ({
  id: message.id,
  title: message.title,
  body: message.body,
  template: message.template,
  urgency: message.urgency,
  subjectId: message.subjectId,
  eventType: message.eventType,
  createdAt: message.createdAt,
  readAt: message.readAt,
  owner: message.owner,
});

/** The in-app inbox: every caller reaches its own messages only (inboxOwnersOf). */
export function inboxHandlers(deps: NotificationDeps): ServiceHandlers<typeof notificationInboxV1.InboxServiceService> {
  return {
    async listInbox(request, ctx) {
      const paging = pageRequest(ctx, request, { default: 50, max: 200 }, { unreadOnly: request.unreadOnly });
      const page = await listInbox(deps.sql, ctx.region, inboxOwnersOf(ctx.principal), { unreadOnly: request.unreadOnly, after: paging.after, limit: paging.limit });
      return { messages: page.messages.map(toInboxMessage), nextPageToken: paging.nextToken(page.next) };
    },
    async countUnread(_request, ctx) {
      return { unread: await countUnread(deps.sql, ctx.region, inboxOwnersOf(ctx.principal)) };
    },
    async markRead(request, ctx) {
      return unwrap(await markReadCommand(deps, ctx.principal, { ids: request.ids, all: request.all }));
    },
  };
}
