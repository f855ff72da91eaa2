import { context, metrics, propagation, trace, type Meter, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { PrometheusExporter, PrometheusSerializer } from "@opentelemetry/exporter-prometheus";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader, type MetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, TracerProvider, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { CaseAttributesProcessor } from "./case-trace.js";
import { stewardMeter } from "./instruments.js";
import { withPrometheusUnits } from "./prometheus.js";
import { startRuntimeMetrics } from "./runtime.js";
import { createSampler, type SamplerConfig } from "./sampler.js";

export { metricDefinitions, attributeNames, durationBuckets, prometheusName, prometheusLabel, type MetricDefinition, type MetricKey } from "./names.js";
export { createCounter, createGauge, createHistogram, createObservableGauge, stewardMeter } from "./instruments.js";
export { samplerNames, type SamplerConfig, type SamplerName } from "./sampler.js";
export {
  caseAttributes,
  currentTraceCarrier,
  joinCase,
  linkTo,
  spanContextOf,
  withCaseBaggage,
  withCaseSpan,
  type CaseRef,
  type TraceCarrier,
} from "./case-trace.js";

export interface TelemetryOptions {
  serviceName: string;
  region: string;
  /** OTLP/HTTP base URL; traces and metrics are pushed there when set. */
  otlpEndpoint: string | undefined;
  /** The head sampler (OTEL_TRACES_SAMPLER); default parent-based, always on. */
  sampler?: SamplerConfig;
  /** Where spans go besides the OTLP endpoint (tests keep them in memory). */
  spanExporter?: SpanExporter;
}

export interface Telemetry {
  tracer: Tracer;
  meter: Meter;
  /** Whether spans are recorded at all: only when they have somewhere to go. */
  tracing: boolean;
  /** The current metrics in Prometheus text format, for GET /metrics. */
  prometheusText(): Promise<string>;
  /** Exports the spans ended so far (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Resource attributes every Prometheus series carries as a label (service_name, steward_region). */
const constantLabels = /^(service\.name|steward\.region)$/;

/**
 * Starts tracing and metrics for one process and registers them globally, so every module's
 * `trace.getTracer()` and `metrics.getMeter()` land here. W3C trace context and baggage are the
 * propagation format on gRPC metadata, HTTP headers and NATS message headers alike.
 *
 * Spans are recorded only when they have somewhere to go (an OTLP endpoint or a given exporter);
 * otherwise every span is a non-recording one that still carries trace ids to logs and callees.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName, "steward.region": options.region });

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );

  const exporters: SpanExporter[] = [];
  if (options.otlpEndpoint) exporters.push(new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` }));
  if (options.spanExporter) exporters.push(options.spanExporter);
  const tracing = exporters.length > 0;
  const spanProcessors: SpanProcessor[] = [new CaseAttributesProcessor(), ...exporters.map((exporter) => new BatchSpanProcessor({ exporter }))];
  const sampler = createSampler(tracing ? (options.sampler ?? { name: "parentbased_always_on", ratio: 1 }) : { name: "always_off", ratio: 0 });
  const tracerProvider = new TracerProvider({ resource, sampler, spanProcessors });
  trace.setGlobalTracerProvider(tracerProvider);

  const prometheus = new PrometheusExporter({ preventServerStart: true, withResourceConstantLabels: constantLabels, withoutScopeInfo: true });
  const readers: MetricReader[] = [prometheus];
  if (options.otlpEndpoint) {
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${options.otlpEndpoint}/v1/metrics` }),
        exportIntervalMillis: 15_000,
      }),
    );
  }
  const meterProvider = new MeterProvider({ resource, readers });
  metrics.setGlobalMeterProvider(meterProvider);
  const serializer = new PrometheusSerializer("", false, constantLabels, false, true);
  const stopRuntimeMetrics = startRuntimeMetrics();

  return {
    tracer: trace.getTracer(options.serviceName),
    meter: stewardMeter(),
    tracing,
    async prometheusText() {
      const { resourceMetrics } = await prometheus.collect();
      return serializer.serialize(withPrometheusUnits(resourceMetrics));
    },
    flush: () => tracerProvider.forceFlush(),
    async shutdown() {
      stopRuntimeMetrics();
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export { traceHeaders, contextFromHeaders } from "./propagation.js";
