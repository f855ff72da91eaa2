import { serve, type ServerType } from "@hono/node-server";
import { SpanKind, SpanStatusCode, context as otelContext, metrics, trace } from "@opentelemetry/api";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { TokenVerifier, authorizeRegion, bearerToken, type Principal } from "../auth/index.js";
import { AppErrorException, type AppError } from "../errors/index.js";
import { attributeNames, durationBuckets, metricNames } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import { problemMessages, problemResponse, type ProblemMessages } from "./problem.js";

export type ReadinessCheck = { name: string; check: () => Promise<boolean> | boolean };

export interface HttpAppOptions {
  logger: Logger;
  readiness: ReadinessCheck[];
  prometheusText: () => Promise<string>;
  /** The service's zh-CN problem messages by reason, on top of the platform's. */
  messages?: ProblemMessages;
}

export type AppEnv = { Variables: { principal: Principal; problemMessages: ProblemMessages } };

/**
 * The HTTP app of a service: /healthz (the process is alive), /readyz (its database and bus
 * answer), /metrics (Prometheus), tracing and duration metrics on every route, and problem+json
 * for every error including unknown routes.
 */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const messages = problemMessages(options.messages);
  app.use(async (c, next) => {
    c.set("problemMessages", messages);
    await next();
  });
  app.use(telemetryMiddleware());
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
  app.notFound((c) => problemResponse(c, { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}`, reason: "ROUTE_NOT_FOUND" }));
  app.onError((thrown, c) => {
    if (thrown instanceof AppErrorException) return problemResponse(c, thrown.error);
    // Hono's own validators (a malformed JSON body under a typed route) refuse with a 400.
    if (thrown instanceof HTTPException && thrown.status === 400) {
      return problemResponse(c, { code: "invalid_argument", message: "request body is not valid JSON", reason: "MALFORMED_REQUEST" });
    }
    options.logger.error({ err: thrown, path: c.req.path }, "unexpected error in HTTP handler");
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
