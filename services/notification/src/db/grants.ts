import type { TableGrants } from "@steward/platform/db";

/** What notification's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  // Deliveries are claimed (FOR UPDATE SKIP LOCKED) and their attempts recorded.
  deliveries: ["select", "insert", "update"],
  // Read and marked read; never deleted.
  inbox_messages: ["select", "insert", "update"],
  // The directory of projects, liaisons, cases and milestones, kept from events (upserts).
  projects: ["select", "insert", "update"],
  project_liaisons: ["select", "insert", "update"],
  cases: ["select", "insert"],
  project_milestones: ["select", "insert"],
  // Events that arrived before what they refer to; removed once resolved.
  parked_events: ["select", "insert", "delete"],
  recipient_preferences: ["select", "insert", "update"],
  webhook_endpoints: ["select", "insert", "update"],
  reminders: ["select", "insert", "update"],
  review_invitations: ["select", "insert", "update"],
  reviews: ["select", "insert"],
  rectifications: ["select", "insert", "update"],
  policies: ["select", "insert", "update"],
  policy_matches: ["select", "insert"],
};
