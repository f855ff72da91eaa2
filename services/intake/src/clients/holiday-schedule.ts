import { buildHolidaySchedule, officialCalendar, type HolidaySchedule } from "@steward/calendar";
import type { Logger } from "@steward/platform/logging";
import type { RoutingClients } from "./routing.js";

/**
 * The working-day schedule intake's reply clocks count on: the official data every service ships
 * (@steward/calendar) with what administrators published in routing on top
 * (CatalogueService.GetHolidaySchedule), kept for `ttlMs`. When routing cannot be asked, the last
 * schedule known (or the official data alone) is used: a due date in a year not yet known is then
 * marked provisional (shown as such), never silently final.
 */
export class HolidayScheduleSource {
  private cached: { schedule: HolidaySchedule; until: number } | undefined;
  private last: HolidaySchedule = buildHolidaySchedule({ official: officialCalendar });

  constructor(
    private readonly routing: Pick<RoutingClients, "catalogue"> | undefined,
    private readonly logger: Logger,
    private readonly ttlMs = 60_000,
  ) {}

  /** The schedule read from routing now, not from the cache (a year was just published). */
  async fresh(): Promise<HolidaySchedule> {
    this.cached = undefined;
    return this.get();
  }

  async get(): Promise<HolidaySchedule> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.schedule;
    if (!this.routing) return this.last;
    try {
      const answer = await this.routing.catalogue.getHolidaySchedule({}, { deadlineMs: 2000 });
      const sources = new Map(answer.years.map((year) => [year.year, year.source]));
      this.last = buildHolidaySchedule({
        official: officialCalendar,
        publications: answer.years.map((year) => ({ year: year.year, source: year.source })),
        overrides: answer.days.map((day) => ({ date: day.date, kind: day.kind as "holiday" | "workday", source: sources.get(Number(day.date.slice(0, 4))) ?? "routing", note: day.note || null })),
      });
      this.cached = { schedule: this.last, until: Date.now() + this.ttlMs };
    } catch (error) {
      this.logger.warn({ err: error }, "holiday schedule from routing unavailable; counting on the last one known");
      this.cached = { schedule: this.last, until: Date.now() + Math.min(this.ttlMs, 5000) };
    }
    return this.last;
  }
}
