import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { afterEach, describe, expect, it } from "vitest";
import { joinCase, startTelemetry, withCaseBaggage, withCaseSpan, type Telemetry } from "./index.js";
import { createCounter, createGauge, createHistogram } from "./instruments.js";
import { durationBuckets, metricDefinitions, prometheusName } from "./names.js";

let telemetry: Telemetry | undefined;
afterEach(async () => {
  await telemetry?.shutdown();
  telemetry = undefined;
});

const start = (spanExporter?: InMemorySpanExporter, sampler?: { name: "parentbased_traceidratio"; ratio: number }) =>
  (telemetry = startTelemetry({ serviceName: "steward-test", region: "hanbin", otlpEndpoint: undefined, ...(spanExporter ? { spanExporter } : {}), ...(sampler ? { sampler } : {}) }));

describe("metrics on /metrics", () => {
  it("names series with their unit, uses the registry's second buckets and labels every series with service and region", async () => {
    const { prometheusText } = start();
    createHistogram(metricDefinitions.consumerDuration).record(0.003, { "messaging.consumer.group.name": "c1", "steward.event.type": "x", "steward.outcome": "handled" });
    createCounter(metricDefinitions.natsReconnects);
    createGauge(metricDefinitions.outboxOldestAge).record(12.5);
    const text = await prometheusText();
    expect(text).toContain("# TYPE steward_consumer_duration_seconds histogram");
    // Explicit second buckets: 3 ms lands in le=0.005, not in the SDK's first millisecond bucket (le=0 … le=5).
    const buckets = text.split("\n").filter((line) => line.startsWith("steward_consumer_duration_seconds_bucket"));
    expect(buckets.map((line) => /le="([^"]+)"/.exec(line)![1])).toEqual([...durationBuckets.map(String), "+Inf"]);
    expect(buckets.find((line) => line.includes('le="0.0025"'))).toMatch(/ 0$/);
    expect(buckets.find((line) => line.includes('le="0.005"'))).toMatch(/ 1$/);
    // Zero-initialised counter, suffixed gauge, and the constant labels.
    expect(text).toMatch(/^steward_nats_reconnects_total\{service_name="steward-test",steward_region="hanbin"\} 0$/m);
    expect(text).toMatch(/^steward_outbox_oldest_age_seconds\{service_name="steward-test",steward_region="hanbin"\} 12\.5$/m);
    expect(prometheusName(metricDefinitions.outboxOldestAge)).toBe("steward_outbox_oldest_age_seconds");
  });

  it("exports the runtime metrics of the process from the start", async () => {
    const { prometheusText } = start();
    const text = await prometheusText();
    for (const name of ["process_memory_usage_bytes", "v8js_memory_heap_used_bytes", "v8js_memory_heap_limit_bytes", "nodejs_eventloop_delay_p99_seconds", "nodejs_eventloop_delay_max_seconds", "nodejs_eventloop_utilization_ratio"]) {
      const value = Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, "m").exec(text)?.[1]);
      expect(Number.isFinite(value), name).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(Number(/^process_memory_usage_bytes\{[^}]*\} (\S+)$/m.exec(text)![1])).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe("tracing", () => {
  it("records nothing when spans have nowhere to go, yet still gives callees and logs a trace id", () => {
    start();
    trace.getTracer("t").startActiveSpan("work", (span) => {
      expect(span.isRecording()).toBe(false);
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
      span.end();
    });
  });

  it("samples by ratio when configured (OTEL_TRACES_SAMPLER=parentbased_traceidratio)", () => {
    start(new InMemorySpanExporter(), { name: "parentbased_traceidratio", ratio: 0 });
    trace.getTracer("t").startActiveSpan("work", (span) => {
      expect(span.isRecording()).toBe(false);
      span.end();
    });
  });

  it("puts a case's ids on every span under the one that learnt them, and links the case's origin", async () => {
    const exporter = new InMemorySpanExporter();
    const { flush } = start(exporter);
    const tracer = trace.getTracer("t");
    const origin = tracer.startSpan("submit plan");
    const originCarrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), origin), originCarrier);
    origin.end();
    await tracer.startActiveSpan("decide item", async (span) => {
      tracer.startSpan("before").end(); // started before the case was known: no ids
      joinCase({ caseId: "case-1", projectId: "project-1", origin: originCarrier });
      tracer.startSpan("query").end();
      await withCaseSpan("complete case", { caseId: "case-1", projectId: "project-1", origin: originCarrier }, async () => tracer.startSpan("write").end());
      span.end();
    });
    await flush();
    const spans = new Map(exporter.getFinishedSpans().map((span) => [span.name, span]));
    expect(spans.get("before")!.attributes["steward.case_id"]).toBeUndefined();
    for (const name of ["decide item", "query", "complete case", "write"]) {
      expect(spans.get(name)!.attributes, name).toMatchObject({ "steward.case_id": "case-1", "steward.project_id": "project-1" });
    }
    for (const name of ["decide item", "complete case"]) {
      expect(spans.get(name)!.links.map((link) => link.context.spanId), name).toEqual([origin.spanContext().spanId]);
    }
  });

  it("carries a case's ids as baggage to spans resumed from a stored context", async () => {
    const exporter = new InMemorySpanExporter();
    const { flush } = start(exporter);
    const carrier: Record<string, string> = {};
    context.with(withCaseBaggage({ caseId: "case-2", projectId: "project-2" }), () => propagation.inject(context.active(), carrier));
    expect(carrier.baggage).toContain("steward.case_id=case-2");
    const resumed = propagation.extract(context.active(), carrier);
    trace.getTracer("t").startSpan("webhook POST", {}, resumed).end();
    await flush();
    expect(exporter.getFinishedSpans()[0]!.attributes).toMatchObject({ "steward.case_id": "case-2", "steward.project_id": "project-2" });
  });
});
