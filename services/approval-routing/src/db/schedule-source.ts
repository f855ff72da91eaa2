import type { Sql } from "postgres";
import type { HolidaySchedule } from "../domain/calendar/index.js";
import { loadSchedule } from "./calendar/schedule-store.js";

/**
 * The holiday schedule, read from the database at most once per `ttlMs`: deadlines are computed on
 * every acceptance, and a year published on another replica reaches this one within the TTL.
 */
export class ScheduleSource {
  private cached: { schedule: HolidaySchedule; until: number } | undefined;
  private loading: Promise<HolidaySchedule> | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly ttlMs = 60_000,
  ) {}

  async get(): Promise<HolidaySchedule> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.schedule;
    this.loading ??= loadSchedule(this.sql)
      .then((schedule) => {
        this.cached = { schedule, until: Date.now() + this.ttlMs };
        return schedule;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
