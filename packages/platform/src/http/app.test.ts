import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import { AppErrorException, invalidArgument, notFound, raise } from "../errors/index.js";
import { createLogger, memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { Readiness } from "../lifecycle/readiness.js";
import { authenticate, createHttpApp, readJsonBody } from "./app.js";

const region = "hanbin";
const keys = { secret: "http-app-test-secret-0123456789abcdefgh" };
const logger = createLogger({ service: "http-test", region, level: "silent" });

let telemetry: Telemetry;
beforeAll(() => {
  // Before any app: the duration histogram comes from the global meter provider.
  telemetry = startTelemetry({ serviceName: "http-test", region, otlpEndpoint: undefined });
});
afterAll(() => telemetry.shutdown());

function buildApp(readiness: Readiness = new Readiness({ logger })) {
  const app = createHttpApp({ logger, readiness, prometheusText: async () => "# metrics\n" });
  app.post("/echo", async (c) => c.json(await readJsonBody(c)));
  app.get("/invalid", () => {
    throw new AppErrorException(invalidArgument([{ field: "name", description: "must not be empty" }, { field: "items[0].code", description: "is required" }]));
  });
  app.get("/missing", () => raise(notFound("project p-1")));
  app.get("/crash", () => {
    throw new Error("pool exhausted at db-primary.internal (password=hunter2)");
  });
  app.get("/bad-stored-json", () => {
    // A server-side parse failure is a server fault, not a bad request.
    return new Response(JSON.stringify(JSON.parse("{not json")));
  });
  app.use("/v1/*", authenticate(new TokenVerifier(keys), region));
  app.get("/v1/me", (c) => c.json(c.get("principal")));
  app.get("/v1/projects/:id", (c) => c.json({ id: c.req.param("id") }));
  return app;
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { type: string; title: string; status: number; code: string; message: string; detail?: string; instance?: string; "invalid-params"?: { name: string; reason: string }[] };
}

const bearer = async (principal: Partial<Principal> = {}) => ({
  authorization: `Bearer ${await signDevToken(keys, { subject: "ent:1", region, role: "enterprise", ...principal })}`,
});

describe("createHttpApp", () => {
  it("answers an unknown route with 404 problem+json", async () => {
    const response = await buildApp().request("/no/such/route");
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 404, title: "Not found", instance: "/no/such/route" });
    expect(problem.detail).toContain("GET /no/such/route");
  });

  it("maps an AppError with violations to 400 with invalid-params naming the fields", async () => {
    const response = await buildApp().request("/invalid");
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.status).toBe(400);
    expect(problem.type).toMatch(/invalid-argument$/);
    expect(problem["invalid-params"]).toEqual([
      { name: "name", reason: "must not be empty" },
      { name: "items[0].code", reason: "is required" },
    ]);
    // A stable code for machines, a zh-CN sentence naming the fields for people.
    expect(problem.code).toBe("INVALID_ARGUMENT");
    expect(problem.message).toBe("请求内容有误，请检查以下字段：name、items[0].code");
  });

  it("says a service's own reason in its own words, filling in the error's metadata", async () => {
    const app = createHttpApp({ logger, readiness: { report: () => ({ ready: true, draining: false, components: {} }) }, prometheusText: async () => "", messages: { PROJECT_DUPLICATE: "该项目已登记（项目编号 {projectId}）" } });
    app.get("/dup", () => raise({ code: "already_exists", message: "duplicate", reason: "PROJECT_DUPLICATE", metadata: { projectId: "p-9" } }));
    app.get("/gone", () => raise(notFound("project p-1")));
    const dup = await problemOf(await app.request("/dup"));
    expect(dup).toMatchObject({ status: 409, code: "PROJECT_DUPLICATE", message: "该项目已登记（项目编号 p-9）", detail: "duplicate" });
    expect(await problemOf(await app.request("/gone"))).toMatchObject({ code: "NOT_FOUND", message: "未找到所请求的内容，或您无权查看" });
  });

  it("maps other AppErrors by code", async () => {
    const response = await buildApp().request("/missing");
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toBe("project p-1 not found");
  });

  it("answers a malformed JSON body with 400 problem+json", async () => {
    const app = buildApp();
    const ok = await app.request("/echo", { method: "POST", body: JSON.stringify({ a: 1 }), headers: { "content-type": "application/json" } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ a: 1 });

    const response = await app.request("/echo", { method: "POST", body: '{"a": 1,', headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.status).toBe(400);
    expect(problem.detail).toMatch(/JSON/);
  });

  it("answers an unexpected error with 500 'internal error' without leaking its message", async () => {
    const response = await buildApp().request("/crash");
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toMatch(/hunter2|db-primary/);
    expect(JSON.parse(body)).toMatchObject({ status: 500, detail: "internal error" });
  });

  it("treats a JSON parse failure inside a handler as a server fault, not a bad request", async () => {
    const response = await buildApp().request("/bad-stored-json");
    expect(response.status).toBe(500);
    expect((await problemOf(response)).detail).toBe("internal error");
  });

  it("serves /healthz and /metrics", async () => {
    const app = buildApp();
    expect((await app.request("/healthz")).status).toBe(200);
    const metrics = await app.request("/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await metrics.text()).toBe("# metrics\n");
  });

  it("answers /readyz 503 naming what is down, 200 when everything is up, 503 'draining' from SIGTERM on; the same as metrics", async () => {
    // steward_readiness, or steward_readiness_component for one component, as /metrics shows it.
    const gauge = async (component?: string) => {
      const text = await telemetry.prometheusText();
      const pattern = component === undefined ? /^steward_readiness\{[^}]*\} (\S+)$/m : new RegExp(`^steward_readiness_component\\{[^}]*steward_component="${component}"[^}]*\\} (\\S+)$`, "m");
      return pattern.exec(text)?.[1];
    };
    let databaseUp = false;
    const readiness = new Readiness({ logger });
    readiness.dependency("postgres", () => databaseUp);
    readiness.dependency("nats", async () => true);
    readiness.dependency("throws", () => {
      throw new Error("no connection");
    });
    const app = buildApp(readiness);
    await readiness.start();
    try {
      const down = await app.request("/readyz");
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "not ready", checks: { postgres: false, nats: true, throws: false }, details: { postgres: "check failed", throws: "no connection" } });
      expect([await gauge(), await gauge("postgres"), await gauge("nats")]).toEqual(["0", "0", "1"]);

      databaseUp = true;
      readiness.dependency("throws", () => true);
      await readiness.stop();
      await readiness.start();
      const up = await app.request("/readyz");
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: "ready", checks: { postgres: true, nats: true, throws: true } });
      expect([await gauge(), await gauge("postgres")]).toEqual(["1", "1"]);

      readiness.drain();
      const draining = await app.request("/readyz");
      expect(draining.status).toBe(503);
      expect(((await draining.json()) as { status: string }).status).toBe("draining");
      expect([await gauge(), await gauge("postgres")]).toEqual(["0", "1"]);
    } finally {
      await readiness.stop();
    }
  });

  it("counts a background loop that stopped beating or died as not ready", async () => {
    const readiness = new Readiness({ logger });
    const relay = readiness.loop("outbox-relay", 60_000);
    const consumer = readiness.loop("consumer", 60_000);
    const app = buildApp(readiness);
    relay.beat();
    expect((await app.request("/readyz")).status).toBe(200);
    consumer.died(new Error("iterator closed"));
    const response = await app.request("/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { "outbox-relay": true, consumer: false }, details: { consumer: "ended: iterator closed" } });
  });
});

