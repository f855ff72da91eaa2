import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, dates as ISO strings: one text per request. */
function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The digest (SHA-256) of a request as its idempotency key must be bound to: what is asked
 * (`method`, e.g. the RPC's path) and every field but the key itself, canonically (the platform
 * has put the request's text in NFC on the way in). Stored beside the key, it tells a retry of
 * the same request from a key reused for another.
 */
export function requestDigest(method: string, request: object, keyFields: string[] = []): Buffer {
  const rest = Object.fromEntries(Object.entries(request).filter(([key]) => !keyFields.includes(key)));
  return createHash("sha256").update(method).update("\n").update(canonicalJson(rest)).digest();
}
