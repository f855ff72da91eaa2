import { once } from "node:events";
import { Server, ServerCredentials, status, type Metadata, type ServerUnaryCall, type ServerWritableStream, type UntypedServiceImplementation, type sendUnaryData } from "@grpc/grpc-js";
import { SpanKind, SpanStatusCode, context as otelContext, trace } from "@opentelemetry/api";
import { descriptorSetPath } from "@steward/proto/descriptor-set";
import { HealthImplementation } from "grpc-health-check";
import type { Logger } from "pino";
import { TokenVerifier, authorizeAction, authorizeRegion, bearerToken, grpcRule, ownershipOf, type AccessRule } from "../auth/index.js";
import { AppErrorException, dependencyUnavailable, isDependencyUnavailable, type AppError } from "../errors/index.js";
import { RateLimitedLog } from "../logging/rate-limit.js";
import { createHistogram } from "../telemetry/instruments.js";
import { attributeNames, metricDefinitions } from "../telemetry/names.js";
import { contextFromHeaders } from "../telemetry/propagation.js";
import type { CallContext } from "./context.js";
import type { RequestOf, ResponseOf, ServerStreamMethodNames, ServiceDefinition, UnaryMethodNames } from "./definitions.js";
import { requestAdmission, withTolerantDecoding } from "./admission.js";
import { grpcCodeName, toServiceError } from "./errors.js";
import { PageTokens } from "./paging.js";
import { addReflection } from "./reflection.js";

export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;

/**
 * A server-streaming handler: it sends messages with `send` (which waits while the client is slow)
 * and returns when the stream is complete. It should stop when `context.signal` aborts.
 */
export type ServerStreamHandler<Req, Res> = (request: Req, context: CallContext, send: (message: Res) => Promise<void>) => Promise<void>;

export type ServiceHandlers<D extends ServiceDefinition> = {
  [K in UnaryMethodNames<D>]: UnaryHandler<RequestOf<D[K]>, ResponseOf<D[K]>>;
} & {
  [K in ServerStreamMethodNames<D>]: ServerStreamHandler<RequestOf<D[K]>, ResponseOf<D[K]>>;
};

export interface GrpcServerOptions {
  region: string;
  logger: Logger;
  tokens: TokenVerifier;
  /** Largest request accepted; larger ones fail with RESOURCE_EXHAUSTED before any handler runs. */
  maxReceiveMessageBytes?: number;
  /**
   * Signs and checks the page tokens of List calls. Every replica of a service needs the same key
   * (runService derives it from the configuration); without one a random key is made, and tokens
   * are good for this process only.
   */
  pageTokens?: PageTokens;
}

interface CallState {
  /** Full path, /steward.routing.v1.RoutingService/GetCase. */
  method: string;
  rule: AccessRule;
  service: string;
  /** The method's own name, GetCase. */
  methodName: string;
  metadata: Metadata;
  signal: AbortSignal;
  /** Set when the client gave up (deadline or cancel): the status it saw, not the handler's outcome. */
  endedByClient?: status;
}

/**
 * The gRPC server every service runs: health checking, reflection from the committed descriptor
 * set, and the same interceptor chain around every unary handler — tracing, RED metrics, logging,
 * authentication with the region check, the role × action table (default deny), and the mapping
 * of AppErrors to status codes. Handlers
 * receive a CallContext and return a response or throw an AppErrorException.
 */
export class GrpcServer {
  readonly server: Server;
  // "" (and each service's name) follows readiness; "liveness" answers SERVING for as long as the
  // process can answer at all, draining included, for orchestrators' liveness probes.
  private readonly health = new HealthImplementation({ "": "NOT_SERVING", [livenessHealthService]: "SERVING" });
  private readonly serviceNames: string[] = [];
  /** Open server streams, ended with UNAVAILABLE at shutdown so their clients reconnect elsewhere. */
  private readonly streams = new Set<AbortController>();
  private shuttingDown = false;
  private readonly pageTokens: PageTokens;
  private readonly tracer = trace.getTracer("steward.grpc");
  private readonly duration = createHistogram(metricDefinitions.rpcServerDuration);
  private readonly failures: RateLimitedLog;

  constructor(private readonly options: GrpcServerOptions) {
    this.failures = new RateLimitedLog(options.logger);
    this.server = new Server({
      "grpc.max_receive_message_length": options.maxReceiveMessageBytes ?? 4 * 1024 * 1024,
      "grpc.keepalive_time_ms": 30_000,
      "grpc.keepalive_permit_without_calls": 1,
    });
    this.health.addToServer(this.server);
    this.pageTokens = options.pageTokens ?? PageTokens.random();
  }

