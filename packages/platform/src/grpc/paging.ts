import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { invalidArgument, raise } from "../errors/index.js";

/** The last row of a page in a keyset ordered by (time, id): stable while rows are added. */
export interface PageCursor {
  at: Date;
  id: string;
}

const macBytes = 16;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Rows are stamped by the database's clock; a cursor outside these years was never issued, and
// Postgres would refuse the extended-year ISO form JavaScript gives dates past 9999.
const earliest = Date.UTC(2000, 0, 1);
const latest = Date.UTC(9999, 11, 31);

const refused = (field = "page_token") => raise({ ...invalidArgument([{ field, description: "is not a page token this service issued for this request" }]), reason: "INVALID_PAGE_TOKEN" });

/**
 * Page tokens are opaque to callers and checked by the service: base64url of the cursor, a dot,
 * and an HMAC-SHA-256 (truncated to 128 bits) over the cursor and the request it continues — the
 * method, region, caller and filters. A token that was altered, forged, or used with another
 * request is refused before it reaches a query. The key comes from configuration (see README,
 * STEWARD_PAGE_TOKEN_SECRET) so every replica accepts the others' tokens.
 */
export class PageTokens {
  private constructor(private readonly key: Buffer) {}

  /** Derives the signing key from a configured secret (HKDF-SHA-256, its own context). */
  static fromSecret(secret: string): PageTokens {
    return new PageTokens(Buffer.from(hkdfSync("sha256", secret, "steward", "steward page tokens v1", 32)));
  }

  /** A key of this process alone (tests, tools). */
  static random(): PageTokens {
    return new PageTokens(randomBytes(32));
  }

  sign(scope: string, cursor: PageCursor): string {
    const payload = Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
    return `${payload}.${this.mac(scope, payload).toString("base64url")}`;
  }

  /** The cursor of a token this service issued for the same scope; INVALID_ARGUMENT naming `field` otherwise. */
  verify(scope: string, token: string, field = "page_token"): PageCursor {
    const [payload, mac, ...rest] = token.split(".");
    if (!payload || !mac || rest.length > 0) return refused(field);
    const given = Buffer.from(mac, "base64url");
    if (given.length !== macBytes || !timingSafeEqual(given, this.mac(scope, payload))) return refused(field);
    try {
      const [at, id] = JSON.parse(Buffer.from(payload, "base64url").toString()) as unknown[];
      const date = new Date(String(at));
      // Signed by this service, so well formed; checked again all the same, as a leaked key must
      // not let a token reach a query that the database refuses.
      if (date.getTime() >= earliest && date.getTime() <= latest && typeof id === "string" && uuid.test(id)) return { at: date, id };
    } catch {
      // refused below
    }
    return refused(field);
  }

  private mac(scope: string, payload: string): Buffer {
    return createHmac("sha256", this.key).update(scope).update("\n").update(payload).digest().subarray(0, macBytes);
  }
}

/**
 * What a page token is bound to: the method (an RPC's path, or an HTTP route), the region and the
 * caller; a gRPC CallContext is one, and so is the HTTP app's pageScope(c).
 */
export interface PageScope {
  method: string;
  region: string;
  principal: { subject: string };
  pageTokens: PageTokens;
}

/** A List request's page: how many rows, after which cursor, and the token of the page after it. */
export interface PageRequest {
  limit: number;
  after: PageCursor | undefined;
  /** The token for the next page, bound to this same request; empty at the end. */
  nextToken(cursor: PageCursor | undefined): string;
}

/**
 * Reads the standard page_size / page_token pair of a List request (AIP-158): a size of 0 means
 * the default, anything above the maximum or below zero is INVALID_ARGUMENT naming page_size, and
 * a token this service did not issue for this method, region, caller and `filters` is
 * INVALID_ARGUMENT naming page_token (INVALID_PAGE_TOKEN). `fields` renames the two (an HTTP
 * query says pageSize and pageToken).
 */
export function pageRequest(
  scope: PageScope,
  request: { pageSize: number; pageToken: string },
  sizes: { default: number; max: number },
  filters: Record<string, string | number | boolean> = {},
  fields: { size: string; token: string } = { size: "page_size", token: "page_token" },
): PageRequest {
  if (request.pageSize < 0 || request.pageSize > sizes.max) {
    raise({ ...invalidArgument([{ field: fields.size, description: `must be between 0 and ${sizes.max}` }]), reason: "INVALID_PAGE_SIZE" });
  }
  const bound = JSON.stringify([scope.method, scope.region, scope.principal.subject, Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))]);
  const tokens = scope.pageTokens;
  return {
    limit: request.pageSize || sizes.default,
    after: request.pageToken ? tokens.verify(bound, request.pageToken, fields.token) : undefined,
    nextToken: (cursor) => (cursor ? tokens.sign(bound, cursor) : ""),
  };
}
