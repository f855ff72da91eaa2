import { requireRole } from "@steward/platform/auth";
import { invalidArgument, notFound, permissionDenied, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { routingCatalogueV1 } from "@steward/proto";
import { OFFICIAL_SOURCE } from "@steward/calendar";
import { loadPublications } from "../../db/calendar/schedule-store.js";
import { publishCalendarYear } from "../../db/calendar-publication.js";
import { readCatalogue, upsertCatalogueItem } from "../../db/catalogue.js";
import type { RoutingDeps } from "../../db/item-pipeline.js";
import { catalogueItemFrom, toCatalogueItemMessage, toSelectionMessage } from "./converters.js";

export function catalogueHandlers(deps: RoutingDeps): ServiceHandlers<typeof routingCatalogueV1.CatalogueServiceService> {
  return {
    async listCatalogueItems(request) {
      const catalogue = await readCatalogue(deps.sql);
      const items = catalogue.items.filter(
        (item) => (!request.departmentCode || item.department === request.departmentCode) && (!request.stage || item.stage === request.stage),
      );
      return { items: items.map(toCatalogueItemMessage) };
    },

    async getCatalogueItem(request) {
      const item = (await readCatalogue(deps.sql)).items.find((candidate) => candidate.code === request.code);
      if (!item) raise(notFound(`catalogue item ${request.code}`));
      return { item: toCatalogueItemMessage(item) };
    },

    async upsertCatalogueItem(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      // The catalogue is the city's: its administrators edit it, in the city region.
      if (ctx.region !== deps.cityRegion) raise(permissionDenied(`the item catalogue is edited by city administrators in region ${deps.cityRegion}`));
      const parsed = catalogueItemFrom(request.item);
      if (!parsed.ok) raise(invalidArgument(parsed.violations));
      const result = await upsertCatalogueItem(deps.sql, parsed.item, ctx.principal.subject);
      if (!result.ok) raise(invalidArgument(result.problems.map((problem) => ({ field: "item", description: problem }))));
      return { item: toCatalogueItemMessage(parsed.item) };
    },

    async listSelections(request) {
      const catalogue = await readCatalogue(deps.sql);
      return { selections: catalogue.selections.filter((selection) => !request.kind || selection.kind === request.kind).map(toSelectionMessage) };
    },

    async listDepartments() {
      return { departments: (await readCatalogue(deps.sql)).departments };
    },

    async getHolidaySchedule() {
      const { overrides, publications } = await loadPublications(deps.sql);
      return {
        years: publications.map((publication) => ({ year: publication.year, source: publication.source })),
        days: overrides.map((day) => ({ date: day.date, kind: day.kind, note: day.note ?? "" })),
        officialSource: OFFICIAL_SOURCE,
      };
    },

    async publishCalendarYear(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const kinds = new Set(["holiday", "workday"]);
      const violations = request.days.flatMap((day, index) => [
        ...(/^\d{4}-\d{2}-\d{2}$/.test(day.date) ? [] : [{ field: `days[${index}].date`, description: "must be YYYY-MM-DD" }]),
        ...(kinds.has(day.kind) ? [] : [{ field: `days[${index}].kind`, description: "must be holiday or workday" }]),
      ]);
      if (!(request.year >= 2000 && request.year <= 2100)) violations.push({ field: "year", description: "must be between 2000 and 2100" });
      if (!request.source.trim()) violations.push({ field: "source", description: "name the State Council notice" });
      if (violations.length > 0) raise(invalidArgument(violations));
      const published = unwrap(
        await publishCalendarYear(
          deps,
          request.year,
          request.days.map((day) => ({ date: day.date, kind: day.kind as "holiday" | "workday", note: day.note || null })),
          request.source,
          ctx.principal.subject,
        ),
      );
      return { year: published.year, recomputedItems: published.recomputed };
    },
  };
}
