import type { Sql, TransactionSql } from "postgres";
import type { HolidaySchedule } from "@steward/calendar";
import { loadSchedule } from "./calendar/schedule-store.js";

/**
 * The holiday schedule, read from the database at most once per `ttlMs`: deadlines are computed on
 * every acceptance, and a year published on another replica reaches this one within the TTL.
 */
export class ScheduleSource {
  private cached: { schedule: HolidaySchedule; until: number } | undefined;
  private loading: Promise<HolidaySchedule> | undefined;
  /** Bumped by invalidate(): a load that started before it must not fill the cache. */
  private generation = 0;

  constructor(
    private readonly sql: Sql,
    private readonly ttlMs = 60_000,
  ) {}

  /**
   * The schedule; a caller inside a transaction passes it as `db`. Loading through the pool from
   * inside a transaction deadlocked a replica whenever the cache expired under load: every pooled
   * connection sat in a transaction waiting for the schedule, which waited for a free connection.
   */
  async get(db?: TransactionSql): Promise<HolidaySchedule> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.schedule;
    if (db) return this.load(db);
    if (!this.loading) {
      const loading = this.load(this.sql).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  invalidate(): void {
    this.generation++;
    this.cached = undefined;
    // Callers after this one must not share a load that may predate the change.
    this.loading = undefined;
  }

  private async load(db: Sql | TransactionSql): Promise<HolidaySchedule> {
    const generation = this.generation;
    const schedule = await loadSchedule(db);
    // A load that overlapped invalidate() may have read the schedule from before the publication;
    // caching it would hide the new year on this replica for a whole TTL.
    if (generation === this.generation) this.cached = { schedule, until: Date.now() + this.ttlMs };
    return schedule;
  }
}
