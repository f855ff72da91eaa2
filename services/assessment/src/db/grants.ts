import type { TableGrants } from "@steward/platform/db";

/** A projection table: events upsert its rows (INSERT … ON CONFLICT DO UPDATE), the figures read them. */
const projected = ["select", "insert", "update"] as const;

/** What assessment's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  // The regions file replaces the table's rows at start.
  regions: ["select", "insert", "delete"],
  projected_cases: projected,
  projected_items: projected,
  projected_supplements: projected,
  projected_escalations: projected,
  projected_complaints: projected,
  projected_hotline_tickets: projected,
  projected_projects: projected,
  projected_steward_assignments: projected,
  projected_plan_targets: projected,
  projected_bars: projected,
  // Published bulletins are frozen (the triggers refuse UPDATE and DELETE; the role is refused them too).
  bulletins: ["select", "insert"],
  // A referral's status moves forward in place.
  referrals: ["select", "insert", "update"],
};
