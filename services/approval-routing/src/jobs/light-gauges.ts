import type { Gauge } from "@opentelemetry/api";
import { attributeNames, createGauge, metricDefinitions as m } from "@steward/platform/telemetry";
import type { RoutingDeps } from "../db/item-pipeline.js";
import { departmentLights, provisionalDeadlines } from "../db/lights.js";

/**
 * The gauges operations alert on, per department: items on the yellow and red lights and items at
 * the joint meeting, and the provisional deadlines. Every department of the catalogue has its
 * series from the start (at 0), so "no overdue items" is a 0, not a missing series, and a
 * department that clears its lights goes back to 0.
 */
export class LightGauges {
  private readonly departments: Set<string>;
  private readonly warned: Gauge;
  private readonly overdue: Gauge;
  private readonly escalated: Gauge;
  private readonly provisional: Gauge;

  constructor(
    private readonly deps: Pick<RoutingDeps, "sql" | "region">,
    departments: readonly string[],
  ) {
    this.departments = new Set(departments);
    const known = [...this.departments].map((department) => ({ [attributeNames.department]: department }));
    this.warned = createGauge(m.itemsWarned, known);
    this.overdue = createGauge(m.itemsOverdue, known);
    this.escalated = createGauge(m.itemsEscalated, known);
    this.provisional = createGauge(m.deadlinesProvisional);
  }

  async refresh(): Promise<void> {
    const [lights, provisional] = await Promise.all([departmentLights(this.deps.sql, this.deps.region), provisionalDeadlines(this.deps.sql, this.deps.region)]);
    const byDepartment = new Map(lights.map((row) => [row.department, row]));
    // A department seen once (a catalogue edit added it) keeps its series.
    for (const department of byDepartment.keys()) this.departments.add(department);
    for (const department of this.departments) {
      const row = byDepartment.get(department);
      const attributes = { [attributeNames.department]: department };
      this.warned.record(row?.warned ?? 0, attributes);
      this.overdue.record(row?.overdue ?? 0, attributes);
      this.escalated.record(row?.escalated ?? 0, attributes);
    }
    this.provisional.record(provisional);
  }
}
