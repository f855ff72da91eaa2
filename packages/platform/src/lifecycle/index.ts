import type { Hono } from "hono";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import type { LedgerSettings, RuntimeConfig } from "../config/index.js";
import { createDatabase, databaseReady, migrate, pendingMigrations, runtimeRoleExcess, type TableGrants } from "../db/index.js";
import { EventConsumer, type ConsumerOptions } from "../events/consumer.js";
import { busReady, connectBus, type Bus } from "../events/bus.js";
import { OutboxRelay } from "../events/relay.js";
import { PageTokens } from "../grpc/paging.js";
import { GrpcServer } from "../grpc/server.js";
import { AnchorReader } from "../ledger/checkpoint-stream.js";
import { LedgerCheckpointer } from "../ledger/checkpointer.js";
import { createHttpApp, listenHttp, type AppEnv } from "../http/app.js";
import { createLogger } from "../logging/index.js";
import { startTelemetry, type Telemetry } from "../telemetry/index.js";
import { installProcessFaultHandlers } from "./process-faults.js";
import { Readiness } from "./readiness.js";

/** Everything a service's wiring receives; built once per process by runService. */
export interface ServiceRuntime {
  config: RuntimeConfig;
  logger: Logger;
  telemetry: Telemetry;
  sql: Sql;
  bus: Bus;
  grpc: GrpcServer;
  http: Hono<AppEnv>;
  tokens: TokenVerifier;
  /** The ledger's checkpoints, for a service whose database holds one (RunServiceOptions.ledger). */
  ledger: { anchors: AnchorReader; checkpointer: LedgerCheckpointer } | undefined;
  /** A token for this service's own outbound calls, in its region or (纵向联动) another's. */
  serviceToken(region?: string): Promise<string>;
  /** Registers a durable consumer, started once the servers listen. */
  consume(options: Omit<ConsumerOptions, "bus" | "sql" | "logger">): void;
  /** Registers a background task stopped at shutdown, before the database closes. */
  onShutdown(stop: () => Promise<void>): void;
  /** What /readyz and gRPC health report; background loops register their heartbeat here. */
  readiness: Readiness;
}

export interface RunServiceOptions {
  config: RuntimeConfig;
  migrationsDir: string;
  /** What the service's runtime role may do to each of its tables (src/db/grants.ts); the platform's tables are added. */
  grants: TableGrants;
  /** HTTP routes whose body may also be an HTML form (see HttpAppOptions.formRoutes). */
  httpFormRoutes?: readonly string[];
  /** A browser session cookie the HTTP access gate also reads (see HttpAppOptions.session). */
  httpSession?: { cookie: string; signInPath: string };
  /** For a service whose database holds a ledger: checkpoints are taken and signed with these settings. */
  ledger?: LedgerSettings;
  /** zh-CN messages of the service's own refusal reasons, for problem+json answers. */
  problemMessages?: Record<string, string>;
  /** Registers gRPC services, HTTP routes and consumers. */
  setup: (runtime: ServiceRuntime) => Promise<void> | void;
}

export interface RunningService {
  runtime: ServiceRuntime;
  grpcPort: number;
  httpPort: number;
  stop(): Promise<void>;
}

/**
 * Starts a service: telemetry, logs, migrations (or the check that none is pending), database
 * pool, bus, outbox relay, servers, consumers and the ledger's checkpoints, in that order, and
 * stops them in reverse on SIGTERM or SIGINT: health goes NOT_SERVING, in-flight calls drain,
 * consumers, checkpoints and relay stop, then connections close.
 */
