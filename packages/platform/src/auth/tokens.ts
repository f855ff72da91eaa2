import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { z } from "zod";
import { type AppError, type Result, fail, ok, permissionDenied, unauthenticated } from "../errors/index.js";

/**
 * Who is calling and for which region. Every request carries one; the access table
 * (./access-table.ts) says which roles may call what, and handlers scope every read and write by
 * `region`, department callers further by `department`, enterprises by `creditCode`.
 *
 * Tokens are HS256 JWTs signed with the shared STEWARD_AUTH_SECRET; each caller (a department
 * system, a person, a service) has its own subject. What a holder of the secret can do is in
 * docs/SECURITY.md.
 */
export const roles = ["enterprise", "steward", "liaison", "department", "admin", "operator", "service"] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  region: string;
  role: Role;
  /** Department code, for department systems and liaisons (and only them). */
  department?: string;
  /** Unified social credit code of the enterprise, for enterprise callers (and only them). */
  creditCode?: string;
}

/** Roles whose tokens must name a department, and the one that must name a credit code. */
const departmentRoles: readonly Role[] = ["department", "liaison"];

const creditCodeShape = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const claimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    region: z.string().min(1).max(64),
    role: z.enum(roles),
    department: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/).optional(),
    credit_code: z.string().regex(creditCodeShape).optional(),
  })
  .superRefine((claims, context) => {
    const needsDepartment = departmentRoles.includes(claims.role);
    if (needsDepartment !== (claims.department !== undefined)) {
      context.addIssue({ code: "custom", path: ["department"], message: needsDepartment ? `a ${claims.role} token names its department` : `a ${claims.role} token names no department` });
    }
    const needsCreditCode = claims.role === "enterprise";
    if (needsCreditCode !== (claims.credit_code !== undefined)) {
      context.addIssue({ code: "custom", path: ["credit_code"], message: needsCreditCode ? "an enterprise token names its credit code" : `a ${claims.role} token names no credit code` });
    }
  });

const issuer = "steward-dev";

/** How tokens are signed and how long they may live. */
export interface TokenSettings {
  secret: string;
  /** Longest lifetime (exp − iat) a token may have; longer ones are refused. Default one hour. */
  maxLifetimeSeconds?: number;
  /** Clock difference tolerated between the issuer and this process. Default 30 s. */
  clockSkewSeconds?: number;
}

export const defaultMaxTokenLifetimeSeconds = 3600;
export const defaultClockSkewSeconds = 30;

const keyCache = new WeakMap<TokenSettings, Uint8Array>();
function keyOf(settings: TokenSettings): Uint8Array {
  let key = keyCache.get(settings);
  if (!key) {
    key = new TextEncoder().encode(settings.secret);
    keyCache.set(settings, key);
  }
  return key;
}

/** Signs a token for `principal` that expires after `ttlSeconds` (iat and exp always set). */
export async function signDevToken(settings: TokenSettings, principal: Principal, ttlSeconds = 3600): Promise<string> {
  const claims: Record<string, string> = { region: principal.region, role: principal.role };
  if (principal.department) claims.department = principal.department;
  if (principal.creditCode) claims.credit_code = principal.creditCode;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(principal.subject)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(settings));
}

/**
 * Verifies a bearer token: signature, issuer, `exp` and `iat` present, lifetime (exp − iat) within
 * the cap, not expired and not issued in the future beyond the clock skew, claims that fit the
 * role. Verified tokens are cached until they expire because a department system reuses one token
 * for thousands of calls and HMAC + JSON parsing per call shows on the hot path.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly maxLifetime: number;
  private readonly skew: number;

  constructor(
    private readonly settings: TokenSettings,
    private readonly maxCached = 10_000,
  ) {
    this.maxLifetime = settings.maxLifetimeSeconds ?? defaultMaxTokenLifetimeSeconds;
    this.skew = settings.clockSkewSeconds ?? defaultClockSkewSeconds;
  }

  async verify(token: string | undefined): Promise<Result<Principal>> {
    if (!token) return fail(unauthenticated("missing bearer token", "TOKEN_MISSING"));
    const now = Date.now();
    const cached = this.cache.get(token);
    if (cached) {
      if (cached.expiresAt > now) return ok(cached.principal);
      this.cache.delete(token);
    }
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(token, keyOf(this.settings), {
        issuer,
        algorithms: ["HS256"],
        requiredClaims: ["exp", "iat"],
        maxTokenAge: this.maxLifetime,
        clockTolerance: this.skew,
      }));
    } catch (error) {
      return fail(refusalOf(error));
    }
    // exp and iat are present and numeric (checked above); a token may not live longer than the cap
    // however recently it was issued.
    if (payload.exp! - payload.iat! > this.maxLifetime) {
      return fail(unauthenticated(`token lifetime exceeds ${this.maxLifetime} s`, "TOKEN_LIFETIME_TOO_LONG"));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0]!;
      return fail(unauthenticated(`token claims refused: ${issue.path.join(".") || "claims"} ${issue.message}`, "TOKEN_CLAIMS_INVALID"));
    }
    const principal: Principal = {
      subject: claims.data.sub,
      region: claims.data.region,
      role: claims.data.role,
      ...(claims.data.department ? { department: claims.data.department } : {}),
      ...(claims.data.credit_code ? { creditCode: claims.data.credit_code } : {}),
    };
    if (this.cache.size >= this.maxCached) this.cache.clear();
    this.cache.set(token, { principal, expiresAt: (payload.exp! + this.skew) * 1000 });
    return ok(principal);
  }
}

function refusalOf(error: unknown): AppError {
  if (error instanceof joseErrors.JWTExpired) {
    return error.claim === "iat" ? unauthenticated("token lifetime exceeds the cap", "TOKEN_LIFETIME_TOO_LONG") : unauthenticated("token expired", "TOKEN_EXPIRED");
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return unauthenticated(`token lacks the ${error.claim} claim`, "TOKEN_CLAIMS_INVALID");
    if (error.claim === "iat" || error.claim === "nbf") return unauthenticated("token is not valid yet", "TOKEN_NOT_YET_VALID");
  }
  return unauthenticated("invalid token", "TOKEN_INVALID");
}

/** Extracts the token from an `authorization: Bearer <token>` value. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** Checks the caller may act in this service's region: tokens are issued per region. */
export function authorizeRegion(principal: Principal, serviceRegion: string): Result<Principal> {
  if (principal.region !== serviceRegion) {
    return fail(permissionDenied(`token is for region ${principal.region}, not ${serviceRegion}`, "REGION_MISMATCH", { tokenRegion: principal.region, serviceRegion: serviceRegion }));
  }
  return ok(principal);
}
