import { describe, expect, it } from "vitest";
import { AppErrorException } from "../errors/index.js";
import { PageTokens, pageRequest } from "./paging.js";

const sizes = { default: 50, max: 500 };
const cursor = { at: new Date("2026-11-26T08:00:00.000Z"), id: "6f9619ff-8b86-4d11-b42d-00c04fc964ff" };
const tokens = PageTokens.fromSecret("page-token-test-secret-0123456789abcdef");
const call = (overrides: Partial<{ method: string; region: string; subject: string; pageTokens: PageTokens }> = {}) => ({
  method: overrides.method ?? "/steward.agreement.v1.AgreementService/ListAgreements",
  region: overrides.region ?? "hanbin",
  principal: { subject: overrides.subject ?? "admin-1", region: overrides.region ?? "hanbin", role: "admin" as const },
  pageTokens: overrides.pageTokens ?? tokens,
});

function refusalOf(run: () => unknown): { field?: string; reason?: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppErrorException) return { field: error.error.violations?.[0]?.field, reason: error.error.reason };
    throw error;
  }
  return undefined;
}

/** The token a first page hands out for the page after `cursor`. */
const issued = (filters: Record<string, string | boolean> = {}, overrides: Parameters<typeof call>[0] = {}) => pageRequest(call(overrides), { pageSize: 0, pageToken: "" }, sizes, filters).nextToken(cursor);

describe("page requests", () => {
  it("round-trips the cursor through the token and applies the default size", () => {
    const token = issued({ projectId: "" });
    expect(pageRequest(call(), { pageSize: 0, pageToken: token }, sizes, { projectId: "" })).toMatchObject({ limit: 50, after: cursor });
    expect(pageRequest(call(), { pageSize: 7, pageToken: "" }, sizes)).toMatchObject({ limit: 7, after: undefined });
    expect(pageRequest(call(), { pageSize: 7, pageToken: "" }, sizes).nextToken(undefined)).toBe("");
  });

  it("names page_size when it is out of bounds", () => {
    expect(refusalOf(() => pageRequest(call(), { pageSize: 501, pageToken: "" }, sizes))?.field).toBe("page_size");
    expect(refusalOf(() => pageRequest(call(), { pageSize: -1, pageToken: "" }, sizes))?.field).toBe("page_size");
  });

  // Issue 8: forged tokens reached the query (a non-UUID id, a quote, year 275760) and answered
  // INTERNAL. An unsigned token is refused before it is even parsed.
  it("refuses forged and altered tokens with INVALID_ARGUMENT naming page_token", () => {
    const unsigned = (content: unknown) => Buffer.from(JSON.stringify(content)).toString("base64url");
    const token = issued();
    const [payload, mac] = token.split(".");
    const forged = [
      "not-a-token",
      unsigned(["never", 3]),
      unsigned(["2026-11-26T08:00:00.000Z", "not-a-uuid"]),
      unsigned(["2026-11-26T08:00:00.000Z", "x' or '1'='1"]),
      unsigned(["+275760-09-13T00:00:00.000Z", cursor.id]),
      `${unsigned(["2026-11-26T08:00:00.000Z", "not-a-uuid"])}.${mac}`,
      `${payload}.${Buffer.alloc(16).toString("base64url")}`,
      `${payload}.${mac}.extra`,
      `${payload}.`,
      token.slice(0, -1),
    ];
    for (const pageToken of forged) expect(refusalOf(() => pageRequest(call(), { pageSize: 1, pageToken }, sizes)), pageToken).toEqual({ field: "page_token", reason: "INVALID_PAGE_TOKEN" });
  });

  it("refuses a token used with another request than the one it continues", () => {
    const token = issued({ projectId: "a" });
    const elsewhere: [Parameters<typeof call>[0], Record<string, string>][] = [
      [{}, { projectId: "b" }],
      [{ method: "/steward.notification.v1.NotificationService/ListDeliveries" }, { projectId: "a" }],
      [{ region: "xunyang" }, { projectId: "a" }],
      [{ subject: "admin-2" }, { projectId: "a" }],
      [{ pageTokens: PageTokens.fromSecret("another-secret-of-another-deployment-0123") }, { projectId: "a" }],
    ];
    for (const [overrides, filters] of elsewhere) {
      expect(refusalOf(() => pageRequest(call(overrides), { pageSize: 1, pageToken: token }, sizes, filters))?.field).toBe("page_token");
    }
    // Replicas of the same deployment derive the same key from the same secret.
    const replica = PageTokens.fromSecret("page-token-test-secret-0123456789abcdef");
    expect(pageRequest(call({ pageTokens: replica }), { pageSize: 1, pageToken: token }, sizes, { projectId: "a" }).after).toEqual(cursor);
  });

  it("refuses even a signed token whose cursor no query could take", () => {
    const farFuture = { at: new Date("+275760-09-13T00:00:00.000Z"), id: cursor.id };
    const token = pageRequest(call(), { pageSize: 0, pageToken: "" }, sizes).nextToken(farFuture);
    expect(refusalOf(() => pageRequest(call(), { pageSize: 1, pageToken: token }, sizes))?.field).toBe("page_token");
  });
});
