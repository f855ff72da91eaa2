import { fail, invalidArgument, notFound, ok, type Result } from "@steward/platform/errors";
import { countUnread, markRead, ownedMessageIds } from "../db/inbox.js";
import { inboxOwnersOf, type Caller } from "../domain/recipients.js";
import type { NotificationDeps } from "./deps.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks the caller's messages read: those named, or all. A message that is not the caller's is
 * NOT_FOUND, as if it did not exist, and nothing is marked.
 */
export async function markReadCommand(deps: NotificationDeps, caller: Caller, request: { ids: readonly string[]; all: boolean }): Promise<Result<{ marked: number; unread: number }>> {
  if (request.all && request.ids.length > 0) return fail(invalidArgument([{ field: "ids", description: "must be empty when all is set" }]));
  if (!request.all && request.ids.length === 0) return fail(invalidArgument([{ field: "ids", description: "name at least one message, or set all" }]));
  if (request.ids.length > 500) return fail(invalidArgument([{ field: "ids", description: "holds at most 500 ids" }]));
  const bad = request.ids.findIndex((id) => !uuid.test(id));
  if (bad >= 0) return fail(invalidArgument([{ field: `ids[${bad}]`, description: "must be a message id (UUID)" }]));
  const owners = inboxOwnersOf(caller);
  if (!request.all) {
    const owned = await ownedMessageIds(deps.sql, deps.region, owners, request.ids);
    const foreign = request.ids.find((id) => !owned.has(id));
    if (foreign) return fail(notFound(`message ${foreign}`));
  }
  const marked = await markRead(deps.sql, deps.region, owners, request.all ? "all" : request.ids, deps.now());
  return ok({ marked, unread: await countUnread(deps.sql, deps.region, owners) });
}
