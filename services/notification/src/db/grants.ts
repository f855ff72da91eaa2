import type { TableGrants } from "@steward/platform/db";

/** What notification's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  // Deliveries are claimed (FOR UPDATE SKIP LOCKED) and their attempts recorded.
  deliveries: ["select", "insert", "update"],
};
