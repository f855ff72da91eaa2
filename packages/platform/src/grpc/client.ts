import { Client, Metadata, credentials, status, type CallOptions, type ServiceError } from "@grpc/grpc-js";
import { metrics } from "@opentelemetry/api";
import { attributeNames, durationBuckets, metricNames } from "../telemetry/names.js";
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

const clientDuration = () =>
  metrics.getMeter("steward.grpc").createHistogram(metricNames.rpcClientDuration, {
    description: "Duration of outbound RPCs by method and status code",
    unit: "s",
    advice: { explicitBucketBoundaries: durationBuckets },
  });

/**
 * Builds a promise client from a generated service definition. Every call carries a deadline,
 * the caller's token and the active trace context.
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
  const duration = clientDuration();
  const api: Record<string, unknown> = { close: () => client.close() };
  for (const [name, method] of Object.entries(definition)) {
    if (method.requestStream || method.responseStream) continue;
    api[name] = async (request: unknown, settings: CallSettings = {}) => {
      const metadata = settings.metadata?.clone() ?? new Metadata();
      metadata.set("authorization", `Bearer ${await options.token()}`);
      for (const [key, value] of Object.entries(traceHeaders())) metadata.set(key, value);
      const callOptions: CallOptions = { deadline: Date.now() + (settings.deadlineMs ?? options.defaultDeadlineMs) };
      const started = performance.now();
      return new Promise((resolve, reject) => {
        client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, callOptions, (error: ServiceError | null, response?: unknown) => {
          duration.record((performance.now() - started) / 1000, {
            [attributeNames.rpcMethod]: method.path,
            [attributeNames.grpcStatus]: grpcCodeName(error?.code ?? status.OK),
          });
          if (error) reject(error);
          else resolve(response);
        });
      });
    };
  }
  return api as PromiseClient<D>;
}
