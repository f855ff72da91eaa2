import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { addMonths, buildHolidaySchedule, civilDateOf, officialCalendar } from "@steward/calendar";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { newEvent } from "@steward/platform/events";
import { createHttpApp } from "@steward/platform/http";
import { createLogger } from "@steward/platform/logging";
import { createTestDatabase, testAuthSecret, type TestDatabase } from "@steward/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import messages from "../../messages/zh-CN.json" with { type: "json" };
import { creditCodeCheckCharacter } from "../domain/credit-code.js";
import { clockRules } from "../domain/reply-clocks.js";
import { recordCreditBar } from "../events/credit-bars-consumer.js";
import { intakeApi, openApiDocument, registerIntakeHttp } from "./app.js";

/** The parts of an OpenAPI 3.1 document the bounds test reads. */
interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const region = "hanbin";
const otherRegion = "xunyang";
const keys = { secret: testAuthSecret };
const migrationsDir = fileURLToPath(new URL("../db/migrations", import.meta.url));
const hotlineSecret = `whsec_${Buffer.from("intake-test-hotline-secret-0123456789").toString("base64")}`;

const creditCode = (body17: string) => `${body17}${creditCodeCheckCharacter(body17)}`;
const enterpriseA = creditCode("91610900MA7000001");
const enterpriseB = creditCode("91610900MA7000002");

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: "  Hanbin new materials park  ",
  enterpriseName: "Ankang New Materials Co., Ltd.",
  creditCode: enterpriseA,
  investmentCode: "2024-610902-30-03-000123",
  investmentWanYuan: "52000.25",
  industryChain: "new materials",
  contactName: "Wang Fang",
  contactPhone: "13812345678",
  ...overrides,
});

let db: TestDatabase;
let sql: Sql;
/** The instant the tests act at: Monday 2026-03-02, 10:00 in Asia/Shanghai. */
let now = new Date("2026-03-02T02:00:00Z");

function appFor(appRegion: string) {
  const app = createHttpApp({
    service: "intake",
    region: appRegion,
    tokens: new TokenVerifier(keys),
    logger: createLogger({ service: "intake", region: appRegion, level: "silent" }),
    readiness: { report: () => ({ ready: true, draining: false, components: {} }) },
    prometheusText: async () => "",
    messages,
  });
  const schedule = buildHolidaySchedule({ official: officialCalendar });
  registerIntakeHttp(app, { sql, region: appRegion, rules: clockRules, schedule: async () => schedule, now: () => now, routing: undefined }, { hotlineSecret });
  return app;
}

const enterpriseOf = (code: string): Partial<Principal> => ({ subject: `ent:${code}`, role: "enterprise", creditCode: code });
const steward: Partial<Principal> = { subject: "steward-1", role: "steward" };
const admin: Partial<Principal> = { subject: "admin-1", role: "admin" };

async function headers(principal: Partial<Principal>) {
  return { "content-type": "application/json", authorization: `Bearer ${await signDevToken(keys, { subject: "x", region, role: "enterprise", ...principal } as Principal)}` };
}

async function call(method: string, path: string, principal: Partial<Principal>, body?: unknown, app = appFor(region)) {
  return app.request(path, { method, headers: await headers(principal), ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
}

async function counts() {
  const [row] = await sql<Record<string, number>[]>`
    select (select count(*)::int from projects) as projects, (select count(*)::int from enterprises) as enterprises,
           (select count(*)::int from outbox) as outbox, (select count(*)::int from ledger) as ledger,
           (select count(*)::int from complaints) as complaints, (select count(*)::int from hotline_tickets) as tickets`;
  return row!;
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number; code: string; message: string; detail?: string; "invalid-params"?: { name: string; reason: string }[] };
}

async function register(overrides: Record<string, unknown> = {}, principal: Partial<Principal> = steward) {
  const response = await call("POST", "/v1/projects", principal, registration(overrides));
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; enterpriseId: string; version: number; contactPhone: string };
}

