import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client, Metadata, credentials, status, type ClientReadableStream, type ServiceError } from "@grpc/grpc-js";
import { SpanKind, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { routingV1 } from "@steward/proto";
import { repositoryRoot } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import { failedPrecondition, invalidArgument, raise } from "../errors/index.js";
import { memoryLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { createClient, type PromiseClient } from "./client.js";
import { errorInfoOf, fieldViolationsOf } from "./errors.js";
import { GrpcServer, livenessHealthService, type ServiceHandlers } from "./server.js";

const run = promisify(execFile);
const region = "hanbin";
const keys = { secret: "grpc-server-test-secret-0123456789abcdef" };
/** Server log records, to check what operators would see. */
const { logger, lines } = memoryLogger({ service: "grpc-test", region, level: "info" });
const logLines = lines as { level: string; msg: string; code?: string; rpc?: string; trace_id?: string; err?: { message?: string } }[];
/** Metrics name the method as the RPC conventions do: service and method apart. */
const getCaseLabels = 'rpc_method="GetCase"';

type RoutingClient = PromiseClient<typeof testService>;

const cannedCase = (id: string) =>
  routingV1.Case.fromPartial({ id, region, planId: "plan-1", planVersion: 1, projectId: "p-1", projectName: "Steel mill", status: routingV1.CaseStatus.CASE_STATUS_OPEN });

/** Two methods of a real generated service are enough to exercise the server's machinery. */
const testService = { submitPlan: routingV1.RoutingServiceService.submitPlan, getCase: routingV1.RoutingServiceService.getCase };

/** What the handlers saw, for assertions about the server side of a call. */
interface Observed {
  slowSignals: AbortSignal[];
  slowStarted: number;
  submitCalls: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    });
  });

/**
 * getCase behaves by id: "bad" fails validation, "boom" throws an unexpected error, "slow-<ms>"
 * takes that long (honouring the call's signal), "slow-ignoring-<ms>" takes that long regardless,
 * anything else returns a canned case.
 */
function handlers(observed: Observed): ServiceHandlers<typeof testService> {
  return {
    async submitPlan(request) {
      observed.submitCalls++;
      return { case: cannedCase(request.planId) };
    },
    async getCase(request, ctx) {
      if (request.id === "bad") raise(invalidArgument([{ field: "id", description: "must be a case id (UUID)" }, { field: "items[1].itemCode", description: "is required" }]));
      if (request.id === "conflict") raise(failedPrecondition("cannot accept an item that is approved", "ITEM_STATE_CONFLICT", { state: "approved", action: "accept" }));
      if (request.id === "boom") throw new Error("connection to db-primary.internal:5432 refused (password=hunter2)");
      const slow = /^slow-(ignoring-)?(\d+)$/.exec(request.id);
      if (slow) {
        observed.slowSignals.push(ctx.signal);
        observed.slowStarted++;
        await sleep(Number(slow[2]), slow[1] ? undefined : ctx.signal);
      }
      return { case: cannedCase(request.id) };
    },
  };
}

async function startServer(options: { maxReceiveMessageBytes?: number } = {}) {
  const observed: Observed = { slowSignals: [], slowStarted: 0, submitCalls: 0 };
  const server = new GrpcServer({ region, logger, tokens: new TokenVerifier(keys), ...options });
  server.add(testService, handlers(observed));
  const port = await server.listen("127.0.0.1", 0);
  return { server, port, observed, address: `127.0.0.1:${port}` };
}

const tokenFor = (principal: Partial<Principal> = {}) => signDevToken(keys, { subject: "svc:test", region, role: "service", ...principal });

function clientFor(address: string, token: () => Promise<string> | string = () => tokenFor()): RoutingClient {
  return createClient(testService, { address, token, defaultDeadlineMs: 5000 });
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error("expected the call to fail");
}

