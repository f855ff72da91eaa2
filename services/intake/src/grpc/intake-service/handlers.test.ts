import { fileURLToPath } from "node:url";
import { status, type ServiceError } from "@grpc/grpc-js";
import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { GrpcServer, createClient, fieldViolationsOf } from "@steward/platform/grpc";
import { createLogger } from "@steward/platform/logging";
import { intakeV1 } from "@steward/proto";
import { createTestDatabase, testAuthSecret, type TestDatabase } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "../../domain/credit-code.js";
import { clockRules } from "../../domain/reply-clocks.js";
import { intakeHandlers } from "./handlers.js";

const region = "hanbin";
const keys = { secret: testAuthSecret };
const creditCode = (body17: string) => `${body17}${creditCodeCheckCharacter(body17)}`;
const enterpriseA = creditCode("91610900MA7000001");
const enterpriseB = creditCode("91610900MA7000002");

let db: TestDatabase;
let sql: Sql;
let server: GrpcServer;
let address = "";
const clients: { close(): void }[] = [];

async function as(principal: Omit<Principal, "region">) {
  const token = await signDevToken(keys, { region, ...principal });
  const client = createClient(intakeV1.IntakeServiceService, { address, token: () => token, defaultDeadlineMs: 10_000 });
  clients.push(client);
  return client;
}

const registration = (overrides: Partial<intakeV1.RegisterProjectRequest> = {}) =>
  intakeV1.RegisterProjectRequest.fromPartial({
    name: "汉滨新材料产业园",
    enterpriseName: "安康新材料有限公司",
    creditCode: enterpriseA,
    investmentCode: "2024-610902-30-03-000123",
    investmentWanYuan: 52000,
    industryChain: "新材料",
    contactName: "王芳",
    contactPhone: "13812345678",
    ...overrides,
  });

async function counts() {
  const [row] = await sql<{ projects: number; enterprises: number; ledger: number; outbox: number }[]>`
    select (select count(*)::int from projects) as projects, (select count(*)::int from enterprises) as enterprises,
           (select count(*)::int from ledger) as ledger, (select count(*)::int from outbox) as outbox`;
  return row!;
}

beforeAll(async () => {
  db = await createTestDatabase("intake_grpc");
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../../db/migrations", import.meta.url)) });
  sql = createDatabase({ url: db.url, poolMax: 4, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000, applicationName: "intake-grpc-test" });
  const schedule = buildHolidaySchedule({ official: officialCalendar });
  server = new GrpcServer({ region, logger: createLogger({ service: "intake", region, level: "silent" }), tokens: new TokenVerifier(keys) });
  server.add(intakeV1.IntakeServiceService, intakeHandlers({ sql, region, rules: clockRules, schedule: async () => schedule, now: () => new Date("2026-03-02T02:00:00Z") }));
  address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.shutdown(1000);
  await sql?.end({ timeout: 5 });
  await db?.drop();
});

describe("intake over gRPC (issue 8)", () => {
  // Finding 1: a NUL in RegisterProject's name answered INTERNAL (Postgres refuses the byte).
  // Each registration is one of its own (a new enterprise, name and investment code), and all are
  // tried before asserting, so one that got through hides nothing.
  it("refuses NUL and control characters in RegisterProject's text fields, naming each, and writes nothing", async () => {
    const steward = await as({ subject: "steward-1", role: "steward" });
    const before = await counts();
    const answers: string[] = [];
    const expected: string[] = [];
    let attempt = 0;
    for (const field of ["name", "enterpriseName", "contactName", "industryChain"] as const) {
      for (const hostile of ["钢铁\u0000厂", "\u001b[2J项目", "响铃\u0007"]) {
        attempt++;
        const serial = String(attempt).padStart(6, "0");
        const request = registration({ name: `汉滨园区 ${attempt}`, investmentCode: `2024-610902-30-03-${serial}`, creditCode: creditCode(`91610900MA8${serial}`), [field]: hostile });
        const answer = await steward.registerProject(request).then(
          () => "OK",
          (error: ServiceError) => `${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`.trim(),
        );
        const protoField = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
        answers.push(`${field} ${JSON.stringify(hostile)}: ${answer}`);
        expected.push(`${field} ${JSON.stringify(hostile)}: INVALID_ARGUMENT ${protoField}`);
      }
    }
    expect(answers).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  // Finding 11: any enterprise's token read every project of its region. Another enterprise's
  // project is NOT_FOUND, exactly as one that does not exist.
  it("shows an enterprise its own project only; another's is NOT_FOUND", async () => {
    const steward = await as({ subject: "steward-1", role: "steward" });
    const { project } = await steward.registerProject(registration({ name: "恒口物流园", investmentCode: "2024-610902-30-03-900001" }));
    const owner = await as({ subject: `ent:${enterpriseA}`, role: "enterprise", creditCode: enterpriseA });
    const stranger = await as({ subject: `ent:${enterpriseB}`, role: "enterprise", creditCode: enterpriseB });
    expect((await owner.getProject({ id: project!.id })).project?.name).toBe("恒口物流园");
    const refused = await stranger.getProject({ id: project!.id }).then(
      () => "OK",
      (error: ServiceError) => status[error.code],
    );
    expect(refused).toBe("NOT_FOUND");
  });
});
