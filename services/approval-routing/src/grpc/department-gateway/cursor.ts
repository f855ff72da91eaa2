import { invalidArgument, raise } from "@steward/platform/errors";
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
 * ListAssignments' page token: the signed page token (pageRequest's, `payload.mac`) and the feed
 * position the whole listing shows, joined by a dot (no part uses one). The position is bound into
 * the signature as a filter, so a token whose position was changed is refused like a forged one.
 */
export function encodeListToken(pageToken: string, at: FeedPosition): string {
  return pageToken ? `${pageToken}.${encodeCursor(at)}` : "";
}

/** A ListAssignments page token's signed page token and listing position (both empty for a first page). */
export function splitListToken(token: string): { page: string; at: string } {
  if (!token) return { page: "", at: "" };
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => part === "")) {
    raise({ ...invalidArgument([{ field: "page_token", description: "is not a page token this service issued for this request" }]), reason: "INVALID_PAGE_TOKEN" });
  }
  return { page: `${parts[0]}.${parts[1]}`, at: parts[2]! };
}
