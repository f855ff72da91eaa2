import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken, type AccessRule, type Principal, type PublicRule } from "../auth/index.js";
import { AppErrorException, invalidArgument, notFound, raise } from "../errors/index.js";
import { createLogger, memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { Readiness } from "../lifecycle/readiness.js";
import { createHttpApp, listenHttp, readJsonBody, undeclaredRoutes } from "./app.js";

const region = "hanbin";
const keys = { secret: "http-app-test-secret-0123456789abcdefgh" };
const logger = createLogger({ service: "http-test", region, level: "silent" });

let telemetry: Telemetry;
beforeAll(() => {
  // Before any app: the duration histogram comes from the global meter provider.
  telemetry = startTelemetry({ serviceName: "http-test", region, otlpEndpoint: undefined });
});
afterAll(() => telemetry.shutdown());

const open: PublicRule = { action: "public" };
/** This test's own routes and who may call them (services use the access table). */
const accessRules: Record<string, AccessRule | PublicRule> = {
  "GET /healthz": open,
  "GET /readyz": open,
  "GET /metrics": open,
  "POST /echo": open,
  "GET /invalid": open,
  "GET /missing": open,
  "GET /crash": open,
  "GET /bad-stored-json": open,
  "GET /v1/me": { action: "read", allow: { enterprise: "enterprise", steward: "region" } },
  "GET /v1/projects/:id": { action: "read", allow: { enterprise: "enterprise" } },
  "GET /v1/search": { action: "read", allow: { enterprise: "enterprise" } },
  "POST /v1/projects": { action: "write", allow: { steward: "region" } },
  "POST /v1/raw": open,
};

function buildApp(readiness: Readiness = new Readiness({ logger })) {
  const app = createHttpApp({ service: "http-test", region, tokens: new TokenVerifier(keys), accessRules, logger, readiness, prometheusText: async () => "# metrics\n", maxBodyBytes: 2048 });
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
  app.get("/v1/me", (c) => c.json({ principal: c.get("principal"), scope: c.get("scope"), owner: c.get("owner") }));
  app.post("/v1/projects", async (c) => {
    handled.push("POST /v1/projects");
    return c.json(await readJsonBody(c), 201);
  });
  app.get("/v1/projects/:id", (c) => c.json({ id: c.req.param("id") }));
  app.get("/v1/search", (c) => c.json({ q: c.req.query("q") }));
  // A signed webhook checks the bytes it was sent, untouched by the checks before it.
  app.post("/v1/raw", async (c) => c.text(await c.req.text()));
  return app;
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { type: string; title: string; status: number; code: string; message: string; detail?: string; instance?: string; "invalid-params"?: { name: string; reason: string }[] };
}

/** Routes whose handler ran, to prove a refused request never reaches it. */
const handled: string[] = [];

const bearer = async (principal: Partial<Principal> = {}) => ({
  authorization: `Bearer ${await signDevToken(keys, { subject: "ent:1", region, role: "enterprise", creditCode: "91610900MA70000010", ...principal })}`,
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
    const app = createHttpApp({
      service: "http-test",
      region,
      tokens: new TokenVerifier(keys),
      accessRules: { ...accessRules, "GET /dup": open, "GET /gone": open },
      logger,
      readiness: { report: () => ({ ready: true, draining: false, components: {} }) },
      prometheusText: async () => "",
      messages: { PROJECT_DUPLICATE: "该项目已登记（项目编号 {projectId}）" },
    });
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
    const readiness = new Readiness({ logger });
    const app = buildApp(readiness);
    expect((await app.request("/healthz")).status).toBe(200);
    // A job wedged inside the process (liveness): 503 naming it, so the orchestrator restarts the process.
    let wedged: string | undefined = "a round has run for 300 s, ignoring its abort at the deadline of 120 s";
    readiness.liveness.watch("ledger-checkpoints", () => wedged);
    const notLive = await app.request("/healthz");
    expect(notLive.status).toBe(503);
    expect(await notLive.json()).toEqual({ status: "not live", details: { "ledger-checkpoints": wedged } });
    wedged = undefined;
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

describe("the access gate", () => {
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

  it("passes the principal, its scope and the owner filter of a valid token in the region to the handler", async () => {
    const response = await buildApp().request("/v1/me", { headers: await bearer() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      principal: { subject: "ent:1", region, role: "enterprise", creditCode: "91610900MA70000010" },
      scope: "enterprise",
      owner: { creditCode: "91610900MA70000010" },
    });
    const steward = await buildApp().request("/v1/me", { headers: await bearer({ role: "steward", creditCode: undefined }) });
    expect(await steward.json()).toMatchObject({ scope: "region", owner: {} });
  });

  it("refuses a role the table does not allow with 403 ROLE_NOT_ALLOWED before the handler runs", async () => {
    const before = handled.length;
    const response = await buildApp().request("/v1/projects", { method: "POST", headers: await bearer(), body: "{}" });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toBe("role enterprise may not call http-test POST /v1/projects");
    expect(handled.length).toBe(before);
    const allowed = await buildApp().request("/v1/projects", { method: "POST", headers: { "content-type": "application/json", ...(await bearer({ role: "steward", creditCode: undefined })) }, body: "{}" });
    expect(allowed.status).toBe(201);
    expect(handled.length).toBe(before + 1);
  });

  it("refuses a route the table does not declare to everyone, and listenHttp refuses to serve such an app", async () => {
    const app = buildApp();
    app.get("/v1/undeclared", (c) => c.json({ leaked: true }));
    expect(undeclaredRoutes(app)).toEqual(["GET /v1/undeclared"]);
    for (const role of ["steward", "admin", "service"] as const) {
      const response = await app.request("/v1/undeclared", { headers: await bearer({ role, creditCode: undefined }) });
      expect(response.status).toBe(403);
      expect((await problemOf(response)).detail).toContain("not in the access table");
    }
    await expect(listenHttp(app, "127.0.0.1", 0)).rejects.toThrow("HTTP routes not in the access table (packages/platform/src/auth/access-table.ts): GET /v1/undeclared");
    expect(undeclaredRoutes(buildApp())).toEqual([]);
  });

  it("serves public routes without a token, and answers an unknown route 404 whoever asks", async () => {
    expect((await buildApp().request("/missing")).status).toBe(404); // the handler's own NOT_FOUND
    expect((await buildApp().request("/healthz")).status).toBe(200);
    expect((await buildApp().request("/v1/nothing-here")).status).toBe(404);
  });
});

describe("what a request must be before any route reads it (issue 8)", () => {
  const steward = () => bearer({ role: "steward", creditCode: undefined });
  const post = async (body: string, headers: Record<string, string> = {}, path = "/v1/projects") =>
    buildApp().request(path, { method: "POST", body, headers: { "content-type": "application/json", ...(await steward()), ...headers } });

  it("answers a body that is not JSON 415, whatever it holds", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data; boundary=x"]) {
      const response = await post(JSON.stringify({ name: "x" }), { "content-type": contentType });
      expect(response.status, contentType).toBe(415);
      expect(await problemOf(response)).toMatchObject({ title: "Unsupported media type", code: "UNSUPPORTED_MEDIA_TYPE" });
    }
    const unlabelled = await buildApp().request("/echo", { method: "POST", body: "{}" });
    expect(unlabelled.status).toBe(415);
    expect((await post(JSON.stringify({ name: "x" }), { "content-type": "application/json; charset=UTF-8" })).status).toBe(201);
    expect((await post(JSON.stringify({ name: "x" }), { "content-type": "application/merge-patch+json" })).status).toBe(201);
  });

  it("answers a body above the limit 413, declared or streamed", async () => {
    const declared = await post(JSON.stringify({ name: "x".repeat(4096) }));
    expect(declared.status).toBe(413);
    expect(await problemOf(declared)).toMatchObject({ title: "Content too large", code: "REQUEST_TOO_LARGE" });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(512)));
        controller.close();
      },
    });
    const streamed = await buildApp().request("/v1/projects", { method: "POST", body: stream, headers: { "content-type": "application/json", ...(await steward()) }, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("closes the connection after a 413, so a keep-alive client's next request is not lost on it", async () => {
    const server = await listenHttp(buildApp(), "127.0.0.1", 0);
    try {
      const headers = { "content-type": "application/json", ...(await steward()) };
      const url = `http://127.0.0.1:${server.port}/v1/projects`;
      const statuses = await Promise.all(
        Array.from({ length: 24 }, async (_, index) => {
          const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ name: index % 3 === 0 ? "x".repeat(1 << 20) : "ok" }) });
          if (index % 3 === 0) expect(response.headers.get("connection")).toBe("close");
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses.filter((code) => code === 413)).toHaveLength(8);
      expect(statuses.filter((code) => code === 201)).toHaveLength(16);
    } finally {
      await server.close();
    }
  });

  it("closes the connection after any refusal that left the body unread (401, 403, 415), and keeps it after one that read it", async () => {
    const server = await listenHttp(buildApp(), "127.0.0.1", 0);
    try {
      const url = `http://127.0.0.1:${server.port}/v1/projects`;
      const body = JSON.stringify({ name: "x".repeat(32 * 1024) });
      const unauthenticated = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers.get("connection")).toBe("close");
      await unauthenticated.arrayBuffer();
      const notJson = await fetch(url, { method: "POST", headers: { "content-type": "text/plain", ...(await steward()) }, body });
      expect(notJson.status).toBe(415);
      expect(notJson.headers.get("connection")).toBe("close");
      await notJson.arrayBuffer();
      const created = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(await steward()) }, body: JSON.stringify({ name: "ok" }) });
      expect(created.status).toBe(201);
      expect(created.headers.get("connection")).toBe("keep-alive");
      await created.arrayBuffer();
    } finally {
      await server.close();
    }
  });

  // Issue 8: NUL in a JSON field answered 500 (Postgres refuses the byte), control characters and
  // U+FFFD were stored as sent.
  it("refuses control characters, bidi overrides, U+FFFD and lone surrogates anywhere in the body, query or path, naming where, before the route runs", async () => {
    const before = handled.length;
    const refused = await post(JSON.stringify({ name: "钢铁\u0000厂", contacts: [{ name: "\u001b[31m" }, { name: "ok", note: "一行\n二行\t" }], "k\u0007": 1, ok: "\uFFFD", bad: "\uD800" }));
    expect(refused.status).toBe(400);
    const problem = await problemOf(refused);
    expect(problem.code).toBe("FIELD_RULE_VIOLATED");
    expect(problem["invalid-params"]?.map((param) => param.name)).toEqual(["name", "contacts[0].name", "k\u0007", "ok", "bad"]);
    for (const path of ["/v1/projects/%00", "/v1/projects/a%E2%80%AEb", "/v1/search?q=%1B%5B2J", "/v1/search?q=%FF"]) {
      const response = await buildApp().request(path, { headers: await bearer() });
      expect(response.status, path).toBe(400);
    }
    expect(handled.length).toBe(before);
    // Line feeds, tabs and CR LF in a body are text; the route sees the body exactly as sent.
    const raw = JSON.stringify({ note: "一行\r\n二行\t", name: "Cafe\u0301" });
    const echoed = await post(raw, {}, "/v1/raw");
    expect(echoed.status).toBe(200);
    expect(await echoed.text()).toBe(raw);
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
    const app = createHttpApp({
      service: "http-test",
      region,
      tokens: new TokenVerifier(keys),
      accessRules: { ...accessRules, "GET /v1/projects/:id": open },
      logger: capturing,
      readiness: new Readiness({ logger: capturing }),
      prometheusText: async () => "",
    });
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

describe("a browser session (HttpAppOptions.session)", () => {
  const sessionApp = () => {
    const app = createHttpApp({
      service: "http-test",
      region,
      tokens: new TokenVerifier(keys),
      accessRules: { "GET /pages/me": { action: "read", allow: { steward: "region" } }, "POST /pages/me": { action: "write", allow: { steward: "region" } } },
      session: { cookie: "test_session", signInPath: "/pages/sign-in" },
      formRoutes: ["POST /pages/me"],
      logger,
      readiness: new Readiness({ logger }),
      prometheusText: async () => "",
    });
    app.get("/pages/me", (c) => c.text(c.get("principal").subject));
    app.post("/pages/me", (c) => c.text("saved"));
    return app;
  };
  const token = (principal: Omit<Principal, "region">, other = region) => signDevToken(keys, { region: other, ...principal });

  it("takes the token from the cookie and applies the table as for a bearer token", async () => {
    const app = sessionApp();
    const own = await app.request("/pages/me", { headers: { cookie: `test_session=${await token({ subject: "steward-1", role: "steward" })}` } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe("steward-1");
    // A role the table does not allow, or another region's token, is refused, cookie or not.
    expect((await app.request("/pages/me", { headers: { cookie: `test_session=${await token({ subject: "e", role: "enterprise", creditCode: "91610900MA70000036" })}` } })).status).toBe(403);
    expect((await app.request("/pages/me", { headers: { cookie: `test_session=${await token({ subject: "steward-1", role: "steward" }, "shiquan")}` } })).status).toBe(403);
  });

  it("sends a browser without a valid session to sign in, and answers a tool (or a form post) 401", async () => {
    const app = sessionApp();
    const none = await app.request("/pages/me");
    expect(none.status).toBe(303);
    expect(none.headers.get("location")).toBe("/pages/sign-in");
    expect((await app.request("/pages/me", { headers: { cookie: "test_session=forged" } })).status).toBe(303);
    expect((await app.request("/pages/me", { headers: { authorization: "Bearer forged" } })).status).toBe(401);
    const post = await app.request("/pages/me", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=b" });
    expect(post.status).toBe(401);
  });
});
