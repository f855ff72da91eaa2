import type { AssessmentContext } from "./context.js";

const cache = new Map<string, { names: Map<string, string>; until: number }>();

/**
 * zh-CN names of the catalogue's departments, from the region's routing (CatalogueService), kept
 * ten minutes; the code itself stands in when routing cannot be asked.
 */
export async function departmentNames(context: AssessmentContext, region = context.region): Promise<Map<string, string>> {
  const cached = cache.get(region);
  if (cached && cached.until > Date.now()) return cached.names;
  const routing = context.routing.of(region) ?? context.routing.of(context.region);
  try {
    const answer = await routing?.catalogue.listDepartments({}, { deadlineMs: 2000 });
    const names = new Map((answer?.departments ?? []).map((department) => [department.code, department.name]));
    cache.set(region, { names, until: Date.now() + (names.size > 0 ? 600_000 : 5_000) });
    return names;
  } catch {
    const names = cached?.names ?? new Map<string, string>();
    cache.set(region, { names, until: Date.now() + 5_000 });
    return names;
  }
}
