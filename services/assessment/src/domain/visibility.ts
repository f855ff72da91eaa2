import { permissionDenied, fail, ok, type Result } from "@steward/platform/errors";

/** Who is looking, as the console and the API know them (a verified token's claims). */
export interface Viewer {
  subject: string;
  role: string;
  region: string;
  department?: string;
}

/** What a viewer may see: regions, and within them one department only for a department's user. */
export interface Visibility {
  regions: string[];
  department?: string;
  /** May publish bulletins and update referrals (the region's administration). */
  canAdminister: boolean;
  /** May raise referrals. */
  canRefer: boolean;
}

const reading = new Set(["admin", "operator", "steward", "liaison", "department"]);

/**
 * Decides, on the server, what a viewer sees of this assessment's data: the city's operations
 * team (a viewer of the region this process serves, when it serves the city) sees every region
 * it sources; anyone else sees their own region only, and a department's user or liaison only
 * their department. Enterprises and services have no console.
 */
export function visibilityOf(viewer: Viewer, serving: { region: string; isCity: boolean; sourced: readonly string[] }): Result<Visibility> {
  if (!reading.has(viewer.role)) return fail(permissionDenied(`role ${viewer.role} has no access to the operations console`, "CONSOLE_ROLE_DENIED"));
  if (!serving.sourced.includes(viewer.region)) return fail(permissionDenied(`region ${viewer.region} is not served here`, "REGION_NOT_SERVED"));
  const departmental = viewer.role === "department" || viewer.role === "liaison";
  if (departmental && !viewer.department) return fail(permissionDenied("a department's user must name the department", "DEPARTMENT_REQUIRED"));
  const cityWide = serving.isCity && viewer.region === serving.region && !departmental;
  const own = viewer.region === serving.region;
  return ok({
    regions: cityWide ? [...serving.sourced] : [viewer.region],
    ...(departmental ? { department: viewer.department! } : {}),
    canAdminister: own && viewer.role === "admin",
    canRefer: (viewer.role === "admin" || viewer.role === "operator") && !departmental,
  });
}

/** A region the viewer named: refused unless visible (the server never trusts a page's links). */
export function checkRegion(visibility: Visibility, region: string): Result<string> {
  return visibility.regions.includes(region) ? ok(region) : fail(permissionDenied(`region ${region} is not visible to you`, "REGION_NOT_VISIBLE"));
}