describe("authenticate", () => {
  it("refuses a request without a token with 401 problem+json", async () => {
    const response = await buildApp().request("/v1/me");
    expect(response.status).toBe(401);
    expect((await problemOf(response)).status).toBe(401);
  });

  it("refuses an invalid token with 401", async () => {
    const response = await buildApp().request("/v1/me", { headers: { authorization: "Bearer not.a.jwt" } });
    expect(response.status).toBe(401);
  });

  it("refuses a token of another region with 403", async () => {
    const response = await buildApp().request("/v1/me", { headers: await bearer({ region: "xunyang" }) });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toContain("xunyang");
  });

  it("passes the principal of a valid token in the region to the handler", async () => {
    const response = await buildApp().request("/v1/me", { headers: await bearer() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ subject: "ent:1", region, role: "enterprise" });
  });
});

describe("HTTP metrics", () => {
  it("labels steward_http_server_duration_seconds by route pattern, so ids and unknown paths do not multiply series", async () => {
    const app = buildApp();
    const headers = await bearer();
    for (const id of ["p-1", "p-2", "p-3"]) expect((await app.request(`/v1/projects/${id}`, { headers })).status).toBe(200);
    for (const path of ["/scan/a", "/scan/b"]) expect((await app.request(path)).status).toBe(404);
    const text = await (await app.request("/metrics")).text();
    expect(text).toBe("# metrics\n"); // the app serves what it is given
    const series = (await telemetry.prometheusText()).split("\n").filter((line) => line.startsWith("steward_http_server_duration_seconds_count{"));
    const projects = series.find((line) => line.includes('http_route="/v1/projects/:id"') && line.includes('http_response_status_code="200"'));
    expect(projects?.split(" ").at(-1)).toBe("3");
    expect(series.join("\n")).not.toMatch(/p-1|p-2|\/scan\//);
  });
});

describe("HTTP access log and probes", () => {
  function capturingApp() {
    const { logger: capturing, lines } = memoryLogger({ service: "http-test", region, level: "info" });
    const app = createHttpApp({ logger: capturing, readiness: new Readiness({ logger: capturing }), prometheusText: async () => "" });
    app.get("/v1/projects/:id", (c) => c.json({ id: c.req.param("id") }));
    return { app, lines };
  }

  it("logs one line per request with method, route, status, duration and trace id — not the path's ids", async () => {
    const { app, lines } = capturingApp();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    expect((await app.request("/v1/projects/13800138000?phone=13800138000", { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } })).status).toBe(200);
    expect(lines).toEqual([expect.objectContaining({ level: "info", msg: "http", access: "http", method: "GET", route: "/v1/projects/:id", status: 200, durationMs: expect.any(Number), trace_id: traceId })]);
    expect(JSON.stringify(lines)).not.toContain("13800138000");
  });

  it("answers probes and scrapes without a span, a metric or a log line", async () => {
    const { app, lines } = capturingApp();
    const before = (await telemetry.prometheusText()).split("\n").filter((line) => line.startsWith("steward_http_server_duration_seconds_count{"));
    for (const path of ["/healthz", "/readyz", "/metrics"]) expect((await app.request(path)).status).toBe(200);
    const after = (await telemetry.prometheusText()).split("\n").filter((line) => line.startsWith("steward_http_server_duration_seconds_count{"));
    expect(after).toEqual(before);
    expect(lines).toEqual([]);
  });
});
