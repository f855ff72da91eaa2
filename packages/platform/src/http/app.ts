import { serve, type ServerType } from "@hono/node-server";
import { SpanKind, SpanStatusCode, context as otelContext, trace } from "@opentelemetry/api";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { matchedRoutes } from "hono/route";
import type { Logger } from "pino";
import { TokenVerifier, authorizeAction, authorizeRegion, bearerToken, httpRule, ownershipOf, type AccessRule, type Ownership, type Principal, type PublicRule, type Scope } from "../auth/index.js";
import { checkText } from "../text/index.js";
import { AppErrorException, dependencyUnavailable, invalidArgument, isDependencyUnavailable, type AppError, type FieldViolation } from "../errors/index.js";
import { PageTokens, type PageScope } from "../grpc/paging.js";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import type { LivenessReport } from "../lifecycle/liveness.js";
import type { ReadinessReport } from "../lifecycle/readiness.js";
import { problemMessages, problemResponse, type ProblemMessages } from "./problem.js";
import { closeAfterUnreadBody } from "./unread-body.js";

export interface HttpAppOptions {
  /** The service's name: its routes are looked up under it in the access table. */
  service: string;
  /** The region this process serves; tokens of another region are refused. */
  region: string;
  tokens: TokenVerifier;
  /**
   * The rules of this app's routes ("GET /v1/x/:id" → rule). Defaults to the service's entry in the
   * access table; only tests of the platform itself pass their own.
   */
  accessRules?: Record<string, AccessRule | PublicRule>;
  logger: Logger;
  /** What /readyz answers from: the process's Readiness (lifecycle), kept current in the background. */
  readiness: { report(): ReadinessReport; readonly liveness?: { report(): LivenessReport } };
  prometheusText: () => Promise<string>;
  /** The service's zh-CN problem messages by reason, on top of the platform's. */
  messages?: ProblemMessages;
  /** The largest request body accepted, in bytes; a larger one is answered 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Signs and checks the page tokens of list routes (see pageScope); a key of this process when absent. */
  pageTokens?: PageTokens;
  /**
   * Routes ("POST /v1/x/:id") whose body may also be an HTML form (application/x-www-form-urlencoded),
   * for pages a browser submits without script (notification's rating page). Their fields are held
   * to the same text rule as JSON bodies.
   */
  formRoutes?: readonly string[];
  /**
   * A browser's session, for server-rendered pages (assessment's console): the gate also takes the
   * token from this HttpOnly cookie when no Authorization header is sent, and sends a browser
   * without a valid one (no Authorization header, a GET) to `signInPath` (303) instead of a 401.
   * The token is verified and the table applied exactly as for a bearer token.
   */
  session?: { cookie: string; signInPath: string };
}

/** What the access gate leaves for a route's handler: the caller, and the objects it may reach; the problem messages and page-token key. */
export type AppEnv = { Variables: { principal: Principal; scope: Scope; owner: Ownership; problemMessages: ProblemMessages; pageTokens: PageTokens } };

/** How each app looks up its routes' rules, for the check at listen that every route is declared. */
const appRules = new WeakMap<Hono<AppEnv>, (route: string) => AccessRule | PublicRule | undefined>();

function rulesOf(options: HttpAppOptions): (route: string) => AccessRule | PublicRule | undefined {
  const own = options.accessRules;
  if (!own) return (route) => httpRule(options.service, route);
  return (route) => (Object.hasOwn(own, route) ? own[route] : undefined);
}

