import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TokenVerifier, authorizeRegion, bearerToken, requireRole, signDevToken, type Principal } from "./index.js";

const keys = { secret: "auth-test-secret-0123456789abcdefghij" };
const liaison: Principal = { subject: "user:42", region: "hanbin", role: "liaison", department: "fgw" };

afterEach(() => {
  vi.useRealTimers();
});

describe("dev tokens", () => {
  it("round-trips a principal through sign and verify", async () => {
    const token = await signDevToken(keys, liaison);
    expect(await new TokenVerifier(keys).verify(token)).toEqual({ ok: true, value: liaison });

    const enterprise: Principal = { subject: "ent:7", region: "city", role: "enterprise" };
    const verified = await new TokenVerifier(keys).verify(await signDevToken(keys, enterprise));
    expect(verified).toEqual({ ok: true, value: enterprise });
  });

  it("refuses a missing token", async () => {
    expect(await new TokenVerifier(keys).verify(undefined)).toMatchObject({ ok: false, error: { code: "unauthenticated", message: "missing bearer token", reason: "TOKEN_MISSING" } });
  });

  it("refuses an expired token", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T08:00:00Z"));
    const token = await signDevToken(keys, liaison, 60);
    vi.setSystemTime(new Date("2026-03-01T08:01:01Z"));
    expect(await new TokenVerifier(keys).verify(token)).toEqual({ ok: false, error: { code: "unauthenticated", message: "token expired", reason: "TOKEN_EXPIRED" } });
  });

  it("refuses a tampered token", async () => {
    const token = await signDevToken(keys, liaison);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, region: "city", role: "admin" })).toString("base64url");
    const verifier = new TokenVerifier(keys);
    expect(await verifier.verify(`${header}.${forged}.${signature}`)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    // Flipping one signature character is refused too.
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(await verifier.verify(`${header}.${payload}.${flipped}`)).toMatchObject({ ok: false });
    expect(await verifier.verify(`${header}.${payload}.`)).toMatchObject({ ok: false });
  });

  it("refuses a token signed with another secret", async () => {
    const token = await signDevToken({ secret: "some-other-secret-0123456789abcdefgh" }, liaison);
    expect(await new TokenVerifier(keys).verify(token)).toEqual({ ok: false, error: { code: "unauthenticated", message: "invalid token", reason: "TOKEN_INVALID" } });
  });

  it("refuses an unsigned (alg none) token", async () => {
    const body = Buffer.from(JSON.stringify({ sub: "x", region: "hanbin", role: "admin", iss: "steward-dev", exp: Math.floor(Date.now() / 1000) + 600 })).toString("base64url");
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    expect(await new TokenVerifier(keys).verify(`${header}.${body}.`)).toMatchObject({ ok: false });
  });

  it("refuses a correctly signed token without region or with an unknown role", async () => {
    const key = new TextEncoder().encode(keys.secret);
    const sign = (claims: Record<string, string>) =>
      new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("x").setIssuer("steward-dev").setExpirationTime("10m").sign(key);
    const verifier = new TokenVerifier(keys);
    expect(await verifier.verify(await sign({ role: "admin" }))).toMatchObject({ ok: false, error: { message: "token lacks region or role" } });
    expect(await verifier.verify(await sign({ region: "hanbin", role: "superuser" }))).toMatchObject({ ok: false });
  });

  it("still refuses a cached token once it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T08:00:00Z"));
    const token = await signDevToken(keys, liaison, 600);
    const verifier = new TokenVerifier(keys);
    expect((await verifier.verify(token)).ok).toBe(true);
    vi.setSystemTime(new Date("2026-03-01T08:05:00Z"));
    expect((await verifier.verify(token)).ok).toBe(true); // served from the cache
    vi.setSystemTime(new Date("2026-03-01T08:10:00Z")); // exactly at exp
    expect(await verifier.verify(token)).toEqual({ ok: false, error: { code: "unauthenticated", message: "token expired", reason: "TOKEN_EXPIRED" } });
    vi.setSystemTime(new Date("2026-03-01T09:00:00Z"));
    expect((await verifier.verify(token)).ok).toBe(false);
  });

  it("keeps refusing expired tokens when the cache is full", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T08:00:00Z"));
    const verifier = new TokenVerifier(keys, 2);
    const tokens = await Promise.all([1, 2, 3].map((n) => signDevToken(keys, { ...liaison, subject: `user:${n}` }, 60)));
    for (const token of tokens) expect((await verifier.verify(token)).ok).toBe(true);
    vi.setSystemTime(new Date("2026-03-01T08:02:00Z"));
    for (const token of tokens) expect((await verifier.verify(token)).ok).toBe(false);
  });
});

describe("bearerToken and authorization helpers", () => {
  it("extracts the token from an authorization header", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer   abc")).toBe("abc");
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeUndefined();
    expect(bearerToken("Bearer ")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("checks region and role", () => {
    expect(authorizeRegion(liaison, "hanbin").ok).toBe(true);
    expect(authorizeRegion(liaison, "city")).toMatchObject({ ok: false, error: { code: "permission_denied" } });
    expect(requireRole(liaison, "liaison", "admin").ok).toBe(true);
    expect(requireRole(liaison, "enterprise")).toMatchObject({ ok: false, error: { code: "permission_denied" } });
  });
});
