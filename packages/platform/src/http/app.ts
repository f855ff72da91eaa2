import { serve, type ServerType } from "@hono/node-server";
import { SpanKind, SpanStatusCode, context as otelContext, trace } from "@opentelemetry/api";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { TokenVerifier, authorizeRegion, bearerToken, type Principal } from "../auth/index.js";
import { AppErrorException, dependencyUnavailable, isDependencyUnavailable, type AppError } from "../errors/index.js";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import type { ReadinessReport } from "../lifecycle/readiness.js";
import { problemMessages, problemResponse, type ProblemMessages } from "./problem.js";

export interface HttpAppOptions {
  logger: Logger;
  /** What /readyz answers from: the process's Readiness (lifecycle), kept current in the background. */
  readiness: { report(): ReadinessReport };
  prometheusText: () => Promise<string>;
  /** The service's zh-CN problem messages by reason, on top of the platform's. */
  messages?: ProblemMessages;
}

export type AppEnv = { Variables: { principal: Principal; problemMessages: ProblemMessages } };

/**
 * The HTTP app of a service: /healthz (the process is alive; no dependency is looked at, since
 * restarting the process would not bring one back), /readyz (every dependency and background loop
 * is up and the process is not draining), /metrics (Prometheus), a span, duration metric and access
 * log line on every other route, and problem+json for every error including unknown routes.
 */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const messages = problemMessages(options.messages);
  app.use(async (c, next) => {
    c.set("problemMessages", messages);
    await next();
  });
  app.use(telemetryMiddleware(options.logger));
  app.get("/healthz", (c) => c.json({ status: "ok" }));
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
