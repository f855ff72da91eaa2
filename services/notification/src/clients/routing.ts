import { status, type ServiceError } from "@grpc/grpc-js";
import { buildHolidaySchedule, officialCalendar, type HolidaySchedule } from "@steward/calendar";
import { createClient, type PromiseClient } from "@steward/platform/grpc";
import type { Logger } from "@steward/platform/logging";
import { routingCatalogueV1, routingV1 } from "@steward/proto";
import type { Names } from "../domain/notices.js";

export interface RoutingClients {
  routing: PromiseClient<typeof routingV1.RoutingServiceService>;
  catalogue: PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;
  close(): void;
}

export function routingClients(address: string, token: () => Promise<string>, deadlineMs: number): RoutingClients {
  const options = { address, token, defaultDeadlineMs: deadlineMs };
  const routing = createClient(routingV1.RoutingServiceService, options);
  const catalogue = createClient(routingCatalogueV1.CatalogueServiceService, options);
  return { routing, catalogue, close: () => (routing.close(), catalogue.close()) };
}

/**
 * What notification reads from approval routing, over gRPC with its service token (never its
 * tables): the published holiday schedule its working-day clocks count on (as intake does), the
 * names of catalogue items and departments for readable messages, and — for an event whose case
 * the bus has not explained in time — the case's project. Kept in memory and refreshed by a
 * periodic task, so no notice waits on routing: when it does not answer, the last schedule and
 * names known are used (the official calendar alone, and codes, before the first answer).
 */
export class RoutingDirectory implements Names {
  private schedule: HolidaySchedule = buildHolidaySchedule({ official: officialCalendar });
  private items = new Map<string, string>();
  private departments = new Map<string, string>();

  constructor(
    private readonly clients: RoutingClients | undefined,
    private readonly logger: Logger,
  ) {}

  /** The schedule and names read afresh; keeps the last ones when routing does not answer. */
  async refresh(): Promise<void> {
    if (!this.clients) return;
    try {
      const [schedule, items, departments] = await Promise.all([
        this.clients.catalogue.getHolidaySchedule({}),
        this.clients.catalogue.listCatalogueItems({ departmentCode: "", stage: "" }),
        this.clients.catalogue.listDepartments({}),
      ]);
      const sources = new Map(schedule.years.map((year) => [year.year, year.source]));
      this.schedule = buildHolidaySchedule({
        official: officialCalendar,
        publications: schedule.years.map((year) => ({ year: year.year, source: year.source })),
        overrides: schedule.days.map((day) => ({ date: day.date, kind: day.kind as "holiday" | "workday", source: sources.get(Number(day.date.slice(0, 4))) ?? "routing", note: day.note || null })),
      });
      this.items = new Map(items.items.map((item) => [item.code, item.name]));
      this.departments = new Map(departments.departments.map((department) => [department.code, department.name]));
    } catch (error) {
      this.logger.warn({ err: error }, "routing's schedule and catalogue unavailable; using the last known");
    }
  }

  currentSchedule(): HolidaySchedule {
    return this.schedule;
  }

  item(code: string): string | undefined {
    return this.items.get(code);
  }

  department(code: string): string | undefined {
    return this.departments.get(code);
  }

  /** The project of a case, from routing; undefined when routing does not know it (or is not linked). */
  async projectOfCase(caseId: string): Promise<string | undefined> {
    if (!this.clients) return undefined;
    try {
      const answer = await this.clients.routing.getCase({ id: caseId });
      return answer.case?.projectId || undefined;
    } catch (error) {
      if ((error as ServiceError).code === status.NOT_FOUND || (error as ServiceError).code === status.INVALID_ARGUMENT) return undefined;
      throw error;
    }
  }
}