  /**
   * Serves a service of the contract. Every method's request rules are compiled from the
   * committed descriptor set here, so a field without its rule stops the server at start.
   */
  add<D extends ServiceDefinition>(definition: D, handlers: ServiceHandlers<D>): this {
    const implementation: UntypedServiceImplementation = {};
    const served: ServiceDefinition = {};
    let serviceName = "";
    for (const [name, method] of Object.entries(definition)) {
      serviceName = method.path.split("/")[1] ?? "";
      const handler = (handlers as Record<string, (...args: never[]) => Promise<unknown>>)[name];
      if (!handler) throw new Error(`no handler for ${method.path}`);
      if (method.requestStream) throw new Error(`${method.path}: client streaming is not supported`);
      // Default deny, checked once here: a method the access table does not declare is never served.
      const rule = grpcRule(method.path);
      if (!rule || rule.action === "public") throw new Error(`${method.path} is not in the access table (packages/platform/src/auth/access-table.ts)`);
      served[name] = withTolerantDecoding(method);
      const admit = requestAdmission(method.path);
      const stateOf = (call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>, controller = new AbortController()): CallState => {
        const state: CallState = { method: method.path, rule, service: serviceName, methodName: method.path.split("/")[2] ?? name, metadata: call.metadata, signal: controller.signal };
        call.on("cancelled", () => {
          // Remember why the call ended, so that a handler honouring ctx.signal (and rejecting)
          // is not logged and counted as an INTERNAL server fault on every client timeout.
          state.endedByClient = deadlinePassed(call.getDeadline()) ? status.DEADLINE_EXCEEDED : status.CANCELLED;
          controller.abort();
        });
        return state;
      };
      if (method.responseStream) {
        const streamHandler = handler as unknown as ServerStreamHandler<unknown, unknown>;
        implementation[name] = ((call: ServerWritableStream<unknown, unknown>) => {
          const controller = new AbortController();
          const state = stateOf(call, controller);
          this.streams.add(controller);
          const send = async (message: unknown) => {
            if (state.signal.aborted) throw new AppErrorException(clientGaveUp);
            if (!call.write(message)) await once(call, "drain", { signal: state.signal }).catch(() => undefined);
          };
          const finish = (error?: AppError) => {
            this.streams.delete(controller);
            if (this.shuttingDown && state.endedByClient === undefined) call.emit("error", toServiceError(serverStopping));
            else if (error && !state.signal.aborted) call.emit("error", toServiceError(error));
            else if (!state.signal.aborted) call.end();
          };
          this.invoke(state, call.request, admit, (request, context) => streamHandler(request, context, send)).then(() => finish(), finish);
        }) as never;
        continue;
      }
      implementation[name] = ((call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
        this.invoke(stateOf(call), call.request, admit, handler as UnaryHandler<unknown, unknown>).then(
          (response) => callback(null, response),
          (error: AppError) => callback(toServiceError(error)),
        );
      }) as never;
    }
    this.server.addService(served, implementation);
    this.serviceNames.push(serviceName);
    return this;
  }

