import { Client, Metadata, credentials, status, type CallOptions, type ServiceError } from "@grpc/grpc-js";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { traceHeaders } from "../telemetry/propagation.js";
import type { RequestOf, ResponseOf, ServiceDefinition, UnaryMethodNames } from "./definitions.js";
import { grpcCodeName } from "./errors.js";

export interface CallSettings {
  /** Milliseconds the call may take; every outbound call has one. */
  deadlineMs?: number;
  metadata?: Metadata;
}

/** A promise-based client of one service: one method per unary RPC. */
export type PromiseClient<D extends ServiceDefinition> = {
  [K in UnaryMethodNames<D>]: (request: RequestOf<D[K]>, settings?: CallSettings) => Promise<ResponseOf<D[K]>>;
} & { close(): void };

export interface ClientOptions {
  address: string;
  /** Bearer token for each call (service tokens are minted by the caller's platform). */
  token: () => string | Promise<string>;
  /** Used when a call names no deadline of its own. */
  defaultDeadlineMs: number;
}

/**
 * Builds a promise client from a generated service definition. Every call carries a deadline,
 * the caller's token and its own CLIENT span's trace context, and is measured.
 */
export function createClient<D extends ServiceDefinition>(definition: D, options: ClientOptions): PromiseClient<D> {
  if (!(options.defaultDeadlineMs > 0)) throw new Error("a client needs a positive default deadline");
  const client = new Client(options.address, credentials.createInsecure(), {
    "grpc.keepalive_time_ms": 30_000,
    // grpc-js backs off reconnecting up to 120 s by default, failing every call at once meanwhile:
    // a consumer calling a service that restarted went on failing for most of a minute after it
    // was back. Capped, the channel finds a returned server within about two seconds.
    "grpc.initial_reconnect_backoff_ms": 250,
    "grpc.max_reconnect_backoff_ms": 2000,
  });
  const duration = createHistogram(metricDefinitions.rpcClientDuration);
  const tracer = trace.getTracer("steward.grpc");
  const [host, port] = splitAddress(options.address);
  const api: Record<string, unknown> = { close: () => client.close() };
  for (const [name, method] of Object.entries(definition)) {
    if (method.requestStream || method.responseStream) continue;
    const [, service = "", methodName = name] = method.path.split("/");
    const attributes = {
      [attributeNames.rpcSystem]: "grpc",
      [attributeNames.rpcService]: service,
      [attributeNames.rpcMethod]: methodName,
      [attributeNames.serverAddress]: host,
      ...(port ? { [attributeNames.serverPort]: port } : {}),
    };
    api[name] = (request: unknown, settings: CallSettings = {}) =>
      tracer.startActiveSpan(method.path.slice(1), { kind: SpanKind.CLIENT, attributes }, async (span) => {
        const started = performance.now();
        let finished = false;
        const finish = (code: status) => {
          if (finished) return;
          finished = true;
          span.setAttribute(attributeNames.grpcStatus, code);
          // For a client every status but OK is an error (the OpenTelemetry RPC conventions).
          if (code !== status.OK) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          duration.record((performance.now() - started) / 1000, { [attributeNames.rpcService]: service, [attributeNames.rpcMethod]: methodName, [attributeNames.grpcStatus]: grpcCodeName(code) });
        };
        try {
          const metadata = settings.metadata?.clone() ?? new Metadata();
          metadata.set("authorization", `Bearer ${await options.token()}`);
          for (const [key, value] of Object.entries(traceHeaders())) metadata.set(key, value);
          const callOptions: CallOptions = { deadline: Date.now() + (settings.deadlineMs ?? options.defaultDeadlineMs) };
          return await new Promise((resolve, reject) => {
            client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, callOptions, (error: ServiceError | null, response?: unknown) => {
              finish(error?.code ?? status.OK);
              if (error) reject(error);
              else resolve(response);
            });
          });
        } catch (error) {
          // A failure before the call went out (the token): still one span and one sample.
          finish(status.UNKNOWN);
          throw error;
        }
      });
  }
  return api as PromiseClient<D>;
}

function splitAddress(address: string): [string, number | undefined] {
  const at = address.lastIndexOf(":");
  if (at <= 0) return [address, undefined];
  const port = Number(address.slice(at + 1));
  return [address.slice(0, at), Number.isInteger(port) ? port : undefined];
}
