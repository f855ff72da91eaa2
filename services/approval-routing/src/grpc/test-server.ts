/**
 * Integration-test server of the routing service: the real gRPC handlers (RoutingService, the
 * department gateway, RegionLinkService) on a real gRPC server per region, over a fresh migrated
 * database with the seed catalogue. A region's clock is the wall clock unless the test sets it.
 */
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import { Client, Metadata, credentials, type ServiceError, type StatusObject } from "@grpc/grpc-js";
import { TokenVerifier, signDevToken, type Principal } from "@steward/platform/auth";
import { createDatabase, migrate, type Sql } from "@steward/platform/db";
import { decodeEvent, type EventEnvelope } from "@steward/platform/events";
import { GrpcServer, createClient, type PromiseClient } from "@steward/platform/grpc";
import type { AnchorSource } from "@steward/platform/ledger";
import { createLogger } from "@steward/platform/logging";
import { routingCatalogueV1, routingLinkV1, routingV1 } from "@steward/proto";
import { RegionLinks } from "../clients/region-link.js";
import { createTestDatabase, testAuthSecret, type TestDatabase } from "@steward/testing";
import { AssignmentFeedSignal } from "../db/assignment-feed.js";
import { GroupCommit } from "../db/group-commit.js";
import { loadCatalogue } from "../db/catalogue.js";
import { runtimeGrants } from "../db/grants.js";
import type { RoutingDeps } from "../db/item-pipeline.js";
import { ScheduleSource } from "../db/schedule-source.js";
import { declareMissingPrerequisites, seedCatalogue, testCreditCode } from "../db/test-harness.js";
import { defaultClockSettings } from "../domain/clock.js";
import { seedRules } from "../domain/test-items.js";
import { LinkageJob } from "../jobs/linkage.js";
import { catalogueHandlers } from "./catalogue-service/handlers.js";
import { departmentGatewayHandlers } from "./department-gateway/handlers.js";
import { regionLinkHandlers } from "./region-link/handlers.js";
import { routingHandlers } from "./routing-service/handlers.js";

const migrations = fileURLToPath(new URL("../db/migrations", import.meta.url));
const keys = { secret: testAuthSecret };
/** These servers verify no ledger against checkpoints: that is e2e/ledger-anchoring.test.ts's. */
const noCheckpoints: AnchorSource = { latestAnchor: async () => undefined, latestCheckpoint: async () => undefined };
const logger = createLogger({ service: "gateway-test", region: "test", level: "warn", destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });

export type Gateway = PromiseClient<typeof routingV1.DepartmentGatewayServiceService>;
export type Routing = PromiseClient<typeof routingV1.RoutingServiceService>;
export type RegionLink = PromiseClient<typeof routingLinkV1.RegionLinkServiceService>;

/** One region's routing service in this process: the real handlers on a real gRPC server. */
export interface RegionServer {
  region: string;
  address: string;
  deps: RoutingDeps;
  server: GrpcServer;
  feed: AssignmentFeedSignal;
  token(principal: Omit<Principal, "region">): Promise<string>;
  gateway(department: string): Promise<Gateway>;
  /** RegionLinkService as another region's routing service calls it. */
  link(): Promise<RegionLink>;
  /** RoutingService as a steward. */
  routing: Routing;
  /** Moves this region's clock to 10:00 Beijing on the civil date. */
  setDay(day: string): void;
  /** Closes its clients, stops the server and the feed signal. */
  stop(): Promise<void>;
}

export interface RegionOptions {
  watchPollMs: number;
  /** The most gateway commands one transaction takes (STEWARD_ROUTING_GROUP_COMMIT_MAX); 100 when not given. */
  groupCommitMax?: number;
  /** The region's civil date (its clock at 10:00 Beijing); the wall clock when not given. */
  day?: string;
  cityRegion?: string;
  deps?: Partial<RoutingDeps>;
}

