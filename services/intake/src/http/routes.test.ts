import { fileURLToPath } from "node:url";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { createHttpApp, undeclaredRoutes } from "@steward/platform/http";
import { createLogger } from "@steward/platform/logging";
import { createTestDatabase, testAuthSecret, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "../domain/credit-code.js";
import { registerRoutes } from "./routes.js";

const region = "hanbin";
const otherRegion = "xunyang";
const keys = { secret: testAuthSecret };
const migrationsDir = fileURLToPath(new URL("../db/migrations", import.meta.url));

const creditCode = (body17: string) => `${body17}${creditCodeCheckCharacter(body17)}`;
const validCreditCode = creditCode("91610900MA7000001");

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: "  Hanbin new materials park  ",
  enterpriseName: "Ankang New Materials Co., Ltd.",
  creditCode: validCreditCode,
  investmentCode: "2024-610902-30-03-000123",
  investmentWanYuan: 52000,
  industryChain: "new materials",
  contactName: "Wang Fang",
  contactPhone: "13812345678",
  ...overrides,
});

let db: TestDatabase;
let sql: Sql;

function appFor(appRegion: string) {
  const app = createHttpApp({
    service: "intake",
    region: appRegion,
    tokens: new TokenVerifier(keys),
    logger: createLogger({ service: "intake", region: appRegion, level: "silent" }),
    readiness: [],
    prometheusText: async () => "",
  });
  registerRoutes(app, sql, appRegion);
  return app;
}

/** The enterprise of validCreditCode unless told otherwise; staff tokens carry no credit code. */
const auth = async (principal: Partial<Principal> = {}) => {
  const role = principal.role ?? "enterprise";
  const creditCode = role === "enterprise" ? (principal.creditCode ?? validCreditCode) : undefined;
  return { authorization: `Bearer ${await signDevToken(keys, { subject: "ent:ankang", region, ...principal, role, ...(creditCode ? { creditCode } : {}) })}` };
};

