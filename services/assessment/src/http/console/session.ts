import { bearerToken, roles, signDevToken, type Principal, type Role, type TokenVerifier } from "@steward/platform/auth";
import { AppErrorException, type AppError } from "@steward/platform/errors";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { visibilityFor, type AssessmentContext } from "../../app/context.js";
import type { Viewer, Visibility } from "../../domain/visibility.js";

export const sessionCookie = "steward_console";

/** What the platform's access gate is told of the session: it reads the cookie and sends a browser without one to sign in. */
export const consoleSession = { cookie: sessionCookie, signInPath: "/console/sign-in" } as const;

export type ConsoleEnv = { Variables: { viewer: Viewer; visibility: Visibility } };

/** A signed-in viewer's session lasts a working day, or less where tokens may not live that long. */
const workingDaySeconds = 8 * 3600;

/**
 * The console's session: a token in an HttpOnly, SameSite=Strict cookie (or an Authorization
 * bearer token, for tools), verified on every request; what the viewer sees is decided here, on
 * the server, from the token's role and region (domain/visibility.ts), never from the page.
 */
export function requireViewer(context: AssessmentContext, tokens: TokenVerifier): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization")) ?? getCookie(c, sessionCookie);
    const verified = token ? await tokens.verify(token) : undefined;
    if (!verified?.ok) return c.redirect("/console/sign-in", 303);
    const principal = verified.value;
    const viewer: Viewer = { subject: principal.subject, role: principal.role, region: principal.region, ...(principal.department ? { department: principal.department } : {}) };
    try {
      c.set("visibility", visibilityFor(context, viewer));
    } catch (error) {
      if (error instanceof AppErrorException) return forbidden(c, error.error);
      throw error;
    }
    c.set("viewer", viewer);
    await next();
  };
}

function forbidden(c: Context, error: AppError) {
  deleteCookie(c, sessionCookie, { path: "/console" });
  return c.text(`403 ${error.message}`, 403);
}

export interface DevSignIn {
  role: string;
  region: string;
  department: string;
  name: string;
}

/** Development sign-in: a token for the chosen role and region (until the identity work lands). */
export async function signIn(c: Context, secret: string, form: DevSignIn, maxTokenLifetimeSeconds: number): Promise<AppError | undefined> {
  if (!(roles as readonly string[]).includes(form.role)) return { code: "invalid_argument", message: "choose a role", violations: [{ field: "role", description: "unknown role" }] };
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(form.region)) return { code: "invalid_argument", message: "choose a region", violations: [{ field: "region", description: "unknown region" }] };
  const subject = (form.name.trim() || `${form.role}-${form.region}`).slice(0, 64);
  const principal: Principal = { subject, region: form.region, role: form.role as Role, ...(form.department.trim() ? { department: form.department.trim() } : {}) };
  // The platform refuses a token that lives longer than STEWARD_AUTH_MAX_TOKEN_LIFETIME_S.
  const sessionSeconds = Math.min(workingDaySeconds, maxTokenLifetimeSeconds);
  const token = await signDevToken({ secret }, principal, sessionSeconds);
  setCookie(c, sessionCookie, token, { path: "/console", httpOnly: true, sameSite: "Strict", maxAge: sessionSeconds });
  return undefined;
}

export function signOut(c: Context): void {
  deleteCookie(c, sessionCookie, { path: "/console" });
}

