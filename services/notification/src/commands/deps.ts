import type { HolidaySchedule } from "@steward/calendar";
import type { Sql } from "@steward/platform/db";
import type { Names } from "../domain/notices.js";
import type { CompiledRules } from "../domain/rules.js";

/** What notification's commands and rounds need: everything a test needs to set is here. */
export interface NotificationDeps {
  sql: Sql;
  region: string;
  rules: CompiledRules;
  names: Names;
  /** The working-day schedule as last read from routing (never a call in a transaction). */
  schedule: () => HolidaySchedule;
  now: () => Date;
  /** Base of the tokenized rating links: `${reviewLinkBase}/v1/reviews/<token>`. */
  reviewLinkBase: string;
}
