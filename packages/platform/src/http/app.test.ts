import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import { AppErrorException, invalidArgument, notFound, raise } from "../errors/index.js";
import { createLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { createHttpApp, listenHttp, readJsonBody, undeclaredRoutes, type ReadinessCheck } from "./app.js";

const region = "hanbin";
const keys = { secret: "http-app-test-secret-0123456789abcdefgh" };
const logger = createLogger({ service: "http-test", region, level: "silent" });

let telemetry: Telemetry;
beforeAll(() => {
  // Before any app: the duration histogram comes from the global meter provider.
  telemetry = startTelemetry({ serviceName: "http-test", region, otlpEndpoint: undefined });
});
afterAll(() => telemetry.shutdown());

function buildApp(readiness: ReadinessCheck[] = []) {
  const app = createHttpApp({ logger, readiness, prometheusText: async () => "# metrics\n", maxBodyBytes: 2048, authentication: { tokens: new TokenVerifier(keys), region } });
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
  app.get("/v1/me", (c) => c.json(c.get("principal")));
  app.get("/v1/projects/:id", (c) => c.json({ id: c.req.param("id") }));
  // Bound to IntakeService.RegisterProject by the contract: its field rules admit the body.
  app.post("/v1/projects", async (c) => {
    handled++;
    return c.json(await readJsonBody(c), 201);
  });
  return app;
}

/** Calls that reached a handler behind the contract's admission. */
let handled = 0;

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { type: string; title: string; status: number; detail?: string; instance?: string; "invalid-params"?: { name: string; reason: string }[] };
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

  it("answers /readyz 503 naming the failing check, 200 when all pass", async () => {
    let databaseUp = false;
    const app = buildApp([
      { name: "postgres", check: () => databaseUp },
      { name: "nats", check: async () => true },
    ]);
    const down = await app.request("/readyz");
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "not ready", checks: { postgres: false, nats: true } });

    databaseUp = true;
    const up = await app.request("/readyz");
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ready", checks: { postgres: true, nats: true } });
  });

  it("counts a throwing readiness check as not ready", async () => {
    const app = buildApp([
      { name: "sync-throw", check: () => { throw new Error("no connection"); } },
      { name: "async-throw", check: async () => { throw new Error("no connection"); } },
    ]);
    const response = await app.request("/readyz");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not ready", checks: { "sync-throw": false, "async-throw": false } });
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

describe("what an API request must be before any handler reads it (issue 8)", () => {
  const post = async (body: string, headers: Record<string, string> = {}, path = "/v1/projects") =>
    buildApp().request(path, { method: "POST", body, headers: { "content-type": "application/json", ...(await bearer()), ...headers } });

  it("answers a body that is not JSON 415, whatever it holds", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "multipart/form-data; boundary=x"]) {
      const response = await post(JSON.stringify({ name: "x" }), { "content-type": contentType });
      expect(response.status, contentType).toBe(415);
      expect((await problemOf(response)).title).toBe("Unsupported media type");
    }
    const unlabelled = await buildApp().request("/echo", { method: "POST", body: "{}" });
    expect(unlabelled.status).toBe(415);
    expect((await post(JSON.stringify({ name: "x" }), { "content-type": "application/json; charset=UTF-8" })).status).toBe(201);
    expect((await post(JSON.stringify({ name: "x" }), { "content-type": "application/merge-patch+json" })).status).toBe(201);
  });

  it("answers a body above the limit 413, declared or streamed", async () => {
    const large = JSON.stringify({ name: "x".repeat(4096) });
    const declared = await post(large);
    expect(declared.status).toBe(413);
    expect((await problemOf(declared)).title).toBe("Content too large");
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(512)));
        controller.close();
      },
    });
    const streamed = await buildApp().request("/v1/projects", { method: "POST", body: stream, headers: { "content-type": "application/json", ...(await bearer()) }, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("closes the connection after a 413, so a keep-alive client's next request is not lost on it", async () => {
    const server = await listenHttp(buildApp(), "127.0.0.1", 0);
    try {
      const headers = { "content-type": "application/json", ...(await bearer()) };
      const url = `http://127.0.0.1:${server.port}/v1/projects`;
      const statuses = await Promise.all(
        Array.from({ length: 24 }, async (_, index) => {
          const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ name: index % 3 === 0 ? "x".repeat(1 << 20) : "ok" }) });
          expect(response.headers.get("connection") ?? "", String(index)).toMatch(index % 3 === 0 ? /close/ : /.*/);
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

  it("holds the body and the path to the bound request's field rules, naming JSON fields, before the handler runs", async () => {
    const before = handled;
    const refused = await post(JSON.stringify({ name: "钢铁\u0000厂", enterpriseName: "\u001b[31m", contactName: "ok" }));
    expect(refused.status).toBe(400);
    expect((await problemOf(refused))["invalid-params"]?.map((param) => param.name)).toEqual(["name", "enterpriseName"]);
    const path = await buildApp().request("/v1/projects/%00", { headers: await bearer() });
    expect(path.status).toBe(400);
    expect((await problemOf(path))["invalid-params"]?.[0]?.name).toBe("id");
    expect(handled).toBe(before);

    const admitted = await post(JSON.stringify({ name: "Cafe\u0301", extra: 1 }));
    expect(admitted.status).toBe(201);
    expect(await admitted.json()).toEqual({ name: "Café", extra: 1 });
  });

  it("authenticates before it reads the request", async () => {
    const response = await buildApp().request("/v1/projects", { method: "POST", body: '{"name": "\u0000', headers: { "content-type": "application/json" } });
    expect(response.status).toBe(401);
  });

  it("finds every route the contract does not declare for the served services, and every declared one not served", () => {
    const app = buildApp();
    expect(undeclaredRoutes(app, ["steward.intake.v1.IntakeService"])).toEqual([
      "POST /echo is served but has no google.api.http binding in the contract",
      "GET /invalid is served but has no google.api.http binding in the contract",
      "GET /missing is served but has no google.api.http binding in the contract",
      "GET /crash is served but has no google.api.http binding in the contract",
      "GET /bad-stored-json is served but has no google.api.http binding in the contract",
      "GET /v1/me is served but has no google.api.http binding in the contract",
    ]);
    expect(undeclaredRoutes(createHttpApp({ logger, readiness: [], prometheusText: async () => "" }), ["steward.intake.v1.IntakeService"])).toEqual([
      "POST /v1/projects (steward.intake.v1.IntakeService.RegisterProject) is declared but not served",
      "GET /v1/projects/{id} (steward.intake.v1.IntakeService.GetProject) is declared but not served",
    ]);
  });
});

describe("HTTP metrics", () => {
  it("labels steward_http_server_duration by route pattern, so ids and unknown paths do not multiply series", async () => {
    const app = buildApp();
    const headers = await bearer();
    for (const id of ["p-1", "p-2", "p-3"]) expect((await app.request(`/v1/projects/${id}`, { headers })).status).toBe(200);
    for (const path of ["/scan/a", "/scan/b"]) expect((await app.request(path)).status).toBe(404);
    const text = await (await app.request("/metrics")).text();
    expect(text).toBe("# metrics\n"); // the app serves what it is given
    const series = (await telemetry.prometheusText()).split("\n").filter((line) => line.startsWith("steward_http_server_duration_count{"));
    const projects = series.find((line) => line.includes('http_route="/v1/projects/:id"') && line.includes('http_response_status_code="200"'));
    expect(projects?.split(" ").at(-1)).toBe("3");
    expect(series.join("\n")).not.toMatch(/p-1|p-2|\/scan\//);
  });
});
