import { context, propagation, type Context } from "@opentelemetry/api";

/** The active trace context as W3C headers (traceparent, tracestate, baggage). */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** The context a producer sent, read from any header-like carrier. */
export function contextFromHeaders(get: (key: string) => string | undefined): Context {
  return propagation.extract(context.active(), undefined, {
    get: (_carrier, key) => get(key),
    keys: () => ["traceparent", "tracestate", "baggage"],
  });
}
