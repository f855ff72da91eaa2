import type { TableGrants } from "@steward/platform/db";

/**
 * What routing's runtime role may do to its tables (see @steward/platform/db grants): exactly what
 * the code does. `update` is also what SELECT … FOR UPDATE and ON CONFLICT DO UPDATE need; nothing
 * of a case's history (items, requests, changes, submissions) is ever deleted.
 */
export const runtimeGrants: TableGrants = {
  cases: ["select", "insert", "update"],
  plan_submissions: ["select", "insert"],
  case_items: ["select", "insert", "update"],
  gateway_requests: ["select", "insert", "update"],
  assignment_changes: ["select", "insert"],
  escalations: ["select", "insert", "update"],
  consultations: ["select", "insert", "update"],
  // The catalogue and the calendar are replaced as a whole when a new version loads.
  departments: ["select", "insert", "update", "delete"],
  catalogue_items: ["select", "insert", "update", "delete"],
  selections: ["select", "insert", "update", "delete"],
  catalogue_versions: ["select", "insert"],
  calendar_overrides: ["select", "insert", "update", "delete"],
  calendar_years: ["select", "insert", "update"],
  // 纵向联动: forwarded items are locked while a report applies; reports are marked sent.
  forwarded_items: ["select", "insert", "update"],
  forward_reports: ["select", "insert", "update"],
  // A plan version's declared prerequisites replace the earlier version's (the ledger keeps each
  // declaration: case.prerequisite_declared).
  case_prerequisites: ["select", "insert", "update", "delete"],
  // Bars after a false commitment are never deleted; a county marks its bars reported to the city.
  commitment_bars: ["select", "insert", "update"],
};