// grpc.health.v1 by hand: HealthCheckRequest{string service = 1}, HealthCheckResponse{enum status = 1}.
const servingStatus = { 0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN" } as Record<number, string>;
const encodeHealthRequest = (request: { service: string }) => {
  const name = Buffer.from(request.service);
  return name.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from([0x0a, name.length]), name]);
};
const decodeHealthResponse = (buffer: Buffer) => {
  const value = buffer.length >= 2 && buffer[0] === 0x08 ? (buffer[1] ?? 0) : 0;
  return servingStatus[value] ?? String(value);
};

function healthCheck(address: string, service = ""): Promise<string> {
  const client = new Client(address, credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.makeUnaryRequest(
      "/grpc.health.v1.Health/Check",
      encodeHealthRequest,
      decodeHealthResponse,
      { service },
      new Metadata(),
      { deadline: Date.now() + 2000 },
      (error, response) => (error ? reject(error) : resolve(response!)),
    );
  }).finally(() => client.close());
}

function healthWatch(address: string, service = "") {
  const client = new Client(address, credentials.createInsecure());
  const statuses: string[] = [];
  const stream: ClientReadableStream<string> = client.makeServerStreamRequest(
    "/grpc.health.v1.Health/Watch",
    encodeHealthRequest,
    decodeHealthResponse,
    { service },
    new Metadata(),
  );
  stream.on("data", (value: string) => statuses.push(value));
  stream.on("error", () => {}); // the cancel below ends it with CANCELLED
  return {
    statuses,
    stop() {
      stream.cancel();
      client.close();
    },
  };
}

const spanExporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let main: Awaited<ReturnType<typeof startServer>>;
let client: RoutingClient;

beforeAll(async () => {
  // Before any server: the server's histogram is created from the global meter provider.
  telemetry = startTelemetry({ serviceName: "grpc-test", region, otlpEndpoint: undefined, spanExporter });
  main = await startServer();
  client = clientFor(main.address);
});

afterAll(async () => {
  client?.close();
  await main?.server.shutdown(1000);
  await telemetry?.shutdown();
});

