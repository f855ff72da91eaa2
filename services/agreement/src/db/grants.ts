import type { TableGrants } from "@steward/platform/db";

/** What agreement's runtime role may do to its tables (see @steward/platform/db grants): exactly what the code does. */
export const runtimeGrants: TableGrants = {
  // Signing updates the row; approval locks it (FOR UPDATE needs UPDATE).
  agreements: ["select", "insert", "update"],
  // routing's answer to a submission is recorded on the plan version.
  plans: ["select", "insert", "update"],
};
