import { describe, expect, it } from "vitest";
import { AppErrorException } from "../errors/index.js";
import { encodePageToken, pageRequest } from "./paging.js";

const sizes = { default: 50, max: 500 };

function violationOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppErrorException ? error.error.violations?.[0]?.field : undefined;
  }
  return undefined;
}

describe("page requests", () => {
  it("round-trips the cursor through the token and applies the default size", () => {
    const cursor = { at: new Date("2026-11-26T08:00:00.000Z"), id: "6f9619ff-8b86-4d11-b42d-00c04fc964ff" };
    expect(pageRequest({ pageSize: 0, pageToken: encodePageToken(cursor) }, sizes)).toEqual({ limit: 50, after: cursor });
    expect(pageRequest({ pageSize: 7, pageToken: "" }, sizes)).toEqual({ limit: 7, after: undefined });
  });

  it("names page_size and page_token when they are out of bounds or forged", () => {
    expect(violationOf(() => pageRequest({ pageSize: 501, pageToken: "" }, sizes))).toBe("page_size");
    expect(violationOf(() => pageRequest({ pageSize: -1, pageToken: "" }, sizes))).toBe("page_size");
    expect(violationOf(() => pageRequest({ pageSize: 1, pageToken: "not-a-token" }, sizes))).toBe("page_token");
    expect(violationOf(() => pageRequest({ pageSize: 1, pageToken: Buffer.from('["never",3]').toString("base64url") }, sizes))).toBe("page_token");
  });
});
