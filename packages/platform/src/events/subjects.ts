/**
 * Every region has its own subjects and stream: steward.<region>.<event type> in STEWARD_<REGION>.
 * A region's services never read another region's stream; the city region aggregates counties
 * by sourcing their streams (a later issue), not by reading them directly.
 */
export function subjectFor(region: string, eventType: string): string {
  return `steward.${region}.${eventType}`;
}

export function streamFor(region: string): string {
  return `STEWARD_${region.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export function regionSubjects(region: string): string {
  return `steward.${region}.>`;
}