  /**
   * The interceptor chain, outermost first: a SERVER span continuing the caller's trace, the RED
   * metric, one access-log line per call, authentication, authorization by the role × action table,
   * admission of the request against its contract (it decodes, its fields keep their rules), the
   * handler. Resolves with the response or rejects with an AppError.
   */
  private async invoke(state: CallState, request: unknown, admit: (request: unknown) => unknown, handler: UnaryHandler<unknown, unknown>): Promise<unknown> {
    const started = performance.now();
    const parent = contextFromHeaders((key) => {
      const value = state.metadata.get(key)[0];
      return typeof value === "string" ? value : undefined;
    });
    const attributes = { [attributeNames.rpcSystem]: "grpc", [attributeNames.rpcService]: state.service, [attributeNames.rpcMethod]: state.methodName };
    return otelContext.with(parent, () =>
      this.tracer.startActiveSpan(state.method.slice(1), { kind: SpanKind.SERVER, attributes }, async (span) => {
        let code: status = status.OK;
        const logger = this.options.logger.child({ rpc: state.method });
        try {
          const principal = await this.authenticate(state.metadata);
          // The role × action table before the request is looked at: a caller refused here learns
          // nothing of what its request would have been refused for. The handler applies the scope.
          const scope = authorizeAction(state.rule, principal, state.method);
          if (!scope.ok) throw new AppErrorException(scope.error);
          const response = await handler(admit(request), {
            method: state.method,
            region: this.options.region,
            principal,
            scope: scope.value,
            owner: ownershipOf(scope.value, principal),
            metadata: state.metadata,
            logger,
            signal: state.signal,
            pageTokens: this.pageTokens,
          });
          return response;
        } catch (thrown) {
          // After a client deadline or cancel nobody receives this error; do not report it as a fault.
          const error = state.endedByClient !== undefined ? clientGaveUp : this.asAppError(thrown, state.method);
          code = toServiceError(error).code ?? status.UNKNOWN;
          if (state.endedByClient === undefined && serverFaults.has(code)) span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          // Record the status the client actually got, whatever the handler did afterwards.
          if (state.endedByClient !== undefined) code = state.endedByClient;
          const seconds = (performance.now() - started) / 1000;
          span.setAttribute(attributeNames.grpcStatus, code);
          const codeName = grpcCodeName(code);
          this.duration.record(seconds, { [attributeNames.rpcService]: state.service, [attributeNames.rpcMethod]: state.methodName, [attributeNames.grpcStatus]: codeName });
          // The access log: one line per call, inside the span so it carries the trace id.
          logger.info({ access: "rpc", code: codeName, durationMs: Math.round(seconds * 1000) }, "rpc");
          span.end();
        }
      }),
    );
  }

  /** An AppError for anything a handler threw; an unexpected throw is logged (rate-limited) with its stack. */
  private asAppError(thrown: unknown, method: string): AppError {
    if (thrown instanceof AppErrorException) return thrown.error;
    // A lost database or NATS connection is not the server's fault nor the request's: the client
    // retries with the same request id (UNAVAILABLE is retryable, INTERNAL is not).
    if (isDependencyUnavailable(thrown)) {
      this.failures.warn(`unavailable ${method}`, { err: thrown, rpc: method }, "dependency unavailable");
      return dependencyUnavailable;
    }
    this.failures.error(`handler ${method}`, { err: thrown, rpc: method }, "unexpected error in handler");
    return { code: "internal", message: "internal error" };
  }

  private async authenticate(metadata: Metadata) {
    const header = metadata.get("authorization")[0];
    const verified = await this.options.tokens.verify(bearerToken(typeof header === "string" ? header : undefined));
    if (!verified.ok) throw new AppErrorException(verified.error);
    const inRegion = authorizeRegion(verified.value, this.options.region);
    if (!inRegion.ok) throw new AppErrorException(inRegion.error);
    return inRegion.value;
  }

  async listen(host: string, port: number): Promise<number> {
    addReflection(this.server, descriptorSetPath, [...this.serviceNames, "grpc.health.v1.Health"]);
    const bound = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, actual) =>
        error ? reject(error) : resolve(actual),
      ),
    );
    this.setServing(true);
    return bound;
  }

  setServing(serving: boolean): void {
    const value = serving ? "SERVING" : "NOT_SERVING";
    this.health.setStatus("", value);
    for (const name of this.serviceNames) this.health.setStatus(name, value);
  }

  /** The "liveness" health service: NOT_SERVING while the process is wedged and must be restarted (Liveness). */
  setLive(live: boolean): void {
    this.health.setStatus(livenessHealthService, live ? "SERVING" : "NOT_SERVING");
  }

  /**
   * Graceful stop: report NOT_SERVING so balancers stop sending, let in-flight calls finish within
   * the grace period, then cut what is left.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.setServing(false);
    this.shuttingDown = true;
    for (const stream of this.streams) stream.abort();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The gRPC health service name a liveness probe asks for. */
export const livenessHealthService = "liveness";

const clientGaveUp: AppError = { code: "unavailable", message: "call ended by the client" };
const serverStopping: AppError = { code: "unavailable", message: "server is shutting down; reconnect", reason: "SERVER_STOPPING" };

/** grpc-js arms its deadline timer from the loop clock, so it can fire a few ms before Date.now() reaches the deadline. */
function deadlinePassed(deadline: Date | number): boolean {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) && Date.now() >= at - 20;
}

/** Codes that mean the server failed, not the caller (the OpenTelemetry RPC conventions' list). */
const serverFaults: ReadonlySet<status> = new Set([status.UNKNOWN, status.DEADLINE_EXCEEDED, status.UNIMPLEMENTED, status.INTERNAL, status.UNAVAILABLE, status.DATA_LOSS]);
