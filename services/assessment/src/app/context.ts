import { buildHolidaySchedule, civilDateOf, officialCalendar, type HolidaySchedule } from "@steward/calendar";
import type { Sql } from "@steward/platform/db";
import { unwrap } from "@steward/platform/errors";
import type { RoutingClients } from "../clients/routing.js";
import type { ScoringRules } from "../domain/scoring.js";
import { visibilityOf, type Viewer, type Visibility } from "../domain/visibility.js";

/** What every query and command of assessment needs; built once in main.ts. */
export interface AssessmentContext {
  sql: Sql;
  /** The region this process serves. */
  region: string;
  /** Whether it is the city (its viewers see every sourced region). */
  isCity: boolean;
  /** The regions whose events it counts (its history stream's sources). */
  sourced: string[];
  /** zh-CN names of regions, by slug (the regions file). */
  regionNames: ReadonlyMap<string, string>;
  rules: ScoringRules;
  routing: RoutingClients;
  now: () => Date;
}

export const today = (context: AssessmentContext): string => civilDateOf(context.now());

/** The official working-day calendar (how late an item is, on the lists). */
export const officialSchedule: HolidaySchedule = buildHolidaySchedule({ official: officialCalendar });

/** What the viewer may see here; PERMISSION_DENIED when nothing. */
export function visibilityFor(context: AssessmentContext, viewer: Viewer): Visibility {
  return unwrap(visibilityOf(viewer, { region: context.region, isCity: context.isCity, sourced: context.sourced }));
}

export const regionName = (context: AssessmentContext, region: string): string => context.regionNames.get(region) ?? region;
