import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { startTelemetry, type Telemetry } from "@steward/platform/telemetry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, seedCatalogue, value, type Harness, type Routing } from "../db/test-harness.js";
import { runClockRound } from "./clock-scheduler.js";
import { LightGauges } from "./light-gauges.js";

let harness: Harness;
let telemetry: Telemetry;
const spans = new InMemorySpanExporter();
beforeAll(async () => {
  telemetry = startTelemetry({ serviceName: "steward-approval-routing", region: "hanbin", otlpEndpoint: undefined, spanExporter: spans });
  harness = await createHarness("routing_lights");
});
afterAll(async () => {
  await harness?.close();
  await telemetry?.shutdown();
});

const departments = seedCatalogue().departments.map((department) => department.code);

/** The gauge's value per department, from the Prometheus text. */
async function byDepartment(name: string): Promise<Map<string, number>> {
  const values = new Map<string, number>();
  for (const line of (await telemetry.prometheusText()).split("\n")) {
    const match = new RegExp(`^${name}\\{.*steward_department="([^"]+)".*\\} (\\S+)$`).exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

async function accepted(routing: Routing, code: string) {
  const kase = value(await routing.submit([code]));
  const item = await routing.item(kase.id, code);
  return value(await routing.act(item, { kind: "accept", mode: "normal" }));
}

describe("LightGauges", () => {
  it("exports every department's lights and escalations from 0, and follows the clock's rounds", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const gauges = new LightGauges(routing.deps, departments);
    for (const name of ["steward_routing_items_warned", "steward_routing_items_overdue", "steward_routing_items_escalated"]) {
      const values = await byDepartment(name);
      expect([...values.keys()].sort(), name).toEqual([...departments].sort());
      expect([...values.values()].every((v) => v === 0), name).toBe(true);
    }

    // Two zrzy items and one sthj item under the clock; committed deadlines 2026-03-16 (ZRZY-YDYS).
    const ydys = await accepted(routing, "ZRZY-YDYS");
    await accepted(routing, "ZRZY-YDGH");
    await accepted(routing, "STHJ-HPB");
    routing.setDay("2026-03-13");
    await runClockRound(routing.deps);
    await gauges.refresh();
    const warned = await byDepartment("steward_routing_items_warned");
    expect(warned.get("zrzy")).toBeGreaterThanOrEqual(1);
    expect((await byDepartment("steward_routing_items_overdue")).get("zrzy")).toBe(0);

    routing.setDay("2026-03-17");
    await runClockRound(routing.deps);
    await gauges.refresh();
    const overdue = await byDepartment("steward_routing_items_overdue");
    expect(overdue.get("zrzy")).toBeGreaterThanOrEqual(1);
    expect((await byDepartment("steward_routing_items_escalated")).get("zrzy")).toBe(overdue.get("zrzy"));
    // Red, no longer yellow.
    expect((await byDepartment("steward_routing_items_warned")).get("zrzy")).toBe(warned.get("zrzy")! - overdue.get("zrzy")!);
    expect(overdue.get("fgw")).toBe(0);

    // A decided item leaves the lights (the escalation stays open until the joint meeting resolves it).
    value(await routing.act(ydys, { kind: "decide", decision: "approve" }));
    await gauges.refresh();
    expect((await byDepartment("steward_routing_items_overdue")).get("zrzy")).toBe(overdue.get("zrzy")! - 1);
  });

  it("runs each action of a traced clock round in a span of the item's case, linked to the trace the case began in", async () => {
    const routing = harness.routing({ day: "2026-03-02" });
    const tracer = trace.getTracer("test");
    const submitted = await tracer.startActiveSpan("SubmitPlan", async (span) => {
      const kase = value(await routing.submit(["ZRZY-YDYS"]));
      span.end();
      return { kase, origin: span.spanContext() };
    });
    value(await routing.act(await routing.item(submitted.kase.id, "ZRZY-YDYS"), { kind: "accept", mode: "normal" }));
    routing.setDay("2026-03-13");
    const round = await tracer.startActiveSpan("clock round", async (span) => {
      expect((await runClockRound(routing.deps)).warned).toBe(1);
      span.end();
      return span.spanContext();
    });
    await telemetry.flush();
    const warn = spans.getFinishedSpans().find((span) => span.name === "clock warn" && span.spanContext().traceId === round.traceId)!;
    expect(warn.parentSpanContext?.spanId).toBe(round.spanId);
    expect(warn.attributes).toMatchObject({ "steward.case_id": submitted.kase.id, "steward.project_id": submitted.kase.projectId });
    expect(warn.links.map((link) => link.context.spanId)).toEqual([submitted.origin.spanId]);
    // The round's queries are its children; the warning's writes carry the case's ids.
    const writes = spans.getFinishedSpans().filter((span) => span.parentSpanContext?.spanId === warn.spanContext().spanId);
    expect(writes.map((span) => span.name)).toContain("UPDATE case_items");
    expect(writes.every((span) => span.attributes["steward.case_id"] === submitted.kase.id)).toBe(true);
  });
});
