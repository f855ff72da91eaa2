import {
  ROOT_CONTEXT,
  SpanStatusCode,
  context,
  isSpanContextValid,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanContext,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { ReadableSpan, Span as SdkSpan, SpanProcessor } from "@opentelemetry/sdk-trace";
import { attributeNames } from "./names.js";
import { traceHeaders } from "./propagation.js";

/**
 * A trace context kept with a row (W3C headers: traceparent, tracestate, baggage), so that work
 * done later — a command on the case, a delivery, a forwarded item — can join the trace it began in.
 */
export type TraceCarrier = Record<string, string>;

/** What joins a span to a case's life: its ids, and the trace the case (or project) began in. */
export interface CaseRef {
  caseId?: string | undefined;
  projectId?: string | undefined;
  /** Where the case began (the plan's SubmitPlan, the project's registration): linked, not parented. */
  origin?: TraceCarrier | undefined;
}

const caseKeys = [attributeNames.caseId, attributeNames.projectId] as const;

/**
 * The active trace context, to store with a row or an event that later work will join: W3C
 * headers, with the active span's case ids added to the baggage, so spans resumed from it (a
 * publish, a delivery) carry them too.
 */
export function currentTraceCarrier(): TraceCarrier {
  const active = context.active();
  const attributes = (trace.getSpan(active) as Partial<Pick<ReadableSpan, "attributes">> | undefined)?.attributes;
  const caseId = attributes?.[attributeNames.caseId];
  const projectId = attributes?.[attributeNames.projectId];
  if (typeof caseId !== "string" && typeof projectId !== "string") return traceHeaders(active);
  return traceHeaders(withCaseBaggage({ caseId: typeof caseId === "string" ? caseId : undefined, projectId: typeof projectId === "string" ? projectId : undefined }, active));
}

const traceContextOnly = new W3CTraceContextPropagator();

/** The span context a carrier names, if it names a valid one. */
export function spanContextOf(carrier: TraceCarrier | null | undefined): SpanContext | undefined {
  if (!carrier?.traceparent) return undefined;
  const extracted = trace.getSpanContext(
    traceContextOnly.extract(ROOT_CONTEXT, carrier, { get: (c, key) => c[key], keys: (c) => Object.keys(c) }),
  );
  return extracted && isSpanContextValid(extracted) ? extracted : undefined;
}

/** A link to the trace a carrier names (undefined when it names none). */
export function linkTo(carrier: TraceCarrier | null | undefined, attributes?: Attributes): Link | undefined {
  const linked = spanContextOf(carrier);
  return linked ? { context: linked, ...(attributes ? { attributes } : {}) } : undefined;
}

/** The case's ids as span attributes. */
export function caseAttributes(ref: CaseRef): Attributes {
  const attributes: Attributes = {};
  if (ref.caseId) attributes[attributeNames.caseId] = ref.caseId;
  if (ref.projectId) attributes[attributeNames.projectId] = ref.projectId;
  return attributes;
}

/**
 * Joins the active span (or `span`) to a case: `steward.case_id` and `steward.project_id` on it —
 * and, through CaseAttributesProcessor, on every span started under it afterwards — and a link to
 * the trace the case began in when that is another trace. Nothing happens for a span that is not
 * recording (sampled out), so this costs nothing where tracing is off.
 */
export function joinCase(ref: CaseRef, span: Span | undefined = trace.getActiveSpan()): void {
  if (!span?.isRecording()) return;
  span.setAttributes(caseAttributes(ref));
  const link = linkTo(ref.origin, { [attributeNames.linkKind]: "case origin" });
  if (link && link.context.traceId !== span.spanContext().traceId) span.addLink(link);
}

/**
 * Runs `work` in an INTERNAL span of the case — its ids as attributes, a link to the trace the
 * case began in — under the active span, or as a root when there is none (a background job's
 * action on one item). The span ends when `work` settles.
 */
export function withCaseSpan<T>(name: string, ref: CaseRef, work: () => T): T {
  const link = linkTo(ref.origin, { [attributeNames.linkKind]: "case origin" });
  return trace.getTracer("steward.case").startActiveSpan(name, { attributes: caseAttributes(ref), links: link ? [link] : [] }, (span) => {
    const fail = (error: unknown): never => {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw error;
    };
    let result: T;
    try {
      result = work();
    } catch (error) {
      return fail(error);
    }
    if (result instanceof Promise) {
      return result.then((value: unknown) => {
        span.end();
        return value;
      }, fail) as T;
    }
    span.end();
    return result;
  });
}

/**
 * `parent` with the case's ids in its W3C baggage: every span under it, in this process or one it
 * calls or sends an event to, carries them, including work resumed later from a stored carrier.
 */
export function withCaseBaggage(ref: CaseRef, parent: Context = context.active()): Context {
  if (!ref.caseId && !ref.projectId) return parent;
  let baggage = propagation.getBaggage(parent) ?? propagation.createBaggage();
  if (ref.caseId) baggage = baggage.setEntry(attributeNames.caseId, { value: ref.caseId });
  if (ref.projectId) baggage = baggage.setEntry(attributeNames.projectId, { value: ref.projectId });
  return propagation.setBaggage(parent, baggage);
}

/**
 * Puts the case's ids on every span of a case: a span inherits them from its parent span in this
 * process (set by `joinCase` after the parent learnt them) or, for the first span of a process or
 * of resumed work, from the W3C baggage it was started under (`withCaseBaggage`). Two map lookups
 * per span; nothing else.
 */
export class CaseAttributesProcessor implements SpanProcessor {
  onStart(span: SdkSpan, parentContext: Context): void {
    const parent = trace.getSpan(parentContext) as (Span & Partial<Pick<ReadableSpan, "attributes">>) | undefined;
    const inherited = parent?.attributes;
    const baggage = propagation.getBaggage(parentContext);
    for (const key of caseKeys) {
      const value = inherited?.[key] ?? baggage?.getEntry(key)?.value;
      if (typeof value === "string" && value !== "") span.setAttribute(key, value);
    }
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
