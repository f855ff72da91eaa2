import { fileURLToPath } from "node:url";
import { buildHolidaySchedule, officialCalendar } from "@steward/calendar";
import { createDatabase, migrate, transaction, type Sql } from "@steward/platform/db";
import { decodeEvent, newEvent, type EventEnvelope, type EventPayload } from "@steward/platform/events";
import { eventPayloadsV1 } from "@steward/proto";
import { createTestDatabase, uniqueRegion, type TestDatabase } from "@steward/testing";
import type { NotificationDeps } from "./commands/deps.js";
import { loadRules } from "./config.js";
import { handleNoticeEvents } from "./events/notice-consumer.js";

/**
 * What notification's integration tests share: a migrated database of their own, the bundled
 * rules and templates, a clock the test moves, and builders of the events notification consumes.
 */
export interface NotificationTestBed {
  db: TestDatabase;
  sql: Sql;
  region: string;
  clock: { now: Date };
  deps: NotificationDeps;
  /** Handles events as the consumer does: one batch, one transaction. */
  handle(...events: EventEnvelope[]): Promise<void>;
  /** The events notification recorded in its outbox, oldest first. */
  outbox(): Promise<EventEnvelope[]>;
  close(): Promise<void>;
}

const bundled = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const bundledRules = () => loadRules(bundled("rules/notification-rules.json"), bundled("templates/zh-CN.json"));

export async function notificationTestBed(name: string, start = new Date("2026-09-28T02:00:00Z")): Promise<NotificationTestBed> {
  const db = await createTestDatabase(`notification_${name}`);
  await migrate({ databaseUrl: db.url, dir: fileURLToPath(new URL("./db/migrations", import.meta.url)) });
  const sql = createDatabase({ url: db.url, poolMax: 5, statementTimeoutMs: 20_000, idleInTransactionTimeoutMs: 30_000, applicationName: `test-${name}` });
  const region = uniqueRegion("nt");
  const clock = { now: start };
  const names = {
    items: new Map([
      ["ZRZY-YDGH", "建设用地规划许可证"],
      ["ZJ-JGYS", "竣工验收备案"],
    ]),
    departments: new Map([
      ["zrzy", "自然资源局"],
      ["zjj", "住房和城乡建设局"],
    ]),
  };
  const schedule = buildHolidaySchedule({ official: officialCalendar });
  const deps: NotificationDeps = {
    sql,
    region,
    rules: bundledRules(),
    names: { item: (code) => names.items.get(code), department: (code) => names.departments.get(code) },
    schedule: () => schedule,
    now: () => clock.now,
    reviewLinkBase: "https://steward.example.gov.cn/notification",
  };
  const handler = handleNoticeEvents(deps);
  return {
    db,
    sql,
    region,
    clock,
    deps,
    // Events handed straight to the handler carry no trace context: their deliveries start none.
    handle: (...events) => transaction(sql, (tx) => handler(tx, events, () => ({}))),
    async outbox() {
      const rows = await sql<{ payload: Buffer }[]>`select payload from outbox where region = ${region} order by seq`;
      return rows.map((row) => decodeEvent(row.payload));
    },
    async close() {
      await sql.end();
      await db.drop();
    },
  };
}

/** An event of `region` as its producer records it, at the test's clock. */
export function eventOf(region: string, payload: EventPayload, at: Date, aggregateId = "aggregate"): EventEnvelope {
  return newEvent({ region, aggregateId, payload, occurredAt: at });
}

/** The facts of one key project: registered, its steward and a liaison, its case. */
export function projectStory(bed: NotificationTestBed, ids: { projectId: string; caseId: string; creditCode?: string; stewardId?: string }) {
  const at = bed.clock.now;
  const creditCode = ids.creditCode ?? "91610900MA70000010";
  const { ProjectRegistered, StewardAssigned, LiaisonAssigned, PlanAccepted } = eventPayloadsV1;
  return [
    eventOf(bed.region, { $case: "projectRegistered", value: ProjectRegistered.fromPartial({ projectId: ids.projectId, projectName: "安康富硒食品深加工产业园项目", enterpriseId: `ent-${creditCode}`, enterpriseName: "安康富硒生物科技有限公司", creditCode, industryChain: "富硒食品", divisionCode: "610902", keyProject: true, investmentWanYuanExact: "58000.5" }) }, at),
    eventOf(bed.region, { $case: "stewardAssigned", value: StewardAssigned.fromPartial({ projectId: ids.projectId, stewardId: ids.stewardId ?? "steward-1", stewardName: "李管家", keyProject: true }) }, at),
    eventOf(bed.region, { $case: "liaisonAssigned", value: LiaisonAssigned.fromPartial({ projectId: ids.projectId, departmentCode: "zrzy", departmentName: "自然资源局", liaisonId: "zrzy-liaison", liaisonName: "自然资源联络员" }) }, at),
    eventOf(bed.region, { $case: "planAccepted", value: PlanAccepted.fromPartial({ projectId: ids.projectId, caseId: ids.caseId, planId: `plan-${ids.projectId}`, version: 1, itemCount: 2 }) }, at),
  ];
}
