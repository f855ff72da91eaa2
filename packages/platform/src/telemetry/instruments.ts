import { metrics, type Attributes, type Counter, type Gauge, type Histogram, type Meter, type ObservableGauge } from "@opentelemetry/api";
import type { MetricDefinition } from "./names.js";

/** The meter every Steward instrument hangs on: one instrumentation scope, so no scope labels. */
export const stewardMeter = (): Meter => metrics.getMeter("steward");

type Defined<K extends MetricDefinition["kind"]> = MetricDefinition & { kind: K };

const options = (definition: MetricDefinition) => ({ description: definition.description, unit: definition.unit });

/** A histogram with the registry's explicit buckets (never the SDK's millisecond defaults). */
export function createHistogram(definition: Defined<"histogram">, meter = stewardMeter()): Histogram {
  return meter.createHistogram(definition.name, { ...options(definition), advice: { explicitBucketBoundaries: [...(definition.buckets ?? [])] } });
}

/**
 * A counter whose series exist from the start: each label set in `known` is added with 0, so an
 * alert on absence or on `increase()` works before the first event.
 */
export function createCounter(definition: Defined<"counter">, known: Attributes[] = [{}], meter = stewardMeter()): Counter {
  const counter = meter.createCounter(definition.name, options(definition));
  for (const attributes of known) counter.add(0, attributes);
  return counter;
}

/** A gauge set when its value changes, zero-initialised for each label set in `known`. */
export function createGauge(definition: Defined<"gauge">, known: Attributes[] = [{}], meter = stewardMeter()): Gauge {
  const gauge = meter.createGauge(definition.name, options(definition));
  for (const attributes of known) gauge.record(0, attributes);
  return gauge;
}

/** A gauge read when metrics are collected (a scrape or an OTLP push). */
export function createObservableGauge(definition: Defined<"gauge">, meter = stewardMeter()): ObservableGauge {
  return meter.createObservableGauge(definition.name, options(definition));
}
