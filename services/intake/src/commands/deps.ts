import type { HolidaySchedule } from "@steward/calendar";
import type { Principal } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import type { Actor } from "../domain/actor.js";
import type { ClockRules } from "../domain/reply-clocks.js";

/** What intake's commands need: the database, the region, the clock rules, the calendar and the time. */
export interface IntakeDeps {
  sql: Sql;
  region: string;
  rules: ClockRules;
  schedule: () => Promise<HolidaySchedule>;
  now: () => Date;
}

export const actorOf = (principal: Principal): Actor => ({
  subject: principal.subject,
  role: principal.role,
  ...(principal.creditCode ? { creditCode: principal.creditCode } : {}),
  ...(principal.department ? { department: principal.department } : {}),
});

/** The ledger chain of a project (its 服务台账 in intake) and of records linked to no project. */
export const projectChain = (projectId: string) => `project:${projectId}`;
export const enterpriseChain = (enterpriseId: string) => `enterprise:${enterpriseId}`;
