import { createHmac } from "node:crypto";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { testAuthSecret } from "@steward/testing";
import fc from "fast-check";

/**
 * An HS256 token with exactly these claims, signed with the platform's key: what a careless or
 * hostile issuer could make (no exp, an iat in the future, claims that do not fit the role).
 */
function signClaims(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${part({ alg: "HS256" })}.${part({ iss: "steward-dev", ...claims })}`;
  return `${body}.${createHmac("sha256", testAuthSecret).update(body).digest("base64url")}`;
}

/**
 * Who the fuzzer calls as: every role, two enterprises and known and unknown departments, and
 * tokens the token rules refuse (expired, no exp or iat, living past the cap, issued in the future,
 * claims that do not fit the role) or nobody issued.
 */
export interface Identities {
  /** A bearer token, or undefined for none. */
  token: fc.Arbitrary<string | undefined>;
}

export async function identities(region: string): Promise<Identities> {
  const sign = (principal: Omit<Principal, "region"> & { region?: string }, secret = testAuthSecret) => signDevToken({ secret }, { region, ...principal });
  const valid = await Promise.all([
    sign({ subject: "fuzz-admin", role: "admin" }),
    sign({ subject: "fuzz-steward", role: "steward" }),
    // The seeded projects' own steward and liaisons, so that plan commands get past "not yours".
    sign({ subject: "steward-1", role: "steward" }),
    sign({ subject: "zrzy-liaison", role: "liaison", department: "zrzy" }),
    sign({ subject: "fuzz-operator", role: "operator" }),
    sign({ subject: "service:fuzz", role: "service" }),
    sign({ subject: "fuzz-enterprise", role: "enterprise", creditCode: "91610900MA70000010" }),
    // An enterprise that owns none of the seeded projects and agreements: its reads are NOT_FOUND.
    sign({ subject: "fuzz-other-enterprise", role: "enterprise", creditCode: "91610900MA70000029" }),
    sign({ subject: "zrzy-system", role: "department", department: "zrzy" }),
    sign({ subject: "sthj-system", role: "department", department: "sthj" }),
    sign({ subject: "fgw-system", role: "department", department: "fgw" }),
  ]);
  const forged = await Promise.all([
    sign({ subject: "nosuch-system", role: "department", department: "nosuch" }),
    sign({ subject: "fuzz-admin", role: "admin", region: "xunyang" }),
    sign({ subject: "fuzz-admin", role: "admin" }, "a-secret-the-platform-never-issued-with-0123"),
    sign({ subject: "fuzz-admin", role: "superuser" as Principal["role"] }),
    // The token rules: expired, living longer than the cap.
    signDevToken({ secret: testAuthSecret }, { subject: "fuzz-admin", region, role: "admin" }, -600),
    signDevToken({ secret: testAuthSecret }, { subject: "fuzz-admin", region, role: "admin" }, 30 * 24 * 3600),
  ]);
  const now = Math.floor(Date.now() / 1000);
  const misfits = [
    signClaims({ sub: "fuzz-admin", region, role: "admin", iat: now }), // no exp: never expires
    signClaims({ sub: "fuzz-admin", region, role: "admin", exp: now + 600 }), // no iat
    signClaims({ sub: "fuzz-admin", region, role: "admin", iat: now + 3600, exp: now + 4200 }), // issued in the future
    signClaims({ sub: "fuzz-enterprise", region, role: "enterprise", iat: now, exp: now + 600 }), // an enterprise without its credit code
    signClaims({ sub: "fuzz-liaison", region, role: "liaison", iat: now, exp: now + 600 }), // a liaison without a department
    signClaims({ sub: "fuzz-steward", region, role: "steward", department: "zrzy", credit_code: "91610900MA70000010", iat: now, exp: now + 600 }),
  ];
  const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", region, role: "admin" })).toString("base64url")}.`;
  return {
    token: fc.oneof(
      { weight: 16, arbitrary: fc.constantFrom(...valid) },
      { weight: 3, arbitrary: fc.constantFrom(...forged, ...misfits, unsigned, "not.a.jwt", "") },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  };
}
