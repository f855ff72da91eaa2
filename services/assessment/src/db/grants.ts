import type { TableGrants } from "@steward/platform/db";

/** What assessment's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  // A completion or reopening arriving later updates the case's row (ON CONFLICT DO UPDATE).
  completed_cases: ["select", "insert", "update"],
  supplement_rounds: ["select", "insert"],
  // The regions file replaces the table's rows at start.
  regions: ["select", "insert", "delete"],
};