describe("GrpcServer interceptor chain", () => {
  it("answers an authenticated call in its region", async () => {
    const response = await client.getCase({ id: "c-1" });
    expect(response.case).toMatchObject({ id: "c-1", region, projectName: "Steel mill" });
  });

  it("refuses a call without a token with UNAUTHENTICATED", async () => {
    const raw = new Client(main.address, credentials.createInsecure());
    const method = routingV1.RoutingServiceService.getCase;
    const error = await new Promise<ServiceError>((resolve, reject) =>
      raw.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, { id: "c-1" }, new Metadata(), { deadline: Date.now() + 2000 }, (err) =>
        err ? resolve(err) : reject(new Error("expected UNAUTHENTICATED")),
      ),
    ).finally(() => raw.close());
    expect(error.code).toBe(status.UNAUTHENTICATED);
    expect(errorInfoOf(error)).toEqual({ reason: "TOKEN_MISSING", domain: "steward.gov", metadata: {} });

    const garbage = clientFor(main.address, () => "not-a-jwt");
    const bad = await rejection(garbage.getCase({ id: "c-1" })).finally(() => garbage.close());
    expect(bad.code).toBe(status.UNAUTHENTICATED);
    expect(errorInfoOf(bad)?.reason).toBe("TOKEN_INVALID");
    const expired = clientFor(main.address, () => signDevToken(keys, { subject: "svc:test", region, role: "service" }, -10));
    expect(errorInfoOf(await rejection(expired.getCase({ id: "c-1" })).finally(() => expired.close()))?.reason).toBe("TOKEN_EXPIRED");
  });

  it("refuses a token of another region with PERMISSION_DENIED", async () => {
    const foreign = clientFor(main.address, () => tokenFor({ region: "xunyang" }));
    const error = await rejection(foreign.getCase({ id: "c-1" })).finally(() => foreign.close());
    expect(error.code).toBe(status.PERMISSION_DENIED);
    expect(error.details).toContain("xunyang");
    expect(errorInfoOf(error)).toEqual({ reason: "REGION_MISMATCH", domain: "steward.gov", metadata: { tokenRegion: "xunyang", serviceRegion: region } });
  });

  it("sends INVALID_ARGUMENT with field violations in grpc-status-details-bin", async () => {
    const error = await rejection(client.getCase({ id: "bad" }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(fieldViolationsOf(error)).toEqual([
      { field: "id", description: "must be a case id (UUID)" },
      { field: "items[1].itemCode", description: "is required" },
    ]);
    // Besides BadRequest, every refusal says why in ErrorInfo; without a specific reason, its code's default.
    expect(errorInfoOf(error)).toEqual({ reason: "INVALID_ARGUMENT", domain: "steward.gov", metadata: {} });
  });

  it("carries a refusal's own reason and metadata in google.rpc.ErrorInfo", async () => {
    const error = await rejection(client.getCase({ id: "conflict" }));
    expect(error.code).toBe(status.FAILED_PRECONDITION);
    expect(errorInfoOf(error)).toEqual({ reason: "ITEM_STATE_CONFLICT", domain: "steward.gov", metadata: { state: "approved", action: "accept" } });
    expect(fieldViolationsOf(error)).toEqual([]);
  });

  it("maps an unexpected error to INTERNAL without leaking its message", async () => {
    const error = await rejection(client.getCase({ id: "boom" }));
    expect(error.code).toBe(status.INTERNAL);
    // The operator still gets the real cause in the server log.
    expect(logLines.some((line) => line.level === "error" && line.err?.message?.includes("refused"))).toBe(true);
    expect(error.details).toBe("internal error");
    expect(JSON.stringify({ details: error.details, message: error.message, metadata: error.metadata?.getMap() })).not.toMatch(/hunter2|db-primary/);
    expect(fieldViolationsOf(error)).toEqual([]);
    expect(errorInfoOf(error)?.reason).toBe("INTERNAL");
  });

  it("fails a call past its deadline with DEADLINE_EXCEEDED and aborts the handler's signal", async () => {
    const before = main.observed.slowSignals.length;
    const started = performance.now();
    const error = await rejection(client.getCase({ id: "slow-3000" }, { deadlineMs: 150 }));
    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
    expect(performance.now() - started).toBeLessThan(2000);
    const signal = main.observed.slowSignals[before];
    expect(signal).toBeDefined();
    await vi.waitFor(() => expect(signal!.aborted).toBe(true), { timeout: 2000 });
  });

  it("counts a client timeout or cancel as such, not as an INTERNAL fault of the server", async () => {
    // The handler honours ctx.signal and rejects once it aborts, as CallContext invites it to.
    await rejection(client.getCase({ id: "slow-2000" }, { deadlineMs: 100 }));

    const raw = new Client(main.address, credentials.createInsecure());
    const method = routingV1.RoutingServiceService.getCase;
    const metadata = new Metadata();
    metadata.set("authorization", `Bearer ${await tokenFor()}`);
    const startedBefore = main.observed.slowStarted;
    const cancelled = new Promise<ServiceError | null>((resolve) => {
      const call = raw.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, { id: "slow-2001" }, metadata, { deadline: Date.now() + 5000 }, (err) => resolve(err));
      void vi.waitFor(() => expect(main.observed.slowStarted).toBe(startedBefore + 1)).then(() => call.cancel());
    }).finally(() => raw.close());
    expect((await cancelled)?.code).toBe(status.CANCELLED);

    await vi.waitFor(async () => {
      const text = await telemetry.prometheusText();
      const count = (code: string) =>
        text.split("\n").some((line) => line.startsWith("steward_rpc_server_duration_seconds_count{") && line.includes(getCaseLabels) && line.includes(`rpc_grpc_status_code="${code}"`));
      expect(count("DEADLINE_EXCEEDED")).toBe(true);
      expect(count("CANCELLED")).toBe(true);
    });
    // Only the "boom" call is an unexpected error; the aborted slow calls are not.
    expect(logLines.filter((line) => line.msg === "unexpected error in handler" && !line.err?.message?.includes("refused"))).toEqual([]);
    expect(logLines.filter((line) => line.msg === "rpc" && line.code === "DEADLINE_EXCEEDED" && line.level === "info").length).toBeGreaterThan(0);
  });

  it("refuses a request above maxReceiveMessageBytes with RESOURCE_EXHAUSTED before any handler runs", async () => {
    const small = await startServer({ maxReceiveMessageBytes: 1024 });
    const smallClient = clientFor(small.address);
    try {
      const ok = await smallClient.submitPlan({ planId: "p-small", planVersion: 1, projectId: "p", projectName: "x".repeat(100), creditCode: "", items: [], satisfiedPrerequisites: [] });
      expect(ok.case?.id).toBe("p-small");
      const error = await rejection(smallClient.submitPlan({ planId: "p-big", planVersion: 1, projectId: "p", projectName: "x".repeat(4096), creditCode: "", items: [], satisfiedPrerequisites: [] }));
      expect(error.code).toBe(status.RESOURCE_EXHAUSTED);
      expect(small.observed.submitCalls).toBe(1);
    } finally {
      smallClient.close();
      await small.server.shutdown(1000);
    }
  });

  it("records steward_rpc_server_duration_seconds by service, method and status code", async () => {
    await client.getCase({ id: "c-metrics" });
    await rejection(client.getCase({ id: "bad" }));
    const text = await telemetry.prometheusText();
    const series = text.split("\n").filter((line) => line.startsWith("steward_rpc_server_duration_seconds") && line.includes(getCaseLabels) && line.includes('rpc_service="steward.routing.v1.RoutingService"'));
    const withStatus = (code: string) => series.filter((line) => line.includes(`rpc_grpc_status_code="${code}"`));
    expect(withStatus("OK").some((line) => /_count\{/.test(line))).toBe(true);
    expect(withStatus("INVALID_ARGUMENT").some((line) => /_bucket\{.*le="/.test(line))).toBe(true);
    expect(withStatus("PERMISSION_DENIED").length).toBeGreaterThan(0);
    const okCount = withStatus("OK").find((line) => /_count\{/.test(line));
    expect(Number(okCount?.split(" ").at(-1))).toBeGreaterThanOrEqual(2);
    // The client side, by the same labels.
    expect(text.split("\n").some((line) => line.startsWith("steward_rpc_client_duration_seconds_count{") && line.includes(getCaseLabels) && line.includes('rpc_grpc_status_code="OK"'))).toBe(true);
  });

  it("makes each outgoing call a CLIENT span that the server's SERVER span continues, and logs one access line per call", async () => {
    const traceId = await trace.getTracer("test").startActiveSpan("consume agreement.plan.approved", async (span) => {
      await client.submitPlan({ planId: "p-traced", planVersion: 1, projectId: "p", projectName: "x", creditCode: "", items: [], satisfiedPrerequisites: [] });
      span.end();
      return span.spanContext().traceId;
    });
    await telemetry.flush();
    const spans = spanExporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const consumer = spans.find((span) => span.name === "consume agreement.plan.approved")!;
    const clientSpan = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    const serverSpan = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(clientSpan.name).toBe("steward.routing.v1.RoutingService/SubmitPlan");
    expect(clientSpan.parentSpanContext?.spanId).toBe(consumer.spanContext().spanId);
    expect(serverSpan.parentSpanContext?.spanId).toBe(clientSpan.spanContext().spanId);
    for (const span of [clientSpan, serverSpan]) {
      expect(span.attributes).toMatchObject({ "rpc.system": "grpc", "rpc.service": "steward.routing.v1.RoutingService", "rpc.method": "SubmitPlan", "rpc.grpc.status_code": 0 });
    }
    expect(clientSpan.attributes).toMatchObject({ "server.address": "127.0.0.1", "server.port": main.port });
    const access = logLines.filter((line) => line.msg === "rpc" && line.rpc === "/steward.routing.v1.RoutingService/SubmitPlan" && line.trace_id === traceId);
    expect(access).toEqual([expect.objectContaining({ level: "info", access: "rpc", code: "OK", durationMs: expect.any(Number) })]);
  });
});

describe("GrpcServer health and shutdown", () => {
  it("reports SERVING after listen, NOT_SERVING once shutdown starts, and drains an in-flight call", async () => {
    const { server, address, observed } = await startServer();
    const drainingClient = clientFor(address);
    const watch = healthWatch(address);
    try {
      expect(await healthCheck(address)).toBe("SERVING");
      expect(await healthCheck(address, "steward.routing.v1.RoutingService")).toBe("SERVING");
      await vi.waitFor(() => expect(watch.statuses).toEqual(["SERVING"]));

      const inFlight = drainingClient.getCase({ id: "slow-300" });
      await vi.waitFor(() => expect(observed.slowStarted).toBe(1));
      const shutdownStarted = performance.now();
      const shutdown = server.shutdown(5000);

      await vi.waitFor(() => expect(watch.statuses).toEqual(["SERVING", "NOT_SERVING"]));
      watch.stop();
      await expect(inFlight).resolves.toMatchObject({ case: { id: "slow-300" } });
      await shutdown;
      // Drained, not cut at the end of the grace period.
      expect(performance.now() - shutdownStarted).toBeLessThan(3000);
      await expect(healthCheck(address)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    } finally {
      watch.stop();
      drainingClient.close();
    }
  });

  it("answers the liveness probe SERVING while readiness is NOT_SERVING: a lost dependency is no reason to restart", async () => {
    const { server, address } = await startServer();
    try {
      expect(await healthCheck(address, livenessHealthService)).toBe("SERVING");
      server.setServing(false);
      expect(await healthCheck(address)).toBe("NOT_SERVING");
      expect(await healthCheck(address, livenessHealthService)).toBe("SERVING");
    } finally {
      await server.shutdown(1000);
    }
  });

  it("cuts calls still running when the grace period ends", async () => {
    const { server, address, observed } = await startServer();
    const slowClient = clientFor(address);
    try {
      const inFlight = rejection(slowClient.getCase({ id: "slow-ignoring-3000" }));
      await vi.waitFor(() => expect(observed.slowStarted).toBe(1));
      const started = performance.now();
      await server.shutdown(200);
      expect(performance.now() - started).toBeLessThan(1500);
      expect((await inFlight).code).not.toBe(status.OK);
    } finally {
      slowClient.close();
    }
  });
});

describe("server reflection", () => {
  const buf = `${repositoryRoot}node_modules/.bin/buf`;
  const curl = async (protocol: string, ...args: string[]) =>
    (await run(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "--reflect-protocol", protocol, ...args], { timeout: 30_000 })).stdout.trim().split("\n");

  it("answers grpc.reflection.v1 and v1alpha with the services this server runs, and resolves their messages", async () => {
    for (const protocol of ["grpc-v1", "grpc-v1alpha"]) {
      // The test server runs two methods of RoutingService; no other steward service is listed.
      expect((await curl(protocol, "--list-services", `http://${main.address}`)).sort()).toEqual(["grpc.health.v1.Health", "steward.routing.v1.RoutingService"]);
      expect(await curl(protocol, "--list-methods", `http://${main.address}`)).toEqual(expect.arrayContaining(["steward.routing.v1.RoutingService/GetCase", "grpc.health.v1.Health/Check"]));
      // A call whose request and response buf curl encodes from the reflected schema (imports included).
      const token = await tokenFor();
      const answer = JSON.parse((await curl(protocol, "-H", `authorization: Bearer ${token}`, "-d", '{"id":"c-7"}', `http://${main.address}/steward.routing.v1.RoutingService/GetCase`)).join("\n"));
      expect(answer.case).toMatchObject({ id: "c-7", projectName: "Steel mill", status: "CASE_STATUS_OPEN" });
    }
  });
});
