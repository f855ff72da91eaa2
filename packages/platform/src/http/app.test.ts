import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import { AppErrorException, invalidArgument, notFound, raise } from "../errors/index.js";
import { createLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { authenticate, createHttpApp, readJsonBody, type ReadinessCheck } from "./app.js";

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
    const app = createHttpApp({ logger, readiness: [], prometheusText: async () => "", messages: { PROJECT_DUPLICATE: "该项目已登记（项目编号 {projectId}）" } });
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