export async function runService(options: RunServiceOptions): Promise<RunningService> {
  const { config } = options;
  const telemetry = startTelemetry({ serviceName: config.telemetry.serviceName, region: config.region, otlpEndpoint: config.telemetry.otlpEndpoint, sampler: config.telemetry.sampler });
  const logger = createLogger({ service: config.service, region: config.region, level: config.logLevel });
  installProcessFaultHandlers(logger);
  try {
    return await startService(options, telemetry, logger);
  } catch (error) {
    // A dependency missing at start (database, NATS) or a bad catalogue: one JSON line, then exit
    // for the supervisor to try again, rather than Node's raw stack on stderr.
    logger.fatal({ err: error, event: "service.start_failed" }, `${config.service} could not start`);
    logger.flush?.();
    process.exit(1);
  }
}

async function startService(options: RunServiceOptions, telemetry: Telemetry, logger: Logger): Promise<RunningService> {
  const { config } = options;

  // `main.js --migrate-only` applies the migrations and exits: the deploy step that runs them as
  // the schema's owner before the service (which holds no DDL rights) starts. When the runtime
  // role differs from the owner, it is then granted exactly what the service uses.
  const migrateOnly = process.argv.includes("--migrate-only");
  const runtimeRole = roleOf(config.database.url);
  const grantsFor = runtimeRole !== roleOf(config.database.migrationUrl) ? { role: runtimeRole, grants: options.grants } : undefined;
  if (config.database.migrateOnStart || migrateOnly) {
    await migrate({ databaseUrl: config.database.migrationUrl, dir: options.migrationsDir, runtime: grantsFor, log: (message) => logger.debug({ migration: message }, "migrate") });
  }
  if (migrateOnly) {
    logger.info({ event: "service.migrated", runtimeRole }, `${config.service} migrations applied for region ${config.region}`);
    await telemetry.shutdown();
    process.exit(0);
  }
  const sql = createDatabase({ ...config.database, applicationName: `steward-${config.service}`, querySpans: config.telemetry.dbQuerySpans });
  if (!config.database.migrateOnStart) {
    // A deploy step migrates; a process that finds the schema behind its code must not serve.
    const pending = await pendingMigrations(sql, options.migrationsDir);
    if (pending.length > 0) {
      process.stderr.write(
        `schema not current: ${pending.length} migration(s) of ${config.service} not applied (${pending.join(", ")}); run \`main --migrate-only\` as the schema owner first (STEWARD_MIGRATE_ON_START=false)\n`,
      );
      process.exit(78);
    }
  }
  const excess = await runtimeRoleExcess(sql);
  if (excess) logger.warn({ event: "service.privileged_role" }, `${excess}: the ledger's append-only triggers can be switched off by this role; run the service as a role of its own (README "Database roles")`);
  const bus = await connectBus({ url: config.nats.url, user: config.nats.user, password: config.nats.password, name: `steward-${config.service}-${config.region}`, region: config.region, logger });
  const tokens = new TokenVerifier(config.auth);
  // One page-token key for both servers: replicas of the region derive the same from the secret.
  const pageTokens = PageTokens.fromSecret(config.pageTokenSecret);
  const grpc = new GrpcServer({ region: config.region, logger, tokens, pageTokens });
  const readiness = new Readiness({ logger });
  readiness.dependency("postgres", () => databaseReady(sql));
  readiness.dependency("nats", () => busReady(bus));
  bus.onDisconnect((detail) => readiness.set("nats", { up: false, detail }));
  const http = createHttpApp({
    service: config.service,
    region: config.region,
    tokens,
    logger,
    maxBodyBytes: config.http.maxBodyBytes,
    pageTokens,
    ...(options.httpFormRoutes ? { formRoutes: options.httpFormRoutes } : {}),
    ...(options.httpSession ? { session: options.httpSession } : {}),
    messages: options.problemMessages,
    prometheusText: () => telemetry.prometheusText(),
    readiness,
  });
  const consumers: EventConsumer[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const ledger = options.ledger
    ? {
        anchors: new AnchorReader(bus.js, bus.jsm, config.region, config.service, options.ledger.cityRegion, options.ledger.verifier),
        checkpointer: new LedgerCheckpointer({
          sql,
          js: bus.js,
          jsm: bus.jsm,
          region: config.region,
          ledger: config.service,
          cityRegion: options.ledger.cityRegion,
          signer: options.ledger.signer,
          verifier: options.ledger.verifier,
          intervalMs: options.ledger.checkpointIntervalMs,
          deadlineMs: options.ledger.checkpointDeadlineMs,
          logger,
        }),
      }
    : undefined;
  const serviceTokens = new Map<string, { token: string; renewAt: number }>();
  // Service tokens live as long as the cap allows (at most an hour) and are renewed at 80 % of it.
  const serviceTokenTtl = Math.min(3600, config.auth.maxLifetimeSeconds);

  const runtime: ServiceRuntime = {
    config,
    logger,
    telemetry,
    sql,
    bus,
    grpc,
    http,
    tokens,
    ledger,
    async serviceToken(region = config.region) {
      let cached = serviceTokens.get(region);
      if (!cached || cached.renewAt < Date.now()) {
        const principal: Principal = { subject: `service:${config.service}@${config.region}`, region, role: "service" };
        cached = { token: await signDevToken(config.auth, principal, serviceTokenTtl), renewAt: Date.now() + serviceTokenTtl * 800 };
        serviceTokens.set(region, cached);
      }
      return cached.token;
    },
    consume(consumerOptions) {
      // An idle consumer still beats every pull (5 s); 60 s without one is a loop that stopped.
      const heartbeat = readiness.loop(`consumer:${consumerOptions.durable}`, 60_000);
      consumers.push(new EventConsumer({ ...consumerOptions, bus, sql, logger, heartbeat }));
    },
    onShutdown(stop) {
      stoppers.push(stop);
    },
    readiness,
  };
  await options.setup(runtime);

  const relay = new OutboxRelay({ sql, js: bus.js, logger, readiness });
  await relay.start();
  await readiness.start();
  const grpcPort = await grpc.listen(config.grpc.host, config.grpc.port);
  // gRPC health follows readiness from here on: NOT_SERVING while Postgres or NATS is down.
  grpc.setServing(readiness.ready);
  readiness.onChange((ready) => grpc.setServing(ready));
  // gRPC health "liveness" (the chart's liveness probe) turns NOT_SERVING while a job is wedged.
  readiness.liveness.onChange((live) => grpc.setLive(live));
  readiness.liveness.start();
  const httpServer = await listenHttp(http, config.http.host, config.http.port);
  await Promise.all(consumers.map((consumer) => consumer.start()));
  ledger?.checkpointer.start(readiness);
  logger.info({ grpcPort, httpPort: httpServer.port, event: "service.ready" }, `${config.service} ready for region ${config.region}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      // Not ready first (503, NOT_SERVING), so balancers stop sending; then the drain.
      readiness.drain();
      await grpc.shutdown(config.shutdownGraceMs);
      await httpServer.close();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await ledger?.checkpointer.stop();
      for (const stopper of stoppers) await stopper().catch((error) => logger.warn({ err: error }, "background task stop failed"));
      await relay.stop();
      await readiness.stop();
      readiness.liveness.stop();
      await bus.close();
      await sql.end({ timeout: 5 });
      await telemetry.shutdown();
      logger.info("stopped");
    })());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
  return { runtime, grpcPort, httpPort: httpServer.port, stop };
}

/** The user of a postgres:// URL, as Postgres knows the role. */
function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

export { PeriodicTask, RoundDeadlineExceeded, defaultRoundDeadlineMs, maxRoundsAtOnce, stuckAfterDeadlines, type PeriodicTaskOptions } from "./periodic.js";
export { Liveness, type LivenessReport } from "./liveness.js";
export { untilAborted } from "./abort.js";
export { jobHeartbeat, type Heartbeat, type HeartbeatRegistry, type JobHeartbeat } from "./heartbeat.js";
export { Readiness, type ReadinessReport, type ComponentState } from "./readiness.js";
export { installProcessFaultHandlers, survivable, faultExitCode } from "./process-faults.js";
