/**
 * Test harness of the department gateway over gRPC: one region's routing service in this process
 * (the real handlers on a real gRPC server, on the database the test gives), and raw
 * WatchAssignments streams.
 */
import { Writable } from "node:stream";
import { Client, Metadata, credentials, type ServiceError, type StatusObject } from "@grpc/grpc-js";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { GrpcServer, createClient, type PromiseClient } from "@steward/platform/grpc";
import { createLogger } from "@steward/platform/logging";
import { routingV1 } from "@steward/proto";
import { testAuthSecret } from "@steward/testing";
import { AssignmentFeedSignal } from "../../db/assignment-feed.js";
import type { RoutingDeps } from "../../db/item-pipeline.js";
import { ScheduleSource } from "../../db/schedule-source.js";
import { routingHandlers } from "../routing-service/handlers.js";
import { departmentGatewayHandlers } from "./handlers.js";

const keys = { secret: testAuthSecret };

export type Gateway = PromiseClient<typeof routingV1.DepartmentGatewayServiceService>;
export type Routing = PromiseClient<typeof routingV1.RoutingServiceService>;

export interface RegionServer {
  region: string;
  address: string;
  deps: RoutingDeps;
  server: GrpcServer;
  feed: AssignmentFeedSignal;
  token(principal: Omit<Principal, "region">): Promise<string>;
  /** A gateway client acting as the department's system. */
  gateway(department: string): Promise<Gateway>;
  /** A routing client acting as a steward. */
  routing: Routing;
  /** Closes its clients, stops the server and the feed signal. */
  stop(): Promise<void>;
}

const logger = createLogger({ service: "gateway-test", region: "test", level: "warn", destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });

export async function startRegion(sql: Sql, region: string, options: { watchPollMs: number; deps?: Partial<RoutingDeps> }): Promise<RegionServer> {
  const deps: RoutingDeps = {
    sql,
    region,
    schedule: new ScheduleSource(sql),
    settings: { warnWorkingDaysBefore: 1, returnAfterWorkingDays: 15, consultationWorkingDays: 7 },
    cityRegion: "city",
    ...options.deps,
  };
  const feed = new AssignmentFeedSignal(sql);
  await feed.start();
  const server = new GrpcServer({ region, logger, tokens: new TokenVerifier(keys) })
    .add(routingV1.RoutingServiceService, routingHandlers(deps))
    .add(routingV1.DepartmentGatewayServiceService, departmentGatewayHandlers(deps, feed, { watchPollMs: options.watchPollMs }));
  const address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
  const clients: { close(): void }[] = [];
  const token = (principal: Omit<Principal, "region">) => signDevToken(keys, { region, ...principal });
  const stewardToken = await token({ subject: "steward-1", role: "steward" });
  const routing = createClient(routingV1.RoutingServiceService, { address, token: () => stewardToken, defaultDeadlineMs: 10_000 });
  clients.push(routing);
  return {
    region,
    address,
    deps,
    server,
    feed,
    token,
    async gateway(department) {
      const bearer = await token({ subject: `${department}-system`, role: "department", department });
      const gateway = createClient(routingV1.DepartmentGatewayServiceService, { address, token: () => bearer, defaultDeadlineMs: 10_000 });
      clients.push(gateway);
      return gateway;
    },
    routing,
    async stop() {
      for (const client of clients) client.close();
      await server.shutdown(1000);
      await feed.stop();
    },
  };
}

/** A raw WatchAssignments stream: what it received and how it ended. */
export function watch(address: string, token: string, request: string | Partial<routingV1.WatchAssignmentsRequest>, deadlineMs = 20_000) {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set("authorization", `Bearer ${token}`);
  const method = routingV1.DepartmentGatewayServiceService.watchAssignments;
  const body = routingV1.WatchAssignmentsRequest.fromPartial(typeof request === "string" ? { cursor: request } : request);
  const call = client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, body, metadata, { deadline: Date.now() + deadlineMs });
  const received: routingV1.WatchAssignmentsResponse[] = [];
  call.on("data", (message: routingV1.WatchAssignmentsResponse) => received.push(message));
  call.on("error", () => {}); // reported through "status"
  const ended = new Promise<StatusObject>((resolve) => call.on("status", resolve)).finally(() => client.close());
  return {
    received,
    ended,
    /** Waits until `count` messages arrived (bounded by `timeoutMs`). */
    async until(count: number, timeoutMs = 5000): Promise<routingV1.WatchAssignmentsResponse[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      if (received.length < count) throw new Error(`received ${received.length} of ${count} messages in ${timeoutMs} ms`);
      return received.slice(0, count);
    },
    close: async () => {
      call.cancel();
      await ended;
    },
  };
}

/**
 * Everything the stream from `request` delivers until it has been quiet for `quietMs` (bounded by
 * `timeoutMs`): for a replay of what is already committed.
 */
export async function drain(address: string, token: string, request: string | Partial<routingV1.WatchAssignmentsRequest>, options: { quietMs: number; timeoutMs: number }) {
  const stream = watch(address, token, request, options.timeoutMs + 5000);
  const deadline = Date.now() + options.timeoutMs;
  let seen = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (stream.received.length !== seen) {
      seen = stream.received.length;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= options.quietMs) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await stream.close();
  return stream.received;
}

/** The error a call that must fail failed with (the test fails if it succeeded). */
export async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error("expected the call to fail");
}
