import { constants, monitorEventLoopDelay, performance, PerformanceObserver, type EventLoopUtilization } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { createHistogram, createObservableGauge, stewardMeter } from "./instruments.js";
import { attributeNames, metricDefinitions as m } from "./names.js";

const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

/**
 * Process and V8 metrics: resident memory against the 256 MiB budget, the heap and its limit, GC
 * pauses, and event-loop delay and utilisation. Delay and utilisation cover the time since the
 * previous collection. Returns a function that stops the observers.
 */
export function startRuntimeMetrics(): () => void {
  const meter = stewardMeter();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let utilisedSince: EventLoopUtilization = performance.eventLoopUtilization();

  const gc = createHistogram(m.gcDuration, meter);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = gcKinds[(entry as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? "other";
      gc.record(entry.duration / 1000, { [attributeNames.gcType]: kind });
    }
  });
  observer.observe({ entryTypes: ["gc"] });

  const gauges = {
    memory: createObservableGauge(m.processMemory, meter),
    heapUsed: createObservableGauge(m.heapUsed, meter),
    heapLimit: createObservableGauge(m.heapLimit, meter),
    delayP99: createObservableGauge(m.eventLoopDelayP99, meter),
    delayMax: createObservableGauge(m.eventLoopDelayMax, meter),
    utilisation: createObservableGauge(m.eventLoopUtilization, meter),
  };
  const collect = (result: { observe: (gauge: (typeof gauges)[keyof typeof gauges], value: number) => void }) => {
    const heap = getHeapStatistics();
    result.observe(gauges.memory, process.memoryUsage.rss());
    result.observe(gauges.heapUsed, heap.used_heap_size);
    result.observe(gauges.heapLimit, heap.heap_size_limit);
    // The histogram is empty until the loop has run a whole resolution period: report 0, not NaN.
    const nanos = (value: number) => (Number.isFinite(value) && delay.count > 0 ? value / 1e9 : 0);
    result.observe(gauges.delayP99, nanos(delay.percentile(99)));
    result.observe(gauges.delayMax, nanos(delay.max));
    delay.reset();
    result.observe(gauges.utilisation, performance.eventLoopUtilization(utilisedSince).utilization);
    utilisedSince = performance.eventLoopUtilization();
  };
  meter.addBatchObservableCallback(collect, Object.values(gauges));
  return () => {
    meter.removeBatchObservableCallback(collect, Object.values(gauges));
    observer.disconnect();
    delay.disable();
  };
}
