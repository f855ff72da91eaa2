import { fileURLToPath } from "node:url";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { createHttpApp } from "@steward/platform/http";
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
    logger: createLogger({ service: "intake", region: appRegion, level: "silent" }),
    readiness: [],
    prometheusText: async () => "",
    authentication: { tokens: new TokenVerifier(keys), region: appRegion },
  });
  registerRoutes(app, sql, appRegion);
  return app;
}

const auth = async (principal: Partial<Principal> = {}) => ({
  authorization: `Bearer ${await signDevToken(keys, { subject: "ent:ankang", region, role: "enterprise", ...principal })}`,
});

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

  // Issue 8: a NUL in name, enterpriseName or contactName answered 500 (Postgres refuses the
  // byte); control characters were stored as given; the body had no size limit or media type.
  it("refuses control characters in any text field with 400 naming each, and writes nothing", async () => {
    for (const field of ["name", "enterpriseName", "contactName", "industryChain"]) {
      for (const hostile of ["钢铁\u0000厂", "\u001b[2J项目", "响铃\u0007", "删除\u007f"]) {
        const response = await post(appFor(region), registration({ [field]: hostile }));
        expect(response.status, `${field}: ${JSON.stringify(hostile)}`).toBe(400);
        expect((await problemOf(response))["invalid-params"]?.map((p) => p.name)).toEqual([field]);
      }
    }
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("stores text in NFC", async () => {
    const response = await post(appFor(region), registration({ contactName: "Jose\u0301" }));
    expect(response.status).toBe(201);
    const [row] = await sql<{ contact_name: string }[]>`select contact_name from projects`;
    expect(row!.contact_name).toBe("José");
  });

  it("answers a body that is not JSON 415 and one above the size limit 413, writing nothing", async () => {
    const app = appFor(region);
    const plain = await app.request("/v1/projects", { method: "POST", headers: { "content-type": "text/plain", ...(await auth()) }, body: JSON.stringify(registration()) });
    expect(plain.status).toBe(415);
    const huge = await post(app, registration({ name: "项".repeat(1 << 20) }));
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual({ projects: 0, outbox: 0 });
  });

  it("refuses a second project with the same investment code with 409", async () => {
    const app = appFor(region);
    expect((await post(app, registration())).status).toBe(201);
    const response = await post(app, registration({ name: "Another project", creditCode: creditCode("91610900MA7000002") }));
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