async function post(app: ReturnType<typeof appFor>, body: unknown, principal: Partial<Principal> = {}) {
  return app.request("/v1/projects", {
    method: "POST",
    headers: { "content-type": "application/json", ...(await auth(principal)) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function counts() {
  const [row] = await sql<{ projects: number; outbox: number }[]>`
    select (select count(*)::int from projects) as projects, (select count(*)::int from outbox) as outbox`;
  return row!;
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number; detail?: string; "invalid-params"?: { name: string; reason: string }[] };
}

beforeAll(async () => {
  db = await createTestDatabase("intake_routes");
  await migrate({ databaseUrl: db.url, dir: migrationsDir });
  sql = createDatabase({ url: db.url, poolMax: 8, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000, applicationName: "intake-routes-test" });
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

beforeEach(async () => {
  await sql`truncate projects, outbox`;
});

describe("POST /v1/projects", () => {
  it("registers a project: 201 with the phone masked, one row and one outbox event", async () => {
    const response = await post(appFor(region), registration());
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      region,
      name: "Hanbin new materials park",
      creditCode: validCreditCode,
      investmentCode: "2024-610902-30-03-000123",
      investmentWanYuan: 52000,
      contactPhone: "138****5678",
    });
    expect(JSON.stringify(body)).not.toContain("13812345678");
    expect(response.headers.get("location")).toBe(`/v1/projects/${body.id as string}`);

    const rows = await sql`select id, region, contact_phone, registered_by from projects`;
    expect(rows).toEqual([{ id: body.id, region, contact_phone: "13812345678", registered_by: "ent:ankang" }]);
    const events = await sql<{ region: string; event_type: string; payload: Buffer; published_at: Date | null }[]>`select region, event_type, payload, published_at from outbox`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ region, published_at: null });
    expect(events[0]!.event_type).toMatch(/project.registered/i);
    // The event carries no personal data.
    expect(events[0]!.payload.toString("latin1")).not.toContain("13812345678");

    const fetched = await appFor(region).request(`/v1/projects/${body.id as string}`, { headers: await auth() });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(body);
  });

  it("refuses an invalid credit code with 400 naming creditCode and writes nothing", async () => {
    const bad = `${validCreditCode.slice(0, 17)}${validCreditCode.endsWith("0") ? "1" : "0"}`;
    const response = await post(appFor(region), registration({ creditCode: bad }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem["invalid-params"]?.map((p) => p.name)).toEqual(["creditCode"]);
    expect(problem["invalid-params"]?.[0]?.reason).toMatch(/check character/);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("reports every bad field at once", async () => {
    const response = await post(appFor(region), registration({ contactPhone: "138-1234-5678", investmentWanYuan: -1, name: "   " }));
    expect(response.status).toBe(400);
    expect((await problemOf(response))["invalid-params"]?.map((p) => p.name).sort()).toEqual(["contactPhone", "investmentWanYuan", "name"]);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("answers a malformed JSON body with 400 problem+json", async () => {
    const response = await post(appFor(region), '{"name": "x",');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).status).toBe(400);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("refuses a second project with the same investment code with 409", async () => {
    const app = appFor(region);
    expect((await post(app, registration())).status).toBe(201);
    const other = creditCode("91610900MA7000002");
    const response = await post(app, registration({ name: "Another project", creditCode: other }), { creditCode: other });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).detail).toContain("2024-610902-30-03-000123");
    expect(await counts()).toEqual({ projects: 1, outbox: 1 });
    // Projects without an investment code yet are not duplicates of each other.
    expect((await post(app, registration({ investmentCode: "" }))).status).toBe(201);
    expect((await post(app, registration({ investmentCode: undefined }))).status).toBe(201);
  });

  it("answers 409, not 500, when the same investment code is registered concurrently", async () => {
    const app = appFor(region);
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(app, registration({ investmentCode: "2024-610902-30-03-000999" }))));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(await counts()).toEqual({ projects: 1, outbox: 1 });
  });

  it("lets the same investment code be registered in another region", async () => {
    expect((await post(appFor(region), registration())).status).toBe(201);
    expect((await post(appFor(otherRegion), registration(), { region: otherRegion })).status).toBe(201);
  });

  it("refuses an enterprise token of another region with 403", async () => {
    const response = await post(appFor(region), registration(), { region: otherRegion });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).status).toBe(403);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("refuses a request without a token with 401 and a role that may not register with 403", async () => {
    const anonymous = await appFor(region).request("/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(registration()) });
    expect(anonymous.status).toBe(401);
    expect((await post(appFor(region), registration(), { role: "department", department: "fgw" })).status).toBe(403);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });
});

describe("an enterprise reaches its own projects only", () => {
  const otherCode = creditCode("91610900MA7000003");

  it("refuses an enterprise registering under another credit code with 403 and writes nothing; staff may", async () => {
    const response = await post(appFor(region), registration({ creditCode: otherCode }));
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toMatch(/own credit code/);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
    expect((await post(appFor(region), registration({ creditCode: otherCode }), { role: "steward" })).status).toBe(201);
  });

  it("answers 404 for another enterprise's project, as for one that does not exist; staff of the region read both", async () => {
    const mine = (await (await post(appFor(region), registration())).json()) as { id: string };
    const theirs = (await (await post(appFor(region), registration({ creditCode: otherCode, investmentCode: "" }), { creditCode: otherCode })).json()) as { id: string };
    const app = appFor(region);
    expect((await app.request(`/v1/projects/${mine.id}`, { headers: await auth() })).status).toBe(200);
    const refused = await app.request(`/v1/projects/${theirs.id}`, { headers: await auth() });
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(otherCode);
    expect((await app.request(`/v1/projects/${theirs.id}`, { headers: await auth({ creditCode: otherCode }) })).status).toBe(200);
    for (const role of ["steward", "admin", "operator"] as const) {
      expect((await app.request(`/v1/projects/${theirs.id}`, { headers: await auth({ role }) })).status, role).toBe(200);
    }
    for (const principal of [{ role: "department", department: "zrzy" }, { role: "liaison", department: "zrzy" }, { role: "service" }] as const) {
      expect((await app.request(`/v1/projects/${theirs.id}`, { headers: await auth(principal) })).status, principal.role).toBe(403);
    }
  });

  it("declares every route in the access table", () => {
    expect(undeclaredRoutes(appFor(region))).toEqual([]);
  });
});

describe("GET /v1/projects/:id", () => {
  it("answers 404 for a project of another region", async () => {
    const created = await post(appFor(otherRegion), registration(), { region: otherRegion });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const response = await appFor(region).request(`/v1/projects/${id}`, { headers: await auth() });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).not.toContain("Ankang");
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const app = appFor(region);
    expect((await app.request("/v1/projects/6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", { headers: await auth() })).status).toBe(404);
    for (const id of ["not-a-uuid", "-".repeat(36), "6f1c2d3e4a5b4c6d8e7f9a0b1c2d3e4f----"]) {
      const response = await app.request(`/v1/projects/${id}`, { headers: await auth() });
      expect(response.status, id).toBe(400);
      expect((await problemOf(response))["invalid-params"]?.[0]?.name).toBe("id");
    }
  });
});