beforeAll(async () => {
  db = await createTestDatabase("intake_http");
  await migrate({ databaseUrl: db.url, dir: migrationsDir });
  sql = createDatabase({ url: db.url, poolMax: 8, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000, applicationName: "intake-http-test" });
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

beforeEach(async () => {
  now = new Date("2026-03-02T02:00:00Z");
  await sql`truncate hotline_deliveries, hotline_inbound_messages, hotline_tickets, complaints, service_requests, projects, enterprise_credit_bars, enterprises, outbox cascade`;
});

describe("the OpenAPI document and the docs page", () => {
  it("is a valid OpenAPI 3.1 document naming every route", async () => {
    const document = openApiDocument(intakeApi({ sql, region, rules: clockRules, schedule: async () => buildHolidaySchedule({}), now: () => now, routing: undefined }, { hotlineSecret }));
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect((validated as { openapi?: string }).openapi).toBe("3.1.0");
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(
      [
        "/v1/complaints",
        "/v1/complaints/{id}",
        "/v1/complaints/{id}/answer",
        "/v1/complaints/{id}/escalate",
        "/v1/enterprises",
        "/v1/enterprises/{id}",
        "/v1/hotline-tickets",
        "/v1/hotline-tickets/{id}",
        "/v1/hotline-tickets/{id}/answer",
        "/v1/hotline-tickets/{id}/link",
        "/v1/projects",
        "/v1/projects/{id}",
        "/v1/projects/{id}/history",
        "/v1/projects/{id}/progress",
        "/v1/projects/{id}/requests",
        "/v1/requests",
        "/v1/requests/{id}",
        "/v1/requests/{id}/answer",
        "/webhooks/hotline",
      ].sort(),
    );
    const served = await appFor(region).request("/openapi.json");
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  // Issue 8: a field without a length limit took 1 MiB. Every string a caller can send has a
  // bound in the document (a length, a pattern, a format or a set of values), every list a count.
  it("bounds every string and every list a caller can send, so a field added tomorrow without one fails here", () => {
    const document = openApiDocument(intakeApi({ sql, region, rules: clockRules, schedule: async () => buildHolidaySchedule({}), now: () => now, routing: undefined }, { hotlineSecret })) as unknown as OpenApi;
    const unbounded: string[] = [];
    const visit = (schema: JsonSchema | undefined, where: string, seen: Set<string>) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.replace("#/components/schemas/", "");
        if (!seen.has(name)) visit(document.components?.schemas?.[name], where, new Set([...seen, name]));
        return;
      }
      for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(option, where, seen);
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (types.includes("string") && schema.maxLength === undefined && !schema.enum && schema.const === undefined && !schema.pattern && !schema.format) unbounded.push(`${where}: a string without maxLength, pattern, format or enum`);
      if (types.includes("array") && schema.maxItems === undefined) unbounded.push(`${where}: a list without maxItems`);
      for (const [property, value] of Object.entries(schema.properties ?? {})) visit(value, `${where}.${property}`, seen);
      if (schema.items) visit(schema.items, `${where}[]`, seen);
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          // The 12345 link's signature headers are checked by their signature, byte for byte.
          if (parameter.in !== "header") visit(parameter.schema, `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`, new Set());
        }
        visit(operation.requestBody?.content?.["application/json"]?.schema, `${method.toUpperCase()} ${path} body`, new Set());
      }
    }
    expect(unbounded).toEqual([]);
  });

  it("documents every route the service serves, so that every route is fuzzed and bounded", () => {
    const app = appFor(region);
    const document = openApiDocument(intakeApi({ sql, region, rules: clockRules, schedule: async () => buildHolidaySchedule({}), now: () => now, routing: undefined }, { hotlineSecret })) as unknown as OpenApi;
    const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`)));
    const ownRoutes = new Set(["/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/assets/init.js", "/docs/assets/:file"]);
    const served = app.routes.filter((route) => route.method !== "ALL" && !ownRoutes.has(route.path)).map((route) => `${route.method} ${route.path}`);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("serves the docs page with every asset from the service itself", async () => {
    const app = appFor(region);
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset, "no CDN: a path of this service").toMatch(/^\/docs\/assets\//);
      const response = await app.request(asset);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(20);
    }
    expect(await (await app.request("/docs/assets/init.js")).text()).toContain('"/openapi.json"');
  });
});

describe("projects", () => {
  it("registers a project with its enterprise: exact decimal, masked phone, rows, ledger and events", async () => {
    const response = await call("POST", "/v1/projects", enterpriseOf(enterpriseA), registration());
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ name: "Hanbin new materials park", creditCode: enterpriseA, investmentWanYuan: "52000.25", divisionCode: "610902", stage: "registered", keyProject: false, contactPhone: "138****5678" });
    expect(JSON.stringify(body)).not.toContain("13812345678");
    const events = await sql<{ event_type: string; payload: Buffer }[]>`select event_type, payload from outbox order by seq`;
    expect(events.map((event) => event.event_type)).toEqual(["intake.enterprise.registered", "intake.project.registered"]);
    for (const event of events) expect(event.payload.toString("latin1")).not.toContain("13812345678");
    const [row] = await sql<{ investment_wan_yuan: string }[]>`select investment_wan_yuan::text from projects`;
    expect(row!.investment_wan_yuan).toBe("52000.2500");
    // Staff see the phone they must call.
    expect(((await (await call("GET", `/v1/projects/${body.id as string}`, steward)).json()) as { contactPhone: string }).contactPhone).toBe("13812345678");
  });

  // Issue 8: a NUL in name, enterpriseName or contactName answered 500 (Postgres refuses the byte),
  // control characters were stored as given, and the body had no media type or size limit.
  it("refuses control characters in any text field with 400 naming it, and writes nothing", async () => {
    const before = await counts();
    const answers: string[] = [];
    const expected: string[] = [];
    let attempt = 0;
    for (const field of ["name", "enterpriseName", "contactName", "industryChain"]) {
      for (const hostile of ["钢铁\u0000厂", "\u001b[2J项目", "响铃\u0007", "删除\u007f", "换\n行", "a\u202Eb"]) {
        // A registration of its own each time, of an enterprise not yet on record (whose name is
        // written), so one that got through is no duplicate of the next.
        attempt++;
        const serial = String(attempt).padStart(6, "0");
        const unique = { name: `Hanbin park ${attempt}`, investmentCode: `2024-610902-30-03-${serial}`, creditCode: creditCode(`91610900MA8${serial}`) };
        const response = await call("POST", "/v1/projects", steward, registration({ ...unique, [field]: hostile }));
        const named = response.status === 400 ? ((await problemOf(response))["invalid-params"]?.map((p) => p.name).join(",") ?? "") : "";
        answers.push(`${field} ${JSON.stringify(hostile)}: ${response.status} ${named}`.trim());
        expected.push(`${field} ${JSON.stringify(hostile)}: 400 ${field}`);
      }
    }
    expect(answers).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it("stores text in NFC, and keeps line breaks where the field is prose", async () => {
    const project = await register({ contactName: "Jose\u0301" });
    const [row] = await sql<{ contact_name: string }[]>`select contact_name from projects where id = ${project.id}`;
    expect(row!.contact_name).toBe("José");
    const request = await call("POST", `/v1/projects/${project.id}/requests`, steward, { category: "policy", title: "一行标题", content: "第一段\r\n第二段\t完" });
    expect(request.status).toBe(201);
    expect(((await request.json()) as { content: string }).content).toBe("第一段\n第二段\t完");
    const twoLineTitle = await call("POST", `/v1/projects/${project.id}/requests`, steward, { category: "policy", title: "两\n行", content: "c" });
    expect((await problemOf(twoLineTitle))["invalid-params"]?.map((p) => p.name)).toEqual(["title"]);
  });

  it("answers a body that is not JSON 415 and one above the size limit 413, writing nothing", async () => {
    const before = await counts();
    const app = appFor(region);
    const plain = await app.request("/v1/projects", { method: "POST", headers: { ...(await headers(steward)), "content-type": "text/plain" }, body: JSON.stringify(registration()) });
    expect(plain.status).toBe(415);
    const huge = await call("POST", "/v1/projects", steward, registration({ name: "项".repeat(1 << 20) }), app);
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input naming every field, in zh-CN too, and writes nothing", async () => {
    const before = await counts();
    const bad = `${enterpriseA.slice(0, 17)}${enterpriseA.endsWith("0") ? "1" : "0"}`;
    const response = await call("POST", "/v1/projects", steward, registration({ creditCode: bad, contactPhone: "138-1234-5678", investmentWanYuan: "1.23456", name: "  " }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem["invalid-params"]?.map((p) => p.name).sort()).toEqual(["contactPhone", "creditCode", "investmentWanYuan", "name"]);
    expect(problem.code).toBe("INVALID_ARGUMENT");
    expect(problem.message).toMatch(/^请求内容有误/);
    expect(problem.message).toContain("creditCode");
    expect((await problemOf(await call("POST", "/v1/projects", steward, '{"name": "x",'))).code).toBe("MALFORMED_REQUEST");
    // The ledger is append-only (never truncated between tests): nothing was added to it.
    expect(await counts()).toEqual({ ...before, projects: 0, enterprises: 0, outbox: 0 });
  });

  it("finds duplicates by credit code with the same investment code or name, and answers 409 with its code", async () => {
    const first = await register();
    const again = await call("POST", "/v1/projects", steward, registration({ investmentCode: "", name: "HANBIN  New-Materials Park" }));
    expect(again.status).toBe(409);
    const problem = await problemOf(again);
    expect(problem.code).toBe("PROJECT_DUPLICATE");
    expect(problem.message).toContain(first.id);
    const sameCode = await call("POST", "/v1/projects", steward, registration({ name: "Another line" }));
    expect((await problemOf(sameCode)).code).toBe("PROJECT_DUPLICATE");
    // Another enterprise cannot take the investment code either.
    expect((await problemOf(await call("POST", "/v1/projects", steward, registration({ creditCode: enterpriseB, name: "B's" })))).code).toBe("INVESTMENT_CODE_TAKEN");
    expect(await counts()).toMatchObject({ projects: 1, enterprises: 1 });
    await register({ name: "Second phase", investmentCode: "" });
  });

  it("answers 409, not 500, when one enterprise registers the same project concurrently", async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => call("POST", "/v1/projects", steward, registration())));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await counts()).toMatchObject({ projects: 1, enterprises: 1 });
  });

  it("updates with history, refuses a stale version, and keeps personal values out of the history", async () => {
    const project = await register();
    const updated = await call("PATCH", `/v1/projects/${project.id}`, steward, { version: 1, investmentWanYuan: "60000", keyProject: true, contactPhone: "13900001111" });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ investmentWanYuan: "60000", keyProject: true, version: 2 });
    expect((await problemOf(await call("PATCH", `/v1/projects/${project.id}`, steward, { version: 1, name: "late" }))).code).toBe("VERSION_CONFLICT");
    const history = (await (await call("GET", `/v1/projects/${project.id}/history`, steward)).json()) as { entries: { action: string; details: { changes?: { field: string; from: string; to: string }[] } }[] };
    expect(history.entries.map((entry) => entry.action)).toEqual(["project.registered", "project.updated"]);
    expect(history.entries[1]!.details.changes).toEqual([
      { field: "investmentWanYuan", from: "52000.25", to: "60000" },
      { field: "contactPhone", from: "(personal data)", to: "(personal data)" },
      { field: "keyProject", from: "false", to: "true" },
    ]);
    expect(JSON.stringify(history)).not.toContain("13900001111");
    // An enterprise may not put itself on the key-project list.
    expect((await problemOf(await call("PATCH", `/v1/projects/${project.id}`, enterpriseOf(enterpriseA), { version: 2, keyProject: false }))).code).toBe("KEY_PROJECT_STAFF_ONLY");
  });

  it("searches by name, code, division, stage, key-project flag and steward", async () => {
    await register({ keyProject: true });
    await register({ creditCode: enterpriseB, enterpriseName: "B Co.", name: "Pingli tea factory", investmentCode: "2024-610926-14-03-000001" });
    const search = async (query: string) => ((await (await call("GET", `/v1/projects?${query}`, steward)).json()) as { items: { name: string }[] }).items.map((p) => p.name);
    expect(await search("q=tea")).toEqual(["Pingli tea factory"]);
    expect(await search("divisionCode=610926")).toEqual(["Pingli tea factory"]);
    expect(await search("keyProject=true")).toEqual(["Hanbin new materials park"]);
    expect(await search("stage=registered")).toHaveLength(2);
    expect(await search("stewardId=nobody")).toEqual([]);
    expect(await search(`investmentCode=2024-610902-30-03-000123`)).toEqual(["Hanbin new materials park"]);
    expect((await call("GET", "/v1/projects?stage=flying", steward)).status).toBe(400);
  });
});

describe("scoping across two enterprises", () => {
  it("shows an enterprise its own projects and enterprise only, and refuses acting for another", async () => {
    const a = await register({}, enterpriseOf(enterpriseA));
    const b = await register({ creditCode: enterpriseB, enterpriseName: "B Co.", name: "B plant", investmentCode: "" }, enterpriseOf(enterpriseB));
    const listA = (await (await call("GET", "/v1/projects?creditCode=" + enterpriseB, enterpriseOf(enterpriseA))).json()) as { items: { id: string }[] };
    expect(listA.items.map((p) => p.id)).toEqual([a.id]);
    expect((await call("GET", `/v1/projects/${b.id}`, enterpriseOf(enterpriseA))).status).toBe(404);
    expect((await call("GET", `/v1/enterprises/${b.enterpriseId}`, enterpriseOf(enterpriseA))).status).toBe(404);
    expect((await call("PATCH", `/v1/projects/${b.id}`, enterpriseOf(enterpriseA), { version: 1, name: "hijacked" })).status).toBe(404);
    const forOther = await call("POST", "/v1/projects", enterpriseOf(enterpriseA), registration({ creditCode: enterpriseB, name: "on B's behalf", investmentCode: "" }));
    expect((await problemOf(forOther)).code).toBe("CREDIT_CODE_MISMATCH");
    expect((await call("POST", `/v1/projects/${b.id}/requests`, enterpriseOf(enterpriseA), { category: "policy", title: "t", content: "c" })).status).toBe(404);
    const enterprises = (await (await call("GET", "/v1/enterprises", enterpriseOf(enterpriseB))).json()) as { items: { creditCode: string }[] };
    expect(enterprises.items.map((e) => e.creditCode)).toEqual([enterpriseB]);
  });

  it("refuses a token of another region", async () => {
    const response = await call("POST", "/v1/projects", { ...steward, region: otherRegion }, registration());
    expect(response.status).toBe(403);
    expect(await counts()).toMatchObject({ projects: 0 });
  });
});

describe("enterprises", () => {
  it("masks contacts' phone and ID numbers for roles that do not need them", async () => {
    const created = await call("POST", "/v1/enterprises", enterpriseOf(enterpriseA), {
      creditCode: enterpriseA,
      name: "A Co.",
      legalRepresentative: "张三",
      contacts: [{ name: "李四", title: "项目负责人", phone: "13700001111", idNumber: "11010519491231002X" }],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; contacts: { phone: string; idNumber: string }[] };
    expect(body.contacts[0]).toMatchObject({ phone: "137****1111", idNumber: "110***********002X" });
    const staff = (await (await call("GET", `/v1/enterprises/${body.id}`, admin)).json()) as { contacts: { phone: string; idNumber: string }[] };
    expect(staff.contacts[0]).toMatchObject({ phone: "13700001111", idNumber: "11010519491231002X" });
    const badId = await call("POST", "/v1/enterprises", steward, { creditCode: enterpriseB, name: "B", contacts: [{ name: "x", phone: "13700001111", idNumber: "110105194912310021" }] });
    expect((await problemOf(badId))["invalid-params"]?.map((p) => p.name)).toEqual(["contacts.0.idNumber"]);
    expect((await problemOf(await call("POST", "/v1/enterprises", steward, { creditCode: enterpriseA, name: "again" }))).code).toBe("ENTERPRISE_EXISTS");
  });
});

describe("credit standing", () => {
  it("shows routing's bar after a false commitment, mode by mode, until it ends", async () => {
    const created = (await (await call("POST", "/v1/enterprises", steward, { creditCode: enterpriseA, name: "A Co." })).json()) as { id: string };
    // Through six months from the real today: the view keeps bars in force on the database's date.
    const barredThrough = addMonths(civilDateOf(new Date()), 6);
    const event = newEvent({
      region,
      aggregateId: enterpriseA,
      payload: {
        $case: "enterpriseBarred",
        value: { creditCode: enterpriseA, originRegion: region, originItemId: "00000000-0000-4000-8000-0000000000aa", itemCode: "STHJ-HPB", revokedOn: "2026-03-20", barredThrough, reason: "承诺内容与现场不符", caseId: "", modes: ["commitment", "tolerant"] },
      },
    });
    // Redelivered: recorded once.
    for (let delivery = 0; delivery < 2; delivery++) await transaction(sql, (tx) => recordCreditBar(tx, event));
    const shown = (await (await call("GET", `/v1/enterprises/${created.id}`, steward)).json()) as { creditStanding: { barredModes: { mode: string; barredUntil: string; reason: string }[] } };
    expect(shown.creditStanding.barredModes).toEqual([
      { mode: "commitment", barredUntil: barredThrough, reason: "STHJ-HPB revoked on 2026-03-20: 承诺内容与现场不符" },
      { mode: "tolerant", barredUntil: barredThrough, reason: "STHJ-HPB revoked on 2026-03-20: 承诺内容与现场不符" },
    ]);
  });
});

describe("service requests and 办不成事 complaints", () => {
  it("gives a request its owner and a 3-working-day clock; only the owner answers", async () => {
    const project = await register();
    const response = await call("POST", `/v1/projects/${project.id}/requests`, enterpriseOf(enterpriseA), { category: "approval", title: "用地预审进度", content: "请协调" });
    expect(response.status).toBe(201);
    const request = (await response.json()) as { id: string; channel: string; clock: { dueOn: string } };
    // Received Monday 2026-03-02: three working days is Thursday 2026-03-05.
    expect(request).toMatchObject({ channel: "enterprise", clock: { dueOn: "2026-03-05" } });
    expect((await call("POST", `/v1/requests/${request.id}/answer`, enterpriseOf(enterpriseA), { answer: "x" })).status).toBe(403);
    const answered = await call("POST", `/v1/requests/${request.id}/answer`, steward, { answer: "已协调自然资源局" });
    expect(answered.status).toBe(200);
    expect((await problemOf(await call("POST", `/v1/requests/${request.id}/answer`, steward, { answer: "again" }))).code).toBe("REQUEST_ALREADY_ANSWERED");
  });

  it("counts a complaint's 3 working days over the holiday and sends a several-department complaint to the bureau", async () => {
    const project = await register();
    // Filed Thursday 2026-09-24: the Mid-Autumn / National Day holiday runs 25-27 Sep and 1-7 Oct (2026-09-20 and 10-10 are make-up days).
    now = new Date("2026-09-24T02:00:00Z");
    const single = await call("POST", "/v1/complaints", enterpriseOf(enterpriseA), { channel: "online", projectId: project.id, departments: ["zrzy"], title: "用地预审办不成", content: "多次补正仍未受理", complainantName: "王五", complainantPhone: "13600002222" });
    expect(single.status).toBe(201);
    const complaint = (await single.json()) as { id: string; responsibleDepartment: string; status: string; clock: { dueOn: string }; complainantPhone: string; complainantName: string };
    expect(complaint).toMatchObject({ responsibleDepartment: "zrzy", status: "received", clock: { dueOn: "2026-09-30" }, complainantPhone: "136****2222", complainantName: "王*" });
    const several = (await (await call("POST", "/v1/complaints", steward, { channel: "window", projectId: project.id, departments: ["zrzy", "zj"], title: "并联卡住", content: "两部门互相推诿" })).json()) as { responsibleDepartment: string; status: string; escalationCause: string };
    expect(several).toMatchObject({ responsibleDepartment: "xzsp", status: "escalated", escalationCause: "several_departments" });
    // Another department can neither see nor answer zrzy's complaint (not found, as for any object
    // out of its reach); zrzy's liaison answers it, on time.
    expect((await call("GET", `/v1/complaints/${complaint.id}`, { subject: "zj-liaison", role: "liaison", department: "zj" })).status).toBe(404);
    expect((await call("POST", `/v1/complaints/${complaint.id}/answer`, { subject: "zj-liaison", role: "liaison", department: "zj" }, { answer: "x" })).status).toBe(404);
    now = new Date("2026-09-29T02:00:00Z");
    const answered = await call("POST", `/v1/complaints/${complaint.id}/answer`, { subject: "zrzy-liaison", role: "liaison", department: "zrzy" }, { answer: "已受理，10月9日前出具意见" });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ status: "answered", answeredOnTime: true });
    const types = (await sql<{ event_type: string }[]>`select event_type from outbox order by seq`).map((row) => row.event_type);
    expect(types.filter((type) => type.startsWith("intake.complaint"))).toEqual(["intake.complaint.received", "intake.complaint.received", "intake.complaint.escalated", "intake.complaint.answered"]);
  });

  it("refuses a complaint linked to nothing, naming the field, and writes nothing", async () => {
    const response = await call("POST", "/v1/complaints", steward, { channel: "fax", departments: [], title: "", content: "x" });
    expect((await problemOf(response))["invalid-params"]?.map((p) => p.name).sort()).toEqual(["channel", "departments", "title"]);
    const unlinked = await call("POST", "/v1/complaints", steward, { channel: "window", departments: ["zrzy"], title: "t", content: "c" });
    expect((await problemOf(unlinked))["invalid-params"]?.map((p) => p.name)).toEqual(["projectId"]);
    const unknown = await call("POST", "/v1/complaints", steward, { channel: "window", creditCode: enterpriseB, departments: ["zrzy"], title: "t", content: "c" });
    expect((await problemOf(unknown))["invalid-params"]?.map((p) => p.name)).toEqual(["creditCode"]);
    expect(await counts()).toMatchObject({ complaints: 0, outbox: 0 });
  });
});

describe("the 12345 webhook", () => {
  // The hotline's messages carry real times (the signature's tolerance window is the wall clock's).
  beforeEach(() => {
    now = new Date();
  });
  const hook = new Webhook(hotlineSecret);
  const sign = (id: string, body: string, at = now) => ({ "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": hook.sign(id, at, body) });
  const ticket = (overrides: Record<string, unknown> = {}) => ({ type: "ticket.created", ticket: { ticketNo: "12345-0001", tier: "urgent", receivedAt: new Date(Date.now() - 60_000).toISOString(), title: "工地夜间施工", content: "反映项目审批", ...overrides } });
  const post = (body: string, signed: Record<string, string>) => appFor(region).request("/webhooks/hotline", { method: "POST", headers: signed, body });

  it("creates a ticket on a good signature, links it, sets the tier's clock and queues the push back", async () => {
    const project = await register();
    const body = JSON.stringify(ticket({ projectId: project.id, callerPhone: "13500003333" }));
    const response = await post(body, sign("msg-1", body, new Date()));
    expect(response.status).toBe(200);
    const { status, ticketId } = (await response.json()) as { status: string; ticketId: string };
    expect(status).toBe("accepted");
    const stored = (await (await call("GET", `/v1/hotline-tickets/${ticketId}`, steward)).json()) as { status: string; receivedAt: string; dueAt: string; projectId: string; coordinator: string };
    expect(stored).toMatchObject({ status: "in_progress", projectId: project.id, coordinator: "hotline" });
    expect(new Date(stored.dueAt).getTime() - new Date(stored.receivedAt).getTime()).toBe(2 * 3_600_000);
    expect(await sql`select 1 from hotline_deliveries`).toHaveLength(1);
  });

  it("sets the 24 h, 7 d and 15 d tiers from the rules and refuses an unknown tier naming it", async () => {
    const received = "2026-03-02T02:00:00.000Z";
    const dues: Record<string, string> = {};
    for (const [index, tier] of ["utilities", "general", "complex"].entries()) {
      const body = JSON.stringify(ticket({ ticketNo: `12345-10${index}`, tier, receivedAt: received }));
      expect((await post(body, sign(`tier-${tier}`, body, new Date()))).status).toBe(200);
      dues[tier] = (await sql<{ due_at: Date }[]>`select due_at from hotline_tickets where tier = ${tier}`)[0]!.due_at.toISOString();
    }
    expect(dues).toEqual({ utilities: "2026-03-03T02:00:00.000Z", general: "2026-03-09T16:00:00.000Z", complex: "2026-03-17T16:00:00.000Z" });
    const bad = JSON.stringify(ticket({ ticketNo: "12345-0009", tier: "someday" }));
    const refused = await post(bad, sign("tier-bad", bad, new Date()));
    expect((await problemOf(refused))["invalid-params"]?.map((p) => p.name)).toEqual(["ticket.tier"]);
  });

  it("refuses a bad signature and a stale timestamp with 401, writing nothing", async () => {
    const body = JSON.stringify(ticket());
    const tampered = await post(body.replace("工地", "工厂"), sign("msg-2", body, new Date()));
    expect((await problemOf(tampered)).code).toBe("WEBHOOK_SIGNATURE_INVALID");
    const stale = await post(body, sign("msg-3", body, new Date(Date.now() - 10 * 60_000)));
    expect(stale.status).toBe(401);
    const otherSecret = new Webhook(`whsec_${Buffer.from("another-secret-of-another-system").toString("base64")}`);
    const forged = await post(body, { "content-type": "application/json", "webhook-id": "msg-4", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": otherSecret.sign("msg-4", new Date(), body) });
    expect(forged.status).toBe(401);
    expect(await counts()).toMatchObject({ tickets: 0, outbox: 0 });
    expect(await sql`select 1 from hotline_inbound_messages`).toHaveLength(0);
  });

  it("acknowledges a replayed or retried message without a second effect", async () => {
    const body = JSON.stringify(ticket());
    const headersOnce = sign("msg-5", body, new Date());
    expect(((await (await post(body, headersOnce)).json()) as { status: string }).status).toBe("accepted");
    const replay = await post(body, headersOnce);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { status: string }).status).toBe("duplicate");
    // The hotline's own retry: same id, fresh signature.
    expect(((await (await post(body, sign("msg-5", body, new Date()))).json()) as { status: string }).status).toBe("duplicate");
    expect(await counts()).toMatchObject({ tickets: 1 });
  });

  it("lets the service centre coordinate a ticket about a complaint it received first, and answers both at once", async () => {
    const project = await register();
    now = new Date(Date.now() - 3_600_000);
    const complaint = (await (await call("POST", "/v1/complaints", steward, { channel: "window", projectId: project.id, departments: ["zrzy"], title: "t", content: "c" })).json()) as { id: string };
    now = new Date();
    const body = JSON.stringify(ticket({ projectId: project.id, tier: "general" }));
    const { ticketId } = (await (await post(body, sign("msg-6", body, new Date()))).json()) as { ticketId: string };
    const linked = (await (await call("GET", `/v1/hotline-tickets/${ticketId}`, steward)).json()) as { complaintId: string; coordinator: string; responsibleDepartment: string };
    expect(linked).toMatchObject({ complaintId: complaint.id, coordinator: "service_centre", responsibleDepartment: "zrzy" });
    await call("POST", `/v1/complaints/${complaint.id}/answer`, { subject: "zrzy-liaison", role: "liaison", department: "zrzy" }, { answer: "已办结" });
    expect(await (await call("GET", `/v1/hotline-tickets/${ticketId}`, steward)).json()).toMatchObject({ status: "answered", answer: "已办结", answeredOnTime: true });
    const pushes = await sql<{ body: { status: string } }[]>`select body from hotline_deliveries order by created_at`;
    expect(pushes.map((push) => push.body.status)).toEqual(["in_progress", "answered"]);
  });
});