/** One region's routing service on the database `sql` (migrated, with a catalogue), until stop(). */
export async function startRegion(sql: Sql, region: string, options: RegionOptions): Promise<RegionServer> {
  let now: Date | undefined = options.day ? new Date(`${options.day}T02:00:00.000Z`) : undefined;
  const deps: RoutingDeps = {
    sql,
    region,
    schedule: new ScheduleSource(sql),
    settings: defaultClockSettings,
    rules: seedRules,
    cityRegion: options.cityRegion ?? "city",
    now: () => now ?? new Date(),
    ...options.deps,
  };
  const feed = new AssignmentFeedSignal(sql);
  await feed.start();
  const server = new GrpcServer({ region, logger, tokens: new TokenVerifier(keys) })
    .add(routingV1.RoutingServiceService, routingHandlers(deps, noCheckpoints))
    .add(routingV1.DepartmentGatewayServiceService, departmentGatewayHandlers(deps, feed, { watchPollMs: options.watchPollMs, commands: new GroupCommit(deps, { maxBatch: options.groupCommitMax ?? 100 }) }))
    .add(routingLinkV1.RegionLinkServiceService, regionLinkHandlers(deps))
    .add(routingCatalogueV1.CatalogueServiceService, catalogueHandlers(deps));
  const address = `127.0.0.1:${await server.listen("127.0.0.1", 0)}`;
  const clients: { close(): void }[] = [];
  const token = (principal: Omit<Principal, "region">) => signDevToken(keys, { region, ...principal });
  const client = <S extends Parameters<typeof createClient>[0]>(service: S, bearer: string) => {
    const created = createClient(service, { address, token: () => bearer, defaultDeadlineMs: 10_000 });
    clients.push(created);
    return created;
  };
  return {
    region,
    address,
    deps,
    server,
    feed,
    token,
    gateway: async (department) => client(routingV1.DepartmentGatewayServiceService, await token({ subject: `${department}-system`, role: "department", department })),
    link: async () => client(routingLinkV1.RegionLinkServiceService, await token({ subject: "service:approval-routing", role: "service" })),
    routing: client(routingV1.RoutingServiceService, await token({ subject: "steward-1", role: "steward" })),
    setDay: (day) => {
      now = new Date(`${day}T02:00:00.000Z`);
    },
    async stop() {
      for (const created of clients) created.close();
      await server.shutdown(1000);
      await feed.stop();
    },
  };
}

export interface TestServers {
  db: TestDatabase;
  sql: Sql;
  startRegion(region: string, options?: { day?: string; cityRegion?: string }): Promise<RegionServer>;
  /**
   * The 纵向联动 job of `region`, calling the other regions' servers with service tokens; a test
   * runs its rounds (`round()`) when it wants the regions to talk.
   */
  linkage(region: RegionServer, others: RegionServer[]): LinkageJob;
  close(): Promise<void>;
}

/** A fresh migrated database with the seed catalogue, and regions started on it on demand. */
export async function createTestServers(name: string, options: { watchPollMs: number }): Promise<TestServers> {
  const db = await createTestDatabase(name);
  // As in production: migrated by the owner, served by the runtime role with only its grants.
  await migrate({ databaseUrl: db.url, dir: migrations, runtime: { role: db.runtimeRole, grants: runtimeGrants } });
  const sql = createDatabase({ url: db.runtimeUrl, poolMax: 8, statementTimeoutMs: 10_000, idleInTransactionTimeoutMs: 20_000, applicationName: `${name}-test` });
  await loadCatalogue(sql, seedCatalogue());
  const regions: RegionServer[] = [];
  const clients: { close(): void }[] = [];
  return {
    db,
    sql,
    async startRegion(region, regionOptions = {}) {
      const running = await startRegion(sql, region, { watchPollMs: options.watchPollMs, ...regionOptions });
      regions.push(running);
      return running;
    },
    linkage(region, others) {
      const links = new RegionLinks(new Map(others.map((other) => [other.region, other.address])), (target) =>
        signDevToken(keys, { subject: `service:approval-routing@${region.region}`, region: target, role: "service" }),
      );
      clients.push(links);
      return new LinkageJob(region.deps, links, logger, 60_000);
    },
    async close() {
      for (const created of clients) created.close();
      for (const region of regions) await region.stop();
      await sql.end();
      await db.drop();
    },
  };
}

/**
 * Opens a case for a plan of these item codes over SubmitPlan, every left-out prerequisite declared
 * satisfied unless `satisfied` says otherwise; returns the case and its items by code.
 */
export async function submit(
  region: RegionServer,
  codes: string[],
  options: { creditCode?: string; satisfied?: routingV1.SatisfiedPrerequisite[] } = {},
): Promise<{ kase: routingV1.Case; items: Map<string, routingV1.CaseItem> }> {
  const { case: kase } = await region.routing.submitPlan({
    planId: randomUUID(),
    planVersion: 1,
    projectId: randomUUID(),
    projectName: "富硒茶加工项目",
    creditCode: options.creditCode ?? testCreditCode,
    items: codes.map((itemCode) => ({ itemCode, departmentCode: itemCode.split("-")[0]!.toLowerCase() })),
    satisfiedPrerequisites: options.satisfied ?? declareMissingPrerequisites(codes),
  });
  return { kase: kase!, items: new Map(kase!.items.map((item) => [item.itemCode, item])) };
}

/** The error a call failed with; the test fails if it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error("expected the call to fail");
}

/** A region's outbox events of one type, decoded, in commit order. */
export async function outboxEvents(sql: Sql, region: string, type: string): Promise<EventEnvelope[]> {
  const rows = await sql<{ payload: Uint8Array }[]>`select payload from outbox where region = ${region} and event_type = ${type} order by seq`;
  return rows.map((row) => decodeEvent(row.payload));
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
