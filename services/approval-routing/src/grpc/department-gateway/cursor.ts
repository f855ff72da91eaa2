import { invalidArgument, raise } from "@steward/platform/errors";
import { encodePageToken, pageRequest, type PageCursor } from "@steward/platform/grpc";
import type { FeedPosition } from "../../db/assignment-changes.js";

/** A feed position as the opaque cursor clients hold: base64url of "xid:seq". */
export const encodeCursor = (position: FeedPosition): string => Buffer.from(`${position.xid}:${position.seq}`).toString("base64url");

const maxXid8 = 2n ** 64n - 1n;
const maxBigint = 2n ** 63n - 1n;

/** The position of a cursor this service issued; INVALID_ARGUMENT on `field` for anything else. */
export function decodeCursor(cursor: string, field = "cursor"): FeedPosition | undefined {
  if (!cursor) return undefined;
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(Buffer.from(cursor, "base64url").toString());
  // The digits must also fit the columns. Past their range a forged cursor used to reach Postgres:
  // an oversized seq failed the bigint cast (INTERNAL), and an oversized xid was silently clamped
  // to the largest xid8, so the stream was accepted and then never delivered anything.
  if (!match || BigInt(match[1]!) > maxXid8 || BigInt(match[2]!) > maxBigint) {
    raise(invalidArgument([{ field, description: "is not a cursor this service issued" }]));
  }
  return { xid: match[1]!, seq: match[2]! };
}

/**
 * ListAssignments' page token: the page's keyset position and the feed position the whole listing
 * shows (every page of one listing is "as of" the same cursor), joined by a dot (neither part
 * uses one).
 */
export function encodeListToken(next: PageCursor | undefined, at: FeedPosition): string {
  return next ? `${encodePageToken(next)}.${encodeCursor(at)}` : "";
}

/** The page request of a ListAssignments call, and the feed position of a listing it continues. */
export function listRequest(request: { pageSize: number; pageToken: string }, sizes: { default: number; max: number }): { limit: number; after: PageCursor | undefined; at: FeedPosition | undefined } {
  const [page = "", at = "", ...rest] = request.pageToken ? request.pageToken.split(".") : [];
  if (request.pageToken && (!page || !at || rest.length > 0)) raise(invalidArgument([{ field: "page_token", description: "is not a token this service issued" }]));
  const { limit, after } = pageRequest({ pageSize: request.pageSize, pageToken: page }, sizes);
  return { limit, after, at: decodeCursor(at, "page_token") };
}
