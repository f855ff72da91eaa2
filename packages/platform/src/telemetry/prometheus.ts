import type { MetricData, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { DataPointType } from "@opentelemetry/sdk-metrics";
import { withUnitSuffix, type MetricKind } from "./names.js";

const kindOf = (metric: MetricData): MetricKind =>
  metric.dataPointType === DataPointType.HISTOGRAM || metric.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM
    ? "histogram"
    : metric.dataPointType === DataPointType.SUM && metric.isMonotonic
      ? "counter"
      : "gauge";

/**
 * Adds the unit to every metric's name before Prometheus serialisation, as the OpenTelemetry
 * specification asks of Prometheus exporters (the SDK's serialiser does not): a duration in
 * seconds is `…_seconds`, a size `…_bytes`. OTLP export keeps the plain names and units, which a
 * Prometheus OTLP endpoint translates to the same names.
 */
export function withPrometheusUnits(resourceMetrics: ResourceMetrics): ResourceMetrics {
  return {
    ...resourceMetrics,
    scopeMetrics: resourceMetrics.scopeMetrics.map((scope) => ({
      ...scope,
      metrics: scope.metrics.map((metric) => {
        const name = withUnitSuffix(metric.descriptor.name, metric.descriptor.unit, kindOf(metric));
        return name === metric.descriptor.name ? metric : ({ ...metric, descriptor: { ...metric.descriptor, name } } as MetricData);
      }),
    })),
  };
}
