import { serve, type ServerType } from "@hono/node-server";
import { SpanKind, SpanStatusCode, context as otelContext, metrics, trace } from "@opentelemetry/api";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import { TokenVerifier, authorizeRegion, bearerToken, type Principal } from "../auth/index.js";
import { httpBindings, matchBinding, messageRules, type HttpBinding, type MessageRules } from "../contract/index.js";
import { AppErrorException, invalidArgument, type AppError } from "../errors/index.js";
import { attributeNames, durationBuckets, metricNames } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import { problemResponse } from "./problem.js";

export type ReadinessCheck = { name: string; check: () => Promise<boolean> | boolean };

export interface HttpAppOptions {
  logger: Logger;
  readiness: ReadinessCheck[];
  prometheusText: () => Promise<string>;
  /** The largest request body accepted, in bytes; a larger one is answered 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * Every API route (/v1/...) then needs a bearer token of this region, checked before anything
   * reads the request.
   */
  authentication?: { tokens: TokenVerifier; region: string };
}

/** `body` is the request body as the contract admitted it (read it with readJsonBody). */
export type AppEnv = { Variables: { principal: Principal; body: unknown } };

/** The routes every app serves on its own; the contract declares the others. */
const platformPaths = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * The HTTP app of a service: /healthz (the process is alive), /readyz (its database and bus
 * answer), /metrics (Prometheus), tracing and duration metrics on every route, and problem+json
 * for every error including unknown routes. A request with a body must be JSON (415) within the
 * size limit (413); an API request is authenticated, then admitted against the contract's
 * binding of its route (google.api.http): its path values and body are held to the request
 * message's field rules before any handler runs (see admitApiRequest).
 */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(telemetryMiddleware());
  app.use(requireJsonBodies());
  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request:
        // saying so lets the client open a new one instead of failing its next request on this one.
        c.header("connection", "close");
        return problemResponse(c, { code: "invalid_argument", message: `the request body is larger than ${options.maxBodyBytes ?? 64 * 1024} bytes`, reason: "REQUEST_TOO_LARGE" }, { status: 413, title: "Content too large" });
      },
    }),
  );
  if (options.authentication) app.use("/v1/*", authenticate(options.authentication.tokens, options.authentication.region));
  app.use("/v1/*", admitApiRequest());
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const results = await Promise.all(
      // check() runs inside then() so that a check throwing synchronously counts as not ready
      // (503 naming it) instead of failing the whole probe with a 500.
      options.readiness.map(async ({ name, check }) => [name, await Promise.resolve().then(check).catch(() => false)] as const),
    );
    const ready = results.every(([, up]) => up);
    return c.json({ status: ready ? "ready" : "not ready", checks: Object.fromEntries(results) }, ready ? 200 : 503);
  });
  app.get("/metrics", async (c) => c.text(await options.prometheusText(), 200, { "content-type": "text/plain; version=0.0.4" }));
  app.notFound((c) => problemResponse(c, { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` }));
  app.onError((thrown, c) => {
    if (thrown instanceof AppErrorException) return problemResponse(c, thrown.error);
    options.logger.error({ err: thrown, path: c.req.path }, "unexpected error in HTTP handler");
    return problemResponse(c, { code: "internal", message: "internal error" });
  });
  return app;
}

/**
 * The request body as JSON: for an API route, as the contract admitted it (text in NFC). A body
 * that is not JSON is the client's mistake (400 problem+json); routes read bodies through this so
 * that any other parse failure stays a server fault.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (c.get("body") !== undefined) return c.get("body");
  return parseJson(await c.req.text());
}

function parseJson(text: string): unknown {
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
function requireJsonBodies(): MiddlewareHandler {
  return async (c, next) => {
    if (bodyMethods.has(c.req.method) && !isJsonMediaType(c.req.header("content-type"))) {
      return problemResponse(
        c,
        { code: "invalid_argument", message: `the request body must be application/json in UTF-8, not ${c.req.header("content-type")?.slice(0, 100) ?? "unlabelled"}`, reason: "UNSUPPORTED_MEDIA_TYPE" },
        { status: 415, title: "Unsupported media type" },
      );
    }
    await next();
  };
}

/**
 * Admits an API request against the contract before its handler runs: the route's binding
 * (google.api.http) names the request message, whose field rules (steward.options.v1.field) hold
 * the path values and the JSON body by their JSON names — the same rules as over gRPC. A refusal
 * is 400 naming the fields (FIELD_RULE_VIOLATED); the admitted body, its text in NFC, is what
 * readJsonBody returns.
 */
function admitApiRequest(): MiddlewareHandler<AppEnv> {
  const compiled = new Map<HttpBinding, MessageRules>();
  return async (c, next) => {
    const matched = matchBinding(c.req.method, c.req.path);
    // A route the contract does not declare cannot be served (see undeclaredRoutes); this is a 404.
    if (!matched) return next();
    let rules = compiled.get(matched.binding);
    if (!rules) compiled.set(matched.binding, (rules = messageRules(matched.binding.rpc.input, "json")));
    const pathValues: Record<string, string> = {};
    for (const [name, value] of Object.entries(matched.params)) {
      const field = matched.binding.rpc.input.fields.find((candidate) => candidate.name === name);
      pathValues[field?.jsonName ?? name] = value;
    }
    const violations = rules.check(pathValues);
    if (matched.binding.body === "*") {
      const body = parseJson(await c.req.text());
      violations.push(...rules.check(body));
      c.set("body", body);
    }
    if (violations.length > 0) throw new AppErrorException({ ...invalidArgument(violations), reason: "FIELD_RULE_VIOLATED" });
    await next();
  };
}

/**
 * What does not match between the app's routes and the contract's bindings of the services the
 * process serves: a route the contract does not declare, or a declared one nobody serves. The
 * process refuses to start on either (runService), so every route is admitted by its rules.
 */
export function undeclaredRoutes(app: Hono<AppEnv>, services: string[]): string[] {
  const declared = httpBindings(services);
  const served = app.routes.filter((route) => route.method !== "ALL" && !platformPaths.has(route.path));
  const problems: string[] = [];
  for (const route of served) {
    if (!declared.some((binding) => binding.method === route.method && binding.route === route.path)) {
      problems.push(`${route.method} ${route.path} is served but has no google.api.http binding in the contract`);
    }
  }
  for (const binding of declared) {
    if (!binding.route.startsWith("/v1/")) problems.push(`${binding.method} ${binding.template}: API routes live under /v1/`);
    if (!served.some((route) => route.method === binding.method && route.path === binding.route)) {
      problems.push(`${binding.method} ${binding.template} (${binding.rpc.parent.typeName}.${binding.rpc.name}) is declared but not served`);
    }
  }
  return problems;
}

function telemetryMiddleware(): MiddlewareHandler {
  const tracer = trace.getTracer("steward.http");
  const duration = metrics.getMeter("steward.http").createHistogram(metricNames.httpServerDuration, {
    description: "Duration of HTTP requests by route and status",
    unit: "s",
    advice: { explicitBucketBoundaries: durationBuckets },
  });
  return async (c, next) => {
    if (c.req.path === "/metrics" || c.req.path === "/healthz") return next();
    const started = performance.now();
    const parent = contextFromHeaders((key) => c.req.header(key));
    await otelContext.with(parent, () =>
      tracer.startActiveSpan(`${c.req.method} ${c.req.path}`, { kind: SpanKind.SERVER }, async (span) => {
        try {
          await next();
        } finally {
          const route = c.req.routePath ?? c.req.path;
          span.updateName(`${c.req.method} ${route}`);
          span.setAttribute(attributeNames.httpStatus, c.res.status);
          if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          duration.record((performance.now() - started) / 1000, {
            [attributeNames.httpMethod]: c.req.method,
            [attributeNames.httpRoute]: route,
            [attributeNames.httpStatus]: c.res.status,
          });
        }
      }),
    );
  };
}

/** Requires a bearer token for this region; the principal is then `c.get("principal")`. */
export function authenticate(tokens: TokenVerifier, region: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const verified = await tokens.verify(bearerToken(c.req.header("authorization")));
    if (!verified.ok) return problemResponse(c, verified.error);
    const inRegion = authorizeRegion(verified.value, region);
    if (!inRegion.ok) return problemResponse(c, inRegion.error);
    c.set("principal", inRegion.value);
    await next();
  };
}

export function throwAppError(error: AppError): never {
  throw new AppErrorException(error);
}

export interface RunningHttpServer {
  port: number;
  close(): Promise<void>;
}

export function listenHttp(app: Hono<AppEnv>, host: string, port: number): Promise<RunningHttpServer> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
