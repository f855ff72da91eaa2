import type { TableGrants } from "@steward/platform/db";

/** What intake's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  projects: ["select", "insert"],
};
