import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { TraceCarrier } from "../telemetry/case-trace.js";
import { attributeNames } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";

/** Only traceparent and tracestate go to another party's server: baggage stays among our services. */
const traceContextOnly = new W3CTraceContextPropagator();

export interface TracedFetchInit extends RequestInit {
  /** The trace this request belongs to when it is not the active one (work resumed from a row). */
  parent?: TraceCarrier;
}

/**
 * fetch as an outgoing HTTP CLIENT span (the OpenTelemetry HTTP conventions: method, url.full
 * without query or credentials, server address and port, status code), sending its `traceparent`
 * so the receiver can continue the trace. Resolves with the response whatever its status; the span
 * is an error for a status of 400 or more or a failed request.
 */
export function tracedFetch(url: string, init: TracedFetchInit = {}): Promise<Response> {
  const { parent, ...request } = init;
  const method = (request.method ?? "GET").toUpperCase();
  const target = new URL(url);
  const parentContext = parent ? contextFromHeaders((key) => parent[key]) : context.active();
  const span = trace.getTracer("steward.http").startSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [attributeNames.httpMethod]: method,
        [attributeNames.urlFull]: `${target.protocol}//${target.host}${target.pathname}`,
        [attributeNames.serverAddress]: target.hostname,
        [attributeNames.serverPort]: Number(target.port || (target.protocol === "https:" ? 443 : 80)),
      },
    },
    parentContext,
  );
  const headers = new Headers(request.headers);
  traceContextOnly.inject(trace.setSpan(parentContext, span), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  return context.with(trace.setSpan(parentContext, span), () => fetch(url, { ...request, headers })).then(
    (response) => {
      span.setAttribute(attributeNames.httpStatus, response.status);
      if (response.status >= 400) {
        span.setAttribute(attributeNames.errorType, String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      return response;
    },
    (error: unknown) => {
      span.setAttribute(attributeNames.errorType, (error as Error).name ?? "Error");
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw error;
    },
  );
}
