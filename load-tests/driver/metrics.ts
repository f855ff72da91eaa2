/**
 * The driver's metrics, shaped like k6's: trends (HdrHistogram, microsecond resolution, reported
 * in milliseconds), rates (checks) and counters; sub-metrics by tag as `name{tag:value}`.
 */
import hdr from "hdr-histogram-js";
import type { Histogram } from "hdr-histogram-js";

/** Longest value a trend tracks: 10 minutes in microseconds; longer values are clamped. */
const highestMicros = 600_000_000;

export class Trend {
  readonly type = "trend";
  private readonly histogram: Histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: highestMicros, numberOfSignificantValueDigits: 3, autoResize: false });
  private sum = 0;
  private min = Infinity;
  private max = 0;
  count = 0;

  /** Adds one value in milliseconds. */
  add(ms: number): void {
    const micros = Math.min(highestMicros, Math.max(1, Math.round(ms * 1000)));
    this.histogram.recordValue(micros);
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  percentile(p: number): number {
    return this.count === 0 ? 0 : this.histogram.getValueAtPercentile(p) / 1000;
  }

  /** The aggregation a threshold expression names: avg, min, max, med, p(N), count. */
  value(aggregation: string): number | undefined {
    const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(aggregation);
    if (p) return this.percentile(Number(p[1]));
    switch (aggregation) {
      case "avg":
        return this.count === 0 ? 0 : this.sum / this.count;
      case "min":
        return this.count === 0 ? 0 : this.min;
      case "max":
        return this.max;
      case "med":
        return this.percentile(50);
      case "count":
        return this.count;
      default:
        return undefined;
    }
  }

  summary(): TrendSummary {
    return {
      count: this.count,
      avg: round(this.value("avg")!),
      min: round(this.value("min")!),
      p50: round(this.percentile(50)),
      p90: round(this.percentile(90)),
      p95: round(this.percentile(95)),
      p99: round(this.percentile(99)),
      p999: round(this.percentile(99.9)),
      max: round(this.max),
    };
  }
}

export interface TrendSummary {
  count: number;
  avg: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

export class Rate {
  readonly type = "rate";
  passes = 0;
  fails = 0;

  add(passed: boolean): void {
    if (passed) this.passes++;
    else this.fails++;
  }

  get rate(): number {
    const total = this.passes + this.fails;
    return total === 0 ? 0 : this.passes / total;
  }

  value(aggregation: string): number | undefined {
    return aggregation === "rate" ? this.rate : undefined;
  }
}

export class Counter {
  readonly type = "counter";
  count = 0;
  constructor(private readonly elapsedSeconds: () => number) {}

  add(n = 1): void {
    this.count += n;
  }

  value(aggregation: string): number | undefined {
    if (aggregation === "count") return this.count;
    if (aggregation === "rate") return this.count / Math.max(this.elapsedSeconds(), 1e-9);
    return undefined;
  }
}

export type Metric = Trend | Rate | Counter;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A run's metrics by name; a sub-metric is a name with tags, `grpc_req_duration{rpc:decideItem}`. */
export class Registry {
  private readonly metrics = new Map<string, Metric>();
  /** Pass/fail counts of every named check, as k6's summary lists them. */
  readonly checks = new Map<string, Rate>();
  private startedAt = performance.now();
  private endedAt: number | undefined;

  /** Seconds the measured run took (to now while it runs). */
  elapsedSeconds = () => ((this.endedAt ?? performance.now()) - this.startedAt) / 1000;

  start(): void {
    this.startedAt = performance.now();
    this.endedAt = undefined;
  }

  end(): void {
    this.endedAt = performance.now();
  }

  trend(name: string, tags?: Record<string, string>): Trend {
    return this.get(keyOf(name, tags), () => new Trend());
  }

  rate(name: string): Rate {
    return this.get(name, () => new Rate());
  }

  counter(name: string): Counter {
    return this.get(name, () => new Counter(this.elapsedSeconds));
  }

  /** Records a named check into `checks` (the rate thresholds read) and its own tally. */
  check(checksMetric: string, name: string, passed: boolean): boolean {
    this.rate(checksMetric).add(passed);
    let tally = this.checks.get(name);
    if (!tally) this.checks.set(name, (tally = new Rate()));
    tally.add(passed);
    return passed;
  }

  find(key: string): Metric | undefined {
    return this.metrics.get(key);
  }

  entries(): [string, Metric][] {
    return [...this.metrics.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  private get<M extends Metric>(key: string, create: () => M): M {
    let metric = this.metrics.get(key);
    if (!metric) this.metrics.set(key, (metric = create()));
    return metric as M;
  }
}

export function keyOf(name: string, tags?: Record<string, string>): string {
  if (!tags || Object.keys(tags).length === 0) return name;
  return `${name}{${Object.entries(tags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}:${v}`)
    .join(",")}}`;
}
