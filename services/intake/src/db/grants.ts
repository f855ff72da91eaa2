import type { TableGrants } from "@steward/platform/db";

/**
 * What intake's runtime role may do to its tables (see @steward/platform/db grants): exactly what
 * the code does. `update` is also what SELECT … FOR UPDATE needs; nothing is ever deleted but the
 * hotline's inbound message ids, which are kept a day for replay protection.
 */
export const runtimeGrants: TableGrants = {
  enterprises: ["select", "insert", "update"],
  // Filled by routing's credit bars; intake only reads them.
  enterprise_credit_bars: ["select"],
  projects: ["select", "insert", "update"],
  service_requests: ["select", "insert", "update"],
  complaints: ["select", "insert", "update"],
  hotline_tickets: ["select", "insert", "update"],
  hotline_inbound_messages: ["select", "insert", "update", "delete"],
  hotline_deliveries: ["select", "insert", "update"],
};
