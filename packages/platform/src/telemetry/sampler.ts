import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler } from "@opentelemetry/sdk-trace";

/** The samplers OTEL_TRACES_SAMPLER names (the OpenTelemetry SDK environment specification). */
export const samplerNames = ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"] as const;
export type SamplerName = (typeof samplerNames)[number];

export interface SamplerConfig {
  name: SamplerName;
  /** OTEL_TRACES_SAMPLER_ARG: the share of traces kept by the ratio samplers, 0 to 1. */
  ratio: number;
}

/**
 * The head sampler: how much tracing costs on the hot path is decided here, once per trace. A
 * parent-based sampler follows the caller's decision, so a trace is kept or dropped whole across
 * services; a dropped trace still propagates its ids (logs keep their trace_id) but records nothing.
 */
export function createSampler(config: SamplerConfig): Sampler {
  const root = (kind: "on" | "off" | "ratio") =>
    kind === "on" ? new AlwaysOnSampler() : kind === "off" ? new AlwaysOffSampler() : new TraceIdRatioBasedSampler(config.ratio);
  switch (config.name) {
    case "always_on":
      return root("on");
    case "always_off":
      return root("off");
    case "traceidratio":
      return root("ratio");
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: root("on") });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: root("off") });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: root("ratio") });
  }
}
