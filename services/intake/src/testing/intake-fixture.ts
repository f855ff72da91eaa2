import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import { buildHolidaySchedule, officialCalendar, type HolidaySchedule } from "@steward/calendar";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { decodeEvent, type EventEnvelope } from "@steward/platform/events";
import { createLogger } from "@steward/platform/logging";
import { createTestDatabase, type TestDatabase } from "@steward/testing";
import type { IntakeDeps } from "../commands/deps.js";
import { registerProjectCommand } from "../commands/projects.js";
import type { Actor } from "../domain/actor.js";
import { creditCodeCheckCharacter } from "../domain/credit-code.js";
import type { Project } from "../domain/project.js";
import { clockRules } from "../domain/reply-clocks.js";

/**
 * Intake's commands and jobs on a throwaway database of the local stack, with a clock the test
 * moves and the official holiday schedule (or one the test sets). For integration tests of jobs
 * and commands below HTTP.
 */
export interface IntakeFixture {
  sql: Sql;
  deps: IntakeDeps;
  /** The instant the commands and jobs act at. */
  now: Date;
  schedule: HolidaySchedule;
  logger: ReturnType<typeof createLogger>;
  registerProject(overrides?: Record<string, unknown>, region?: string): Promise<Project>;
  /** The events recorded in the outbox, oldest first, of `type` when given. */
  events(type?: string): Promise<EventEnvelope[]>;
  /** Empties every table the tests write. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const steward: Actor = { subject: "steward-1", role: "steward" };
export const admin: Actor = { subject: "admin-1", role: "admin" };
export const creditCode = (body17: string) => `${body17}${creditCodeCheckCharacter(body17)}`;

/** Monday 2026-03-02, 10:00 in Asia/Shanghai: a working day well inside a published year. */
export const mondayMorning = new Date("2026-03-02T02:00:00Z");

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

export async function startIntakeFixture(prefix: string, region = "hanbin"): Promise<IntakeFixture & { db: TestDatabase }> {
  const db = await createTestDatabase(prefix);
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
  const sql = createDatabase({ url: db.url, poolMax: 6, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000, applicationName: `intake-${prefix}` });
  let sequence = 0;
  const fixture: IntakeFixture & { db: TestDatabase } = {
    db,
    sql,
    now: mondayMorning,
    schedule: buildHolidaySchedule({ official: officialCalendar }),
    logger: createLogger({ service: "intake", region, level: "silent", destination: silent }),
    deps: {
      sql,
      region,
      rules: clockRules,
      schedule: async () => fixture.schedule,
      now: () => fixture.now,
    },
    async registerProject(overrides = {}, projectRegion = region) {
      sequence++;
      const result = await registerProjectCommand({ ...fixture.deps, region: projectRegion }, {
        name: `测试项目 ${sequence}`,
        enterpriseName: `测试企业 ${sequence} 有限公司`,
        creditCode: creditCode(`91610900MA70${String(sequence).padStart(5, "0")}`),
        investmentWanYuan: "1000",
        contactName: "王经理",
        contactPhone: "13800000001",
        ...overrides,
      }, steward);
      if (!result.ok) throw new Error(`registering a test project failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async events(type) {
      const rows = await sql<{ payload: Buffer }[]>`select payload from outbox ${type ? sql`where event_type = ${type}` : sql``} order by seq`;
      return rows.map((row) => decodeEvent(row.payload));
    },
    async reset() {
      fixture.now = mondayMorning;
      fixture.schedule = buildHolidaySchedule({ official: officialCalendar });
      await sql`truncate hotline_deliveries, hotline_inbound_messages, hotline_tickets, complaints, service_requests, projects, enterprise_credit_bars, enterprises, outbox cascade`;
    },
    async close() {
      await sql.end({ timeout: 5 });
      await db.drop();
    },
  };
  return fixture;
}