/**
 * The HTTP app of a service: /healthz (the process is alive: 503 only while a background job is
 * wedged inside it; no dependency is looked at, since restarting the process would not bring one
 * back), /readyz (every dependency and background loop
 * is up and the process is not draining), /metrics (Prometheus), a span, duration metric and access
 * log line on every other route, the access gate (token, region, role × action table, default
 * deny) before anything reads the request, then the input checks — a body must be JSON (415)
 * within the size limit (413), and no text in it, in the query or in the path may hold what the
 * platform's text rule refuses in every field (refuseForbiddenText) — and problem+json for every
 * error including unknown routes.
 */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  appRules.set(app, rulesOf(options));
  const messages = problemMessages(options.messages);
  const pageTokens = options.pageTokens ?? PageTokens.random();
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  app.use(closeAfterUnreadBody());
  app.use(async (c, next) => {
    c.set("problemMessages", messages);
    c.set("pageTokens", pageTokens);
    await next();
  });
  app.use(telemetryMiddleware(options.logger));
  // Who may call comes before what they sent: a refused caller learns nothing of its request's
  // faults and its body is never read.
  app.use(accessGate(options));
  app.use(requireJsonBodies(new Set(options.formRoutes ?? [])));
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request:
        // saying so lets the client open a new one instead of failing its next request on this one.
        c.header("connection", "close");
        return problemResponse(c, { code: "invalid_argument", message: `the request body is larger than ${maxBodyBytes} bytes`, reason: "REQUEST_TOO_LARGE" }, { status: 413, title: "Content too large" });
      },
    }),
  );
  app.use(refuseForbiddenText(new Set(options.formRoutes ?? [])));
  app.get("/healthz", (c) => {
    const report = options.readiness.liveness?.report();
    return !report || report.live ? c.json({ status: "ok" }) : c.json({ status: "not live", details: report.stuck }, 503);
  });
  app.get("/readyz", (c) => {
    const report = options.readiness.report();
    const entries = Object.entries(report.components);
    const down = entries.filter(([, state]) => !state.up);
    return c.json(
      {
        status: report.ready ? "ready" : report.draining ? "draining" : "not ready",
        checks: Object.fromEntries(entries.map(([name, state]) => [name, state.up])),
        ...(down.length > 0 ? { details: Object.fromEntries(down.map(([name, state]) => [name, state.detail ?? "down"])) } : {}),
      },
      report.ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => c.text(await options.prometheusText(), 200, { "content-type": "text/plain; version=0.0.4" }));
  app.notFound((c) => problemResponse(c, { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}`, reason: "ROUTE_NOT_FOUND" }));
  const failures = new RateLimitedLog(options.logger);
  app.onError((thrown, c) => {
    if (thrown instanceof AppErrorException) return problemResponse(c, thrown.error);
    // Hono's own validators (a malformed JSON body under a typed route) refuse with a 400.
    if (thrown instanceof HTTPException && thrown.status === 400) {
      return problemResponse(c, { code: "invalid_argument", message: "request body is not valid JSON", reason: "MALFORMED_REQUEST" });
    }
    const route = c.req.routePath ?? c.req.path;
    // A lost database or NATS connection: 503 with Retry-After, which clients retry.
    if (isDependencyUnavailable(thrown)) {
      failures.warn(`unavailable ${c.req.method} ${route}`, { err: thrown, route }, "dependency unavailable");
      return problemResponse(c, dependencyUnavailable);
    }
    failures.error(`http ${c.req.method} ${route}`, { err: thrown, route }, "unexpected error in HTTP handler");
    return problemResponse(c, { code: "internal", message: "internal error" });
  });
  return app;
}

/**
 * The request body as JSON. A body that is not JSON is the client's mistake (400 problem+json);
 * routes read bodies through this so that any other parse failure stays a server fault.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppErrorException({ code: "invalid_argument", message: "request body is not valid JSON", reason: "MALFORMED_REQUEST" });
  }
}

const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/** application/json or application/<x>+json, in UTF-8 when a charset is named. */
function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = "", ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) return false;
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  return charset === undefined || charset === "utf-8";
}

/** A request that sends a body sends JSON: anything else is 415, before it is read. */
const isFormBody = (c: Context, formRoutes: ReadonlySet<string>): boolean => {
  const endpoint = endpointOf(c);
  return endpoint !== undefined && formRoutes.has(endpoint) && (c.req.header("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
};

function requireJsonBodies(formRoutes: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (bodyMethods.has(c.req.method) && !isJsonMediaType(c.req.header("content-type")) && !isFormBody(c, formRoutes)) {
      return problemResponse(
        c,
        { code: "invalid_argument", message: `the request body must be application/json in UTF-8, not ${c.req.header("content-type")?.slice(0, 100) ?? "unlabelled"}`, reason: "UNSUPPORTED_MEDIA_TYPE" },
        { status: 415, title: "Unsupported media type" },
      );
    }
    await next();
  };
}

/** What no value may hold anywhere: the text rule without a length (every field's own rule gives that). */
const anyLine = { maxLength: Number.MAX_SAFE_INTEGER, prose: false };
const anyProse = { maxLength: Number.MAX_SAFE_INTEGER, prose: true };

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Every string of a JSON value (keys too), with its path as the caller wrote it: `contacts[0].name`. */
function forEachString(value: unknown, path: string, visit: (path: string, text: string, isKey: boolean) => void): void {
  if (typeof value === "string") visit(path, value, false);
  else if (Array.isArray(value)) value.forEach((element, index) => forEachString(element, `${path}[${index}]`, visit));
  else if (typeof value === "object" && value !== null) {
    for (const [key, element] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      visit(at, key, true);
      forEachString(element, at, visit);
    }
  }
}

/**
 * The HTTP half of the platform's text rule, for every route of every service: no path segment,
 * query parameter or string of a JSON body (key or value) may hold a control character (line feeds
 * and tabs aside, in bodies), a bidirectional override, a line separator, U+FFFD or a lone
 * surrogate — 400 FIELD_RULE_VIOLATED naming where. Lengths, NFC and one line or prose are each
 * field's schema's to say (intake's `text` and `prose` fields). The raw body is left as it came
 * (a signed webhook checks its bytes), so routes read it as usual.
 */
function refuseForbiddenText(formRoutes: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const violations: FieldViolation[] = [];
    const check = (field: string, value: string, rule: typeof anyLine) => {
      const result = checkText(value, rule);
      if (!result.ok) violations.push({ field, description: result.problem });
    };
    for (const segment of c.req.path.split("/")) check("path", decodedSegment(segment), anyLine);
    for (const [key, value] of new URL(c.req.url).searchParams) {
      check(key, key, anyLine);
      check(key, value, anyLine);
    }
    if (bodyMethods.has(c.req.method)) {
      const text = await c.req.text();
      let body: unknown;
      try {
        body = isFormBody(c, formRoutes) ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text);
      } catch {
        body = undefined; // the route refuses it as malformed JSON
      }
      forEachString(body, "", (path, value, isKey) => check(path || "(body)", value, isKey ? anyLine : anyProse));
    }
    if (violations.length > 0) throw new AppErrorException({ ...invalidArgument(violations), reason: "FIELD_RULE_VIOLATED" });
    await next();
  };
}

/**
 * The scope a list route's page tokens are bound to (see pageRequest): the route, the caller's
 * region and subject. Call it behind authentication.
 */
export function pageScope(c: Context<AppEnv>): PageScope {
  const principal = c.get("principal");
  return { method: `${c.req.method} ${c.req.routePath}`, region: principal.region, principal, pageTokens: c.get("pageTokens") };
}

/** Probes and scrapes: answered without a span, a metric or an access-log line (they come every few seconds). */
const untraced = new Set(["/healthz", "/readyz", "/metrics"]);

/** A SERVER span continuing the caller's trace, the RED metric and one access-log line per request. */
function telemetryMiddleware(logger: Logger): MiddlewareHandler {
  const tracer = trace.getTracer("steward.http");
  const duration = createHistogram(metricDefinitions.httpServerDuration);
  return async (c, next) => {
    if (untraced.has(c.req.path)) return next();
    const started = performance.now();
    const parent = contextFromHeaders((key) => c.req.header(key));
    await otelContext.with(parent, () =>
      tracer.startActiveSpan(`${c.req.method} ${c.req.path}`, { kind: SpanKind.SERVER, attributes: { [attributeNames.httpMethod]: c.req.method } }, async (span) => {
        try {
          await next();
        } finally {
          const route = c.req.routePath ?? c.req.path;
          const seconds = (performance.now() - started) / 1000;
          span.updateName(`${c.req.method} ${route}`);
          span.setAttribute(attributeNames.httpRoute, route);
          span.setAttribute(attributeNames.httpStatus, c.res.status);
          if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          duration.record(seconds, {
            [attributeNames.httpMethod]: c.req.method,
            [attributeNames.httpRoute]: route,
            [attributeNames.httpStatus]: c.res.status,
          });
          // The route, never the path or query: a path can carry an id, a query personal data.
          logger.info({ access: "http", method: c.req.method, route, status: c.res.status, durationMs: Math.round(seconds * 1000) }, "http");
          span.end();
        }
      }),
    );
  };
}

/** The access table's key of the route a request matched ("GET /v1/projects/:id"), or undefined for no route. */
function endpointOf(c: Context): string | undefined {
  // Middleware is registered for every method ("ALL"); the route that answers has its own.
  const endpoint = matchedRoutes(c).find((route) => route.method !== "ALL");
  return endpoint ? `${endpoint.method} ${endpoint.path}` : undefined;
}

/**
 * Before any handler: public routes pass; every other route needs a valid token of this region and
 * a role the access table allows for the route (an undeclared route is refused). The handler gets
 * the principal, its scope and the owner filter of that scope.
 */
function accessGate(options: HttpAppOptions): MiddlewareHandler<AppEnv> {
  const ruleOf = rulesOf(options);
  return async (c, next) => {
    const endpoint = endpointOf(c);
    if (endpoint === undefined) return next(); // no such route: the 404 answers
    const rule = ruleOf(endpoint);
    if (rule?.action === "public") return next();
    const header = c.req.header("authorization");
    const fromCookie = header === undefined && options.session ? getCookie(c, options.session.cookie) : undefined;
    const verified = await options.tokens.verify(fromCookie ?? bearerToken(header));
    if (!verified.ok) {
      if (options.session && header === undefined && c.req.method === "GET") return c.redirect(options.session.signInPath, 303);
      return problemResponse(c, verified.error);
    }
    const inRegion = authorizeRegion(verified.value, options.region);
    if (!inRegion.ok) return problemResponse(c, inRegion.error);
    const scope = authorizeAction(rule, inRegion.value, `${options.service} ${endpoint}`);
    if (!scope.ok) return problemResponse(c, scope.error);
    c.set("principal", inRegion.value);
    c.set("scope", scope.value);
    c.set("owner", ownershipOf(scope.value, inRegion.value));
    await next();
  };
}

/** Routes of the app that the access table does not declare for its service ("POST /v1/x"). */
export function undeclaredRoutes(app: Hono<AppEnv>): string[] {
  const ruleOf = appRules.get(app) ?? (() => undefined);
  const routes = app.routes.filter((route) => route.method !== "ALL").map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].filter((route) => ruleOf(route) === undefined);
}

/**
 * The validation hook of typed routes (@hono/zod-openapi's `defaultHook`): bad input is refused
 * the platform's way, 400 problem+json naming every bad field, before any handler runs.
 */
export function refuseInvalidInput(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): void {
  if (!result.success && result.error) {
    throw new AppErrorException(invalidArgument(result.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), description: issue.message }))));
  }
}

export function throwAppError(error: AppError): never {
  throw new AppErrorException(error);
}

export interface RunningHttpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the app. Refuses (throws) when a route is missing from the access table: it would be
 * refused to everyone at run time, so it is a mistake to find before the process serves anything.
 */
export function listenHttp(app: Hono<AppEnv>, host: string, port: number): Promise<RunningHttpServer> {
  const undeclared = undeclaredRoutes(app);
  if (undeclared.length > 0) {
    return Promise.reject(new Error(`HTTP routes not in the access table (packages/platform/src/auth/access-table.ts): ${undeclared.join(", ")}`));
  }
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
