import { invalidArgument, raise } from "../errors/index.js";

/** The last row of a page in a keyset ordered by (time, id): stable while rows are added. */
export interface PageCursor {
  at: Date;
  id: string;
}

/** Page tokens are opaque to callers: base64url of the cursor. */
export function encodePageToken(cursor: PageCursor | undefined): string {
  return cursor ? Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url") : "";
}

function decodePageToken(token: string): PageCursor | undefined {
  if (!token) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(token, "base64url").toString()) as unknown[];
    const date = new Date(String(at));
    if (!Number.isNaN(date.getTime()) && typeof id === "string") return { at: date, id };
  } catch {
    // reported below, like any other token this service did not issue
  }
  return raise(invalidArgument([{ field: "page_token", description: "is not a token this service issued" }]));
}

/**
 * Reads the standard page_size / page_token pair of a List request (AIP-158): a size of 0 means
 * the default, anything above the maximum or below zero is INVALID_ARGUMENT, as is a token this
 * service did not issue.
 */
export function pageRequest(request: { pageSize: number; pageToken: string }, sizes: { default: number; max: number }): { limit: number; after: PageCursor | undefined } {
  if (request.pageSize < 0 || request.pageSize > sizes.max) {
    raise(invalidArgument([{ field: "page_size", description: `must be between 0 and ${sizes.max}` }]));
  }
  return { limit: request.pageSize || sizes.default, after: decodePageToken(request.pageToken) };
}
