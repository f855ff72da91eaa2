import type { TableGrants } from "@steward/platform/db";

/**
 * What agreement's runtime role may do to its tables (see @steward/platform/db grants): exactly
 * what the code does. `update` is also what SELECT … FOR UPDATE / FOR SHARE and ON CONFLICT DO
 * UPDATE need; nothing is deleted (hand-overs and reviews keep their history).
 */
export const runtimeGrants: TableGrants = {
  agreements: ["select", "insert", "update"],
  plans: ["select", "insert", "update"],
  plan_reviews: ["select", "insert", "update"],
  stewards: ["select", "insert", "update"],
  steward_assignments: ["select", "insert", "update"],
  liaisons: ["select", "insert", "update"],
};
