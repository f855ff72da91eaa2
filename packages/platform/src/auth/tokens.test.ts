import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TokenVerifier, authorizeRegion, bearerToken, requireRole, signDevToken, type Principal } from "./index.js";

/** No clock skew unless a test says so, so expiry lands exactly where the test puts it. */
const keys = { secret: "auth-test-secret-0123456789abcdefghij", clockSkewSeconds: 0 };
const key = new TextEncoder().encode(keys.secret);
/** A correctly signed token with exactly these claims (no iat or exp unless given). */
const signRaw = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("x").setIssuer("steward-dev").sign(key);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const liaison: Principal = { subject: "user:42", region: "hanbin", role: "liaison", department: "fgw" };

afterEach(() => {
  vi.useRealTimers();
});

describe("dev tokens", () => {
  it("round-trips a principal through sign and verify", async () => {
    const token = await signDevToken(keys, liaison);
    expect(await new TokenVerifier(keys).verify(token)).toEqual({ ok: true, value: liaison });

    const enterprise: Principal = { subject: "ent:7", region: "city", role: "enterprise", creditCode: "91610900MA70000010" };
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
    const sign = (claims: Record<string, string>) => signRaw({ ...claims, iat: nowSeconds(), exp: nowSeconds() + 600 });
    const verifier = new TokenVerifier(keys);
    expect(await verifier.verify(await sign({ role: "admin" }))).toMatchObject({ ok: false, error: { message: "token claims refused: region Invalid input: expected string, received undefined", reason: "TOKEN_CLAIMS_INVALID" } });
    expect(await verifier.verify(await sign({ region: "hanbin", role: "superuser" }))).toMatchObject({ ok: false, error: { reason: "TOKEN_CLAIMS_INVALID" } });
  });

  it("refuses claims that do not fit the role: a department or liaison names its department, an enterprise its credit code, nobody else either", async () => {
    const sign = (claims: Record<string, string>) => signRaw({ region: "hanbin", ...claims, iat: nowSeconds(), exp: nowSeconds() + 600 });
    const verifier = new TokenVerifier(keys);
    const refused = async (claims: Record<string, string>, message: string) =>
      expect(await verifier.verify(await sign(claims)), JSON.stringify(claims)).toMatchObject({ ok: false, error: { code: "unauthenticated", reason: "TOKEN_CLAIMS_INVALID", message } });
    await refused({ role: "department" }, "token claims refused: department a department token names its department");
    await refused({ role: "liaison" }, "token claims refused: department a liaison token names its department");
    await refused({ role: "enterprise" }, "token claims refused: credit_code an enterprise token names its credit code");
    await refused({ role: "admin", department: "zrzy" }, "token claims refused: department a admin token names no department");
    await refused({ role: "steward", credit_code: "91610900MA70000010" }, "token claims refused: credit_code a steward token names no credit code");
    await refused({ role: "enterprise", credit_code: "not-a-credit-code" }, expect.stringContaining("credit_code") as unknown as string);
    expect(await verifier.verify(await sign({ role: "enterprise", credit_code: "91610900MA70000010" }))).toEqual({
      ok: true,
      value: { subject: "x", region: "hanbin", role: "enterprise", creditCode: "91610900MA70000010" },
    });
  });

  it("refuses a token without exp, or without iat, however well signed", async () => {
    const verifier = new TokenVerifier(keys);
    expect(await verifier.verify(await signRaw({ region: "hanbin", role: "admin", iat: nowSeconds() }))).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: "token lacks the exp claim", reason: "TOKEN_CLAIMS_INVALID" },
    });
    expect(await verifier.verify(await signRaw({ region: "hanbin", role: "admin", exp: nowSeconds() + 600 }))).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: "token lacks the iat claim", reason: "TOKEN_CLAIMS_INVALID" },
    });
  });

  it("refuses a token whose lifetime exceeds the cap, even when it was issued just now", async () => {
    const verifier = new TokenVerifier({ ...keys, maxLifetimeSeconds: 3600 });
    const at = nowSeconds();
    expect((await verifier.verify(await signRaw({ region: "hanbin", role: "admin", iat: at, exp: at + 3600 }))).ok).toBe(true);
    expect(await verifier.verify(await signRaw({ region: "hanbin", role: "admin", iat: at, exp: at + 3601 }))).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: "token lifetime exceeds 3600 s", reason: "TOKEN_LIFETIME_TOO_LONG" },
    });
    // Backdating iat to hide a long lifetime does not help: a token older than the cap is refused too.
    expect(await verifier.verify(await signRaw({ region: "hanbin", role: "admin", iat: at - 3700, exp: at + 60 }))).toMatchObject({ ok: false, error: { reason: "TOKEN_LIFETIME_TOO_LONG" } });
    expect(await verifier.verify(await signDevToken(keys, liaison, 24 * 3600))).toMatchObject({ ok: false, error: { reason: "TOKEN_LIFETIME_TOO_LONG" } });
  });

  it("allows the configured clock skew around iat and exp, and no more", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T08:00:00Z"));
    const at = nowSeconds();
    const skewed = new TokenVerifier({ ...keys, clockSkewSeconds: 30 });
    // Issued by a clock 20 s ahead of ours: accepted; 40 s ahead: not valid yet.
    expect((await skewed.verify(await signRaw({ region: "hanbin", role: "admin", iat: at + 20, exp: at + 600 }))).ok).toBe(true);
    expect(await skewed.verify(await signRaw({ region: "hanbin", role: "admin", iat: at + 40, exp: at + 600 }))).toMatchObject({ ok: false, error: { reason: "TOKEN_NOT_YET_VALID" } });
    // Expired 20 s ago by our clock: still accepted within the skew; 40 s ago: expired.
    expect((await skewed.verify(await signRaw({ region: "hanbin", role: "admin", iat: at - 600, exp: at - 20 }))).ok).toBe(true);
    expect(await skewed.verify(await signRaw({ region: "hanbin", role: "admin", iat: at - 600, exp: at - 40 }))).toMatchObject({ ok: false, error: { reason: "TOKEN_EXPIRED" } });
    // Without skew, both are refused.
    const strict = new TokenVerifier(keys);
    expect((await strict.verify(await signRaw({ region: "hanbin", role: "admin", iat: at + 20, exp: at + 600 }))).ok).toBe(false);
    expect((await strict.verify(await signRaw({ region: "hanbin", role: "admin", iat: at - 600, exp: at - 20 }))).ok).toBe(false);
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
