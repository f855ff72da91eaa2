import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { z } from "zod";
import { type AppError, type Result, fail, ok } from "../errors/index.js";

/**
 * Who is calling and for which region. Every request carries one; handlers scope every read and
 * write by `region`, and department callers further by `department`.
 *
 * Development tokens are HS256 JWTs signed with the shared STEWARD_AUTH_SECRET. A later issue
 * replaces them with per-department credentials; the Principal shape stays.
 */
export const roles = ["enterprise", "steward", "liaison", "department", "admin", "operator", "service"] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  region: string;
  role: Role;
  /** Department code, for department systems and liaisons. */
  department?: string;
  /** Unified social credit code of the enterprise, for enterprise callers: what they may reach. */
  creditCode?: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  region: z.string().min(1),
  role: z.enum(roles),
  department: z.string().min(1).optional(),
  credit_code: z.string().min(1).optional(),
});

const issuer = "steward-dev";

export interface TokenKeys {
  secret: string;
}

const keyCache = new WeakMap<TokenKeys, Uint8Array>();
function keyOf(keys: TokenKeys): Uint8Array {
  let key = keyCache.get(keys);
  if (!key) {
    key = new TextEncoder().encode(keys.secret);
    keyCache.set(keys, key);
  }
  return key;
}

export async function signDevToken(keys: TokenKeys, principal: Principal, ttlSeconds = 3600): Promise<string> {
  const claims: Record<string, string> = { region: principal.region, role: principal.role };
  if (principal.department) claims.department = principal.department;
  if (principal.creditCode) claims.credit_code = principal.creditCode;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(principal.subject)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(keys));
}

/**
 * Verifies a bearer token. Verified tokens are cached until shortly before expiry because a
 * department system reuses one token for thousands of calls and HMAC + JSON parsing per call
 * shows on the hot path.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  constructor(
    private readonly keys: TokenKeys,
    private readonly maxCached = 10_000,
  ) {}

  async verify(token: string | undefined): Promise<Result<Principal>> {
    if (!token) return fail(unauthenticated("missing bearer token"));
    const now = Date.now();
    const cached = this.cache.get(token);
    if (cached && cached.expiresAt > now) return ok(cached.principal);
    try {
      const { payload } = await jwtVerify(token, keyOf(this.keys), { issuer, algorithms: ["HS256"] });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return fail(unauthenticated("token lacks region or role"));
      const principal: Principal = {
        subject: claims.data.sub,
        region: claims.data.region,
        role: claims.data.role,
        ...(claims.data.department ? { department: claims.data.department } : {}),
        ...(claims.data.credit_code ? { creditCode: claims.data.credit_code } : {}),
      };
      if (this.cache.size >= this.maxCached) this.cache.clear();
      const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 - 5000 : now + 60_000;
      this.cache.set(token, { principal, expiresAt });
      return ok(principal);
    } catch (error) {
      const reason = error instanceof joseErrors.JWTExpired ? "token expired" : "invalid token";
      return fail(unauthenticated(reason));
    }
  }
}

const unauthenticated = (message: string): AppError => ({ code: "unauthenticated", message });

/** Extracts the token from an `authorization: Bearer <token>` value. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** Checks the caller may act in this service's region: tokens are issued per region. */
export function authorizeRegion(principal: Principal, serviceRegion: string): Result<Principal> {
  if (principal.region !== serviceRegion) {
    return fail({ code: "permission_denied", message: `token is for region ${principal.region}, not ${serviceRegion}` });
  }
  return ok(principal);
}

export function requireRole(principal: Principal, ...allowed: Role[]): Result<Principal> {
  if (!allowed.includes(principal.role)) {
    return fail({ code: "permission_denied", message: `role ${principal.role} may not do this` });
  }
  return ok(principal);
}
