import type { Hono } from "hono";
import type { Sql } from "postgres";
import type { Logger } from "pino";
import { TokenVerifier, signDevToken, type Principal } from "../auth/index.js";
import type { RuntimeConfig } from "../config/index.js";
import { createDatabase, databaseReady, migrate } from "../db/index.js";
import { EventConsumer, type ConsumerOptions } from "../events/consumer.js";
import { busReady, connectBus, type Bus } from "../events/bus.js";
import { OutboxRelay } from "../events/relay.js";
import { GrpcServer } from "../grpc/server.js";
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
 * Starts a service: telemetry, logs, migrations, database pool, bus, outbox relay, servers and
 * consumers, in that order, and stops them in reverse on SIGTERM or SIGINT: health goes
 * NOT_SERVING, in-flight calls drain, consumers and relay stop, then connections close.
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
  // the schema's owner before the service (which may hold no DDL rights) starts.
  const migrateOnly = process.argv.includes("--migrate-only");
  if (config.database.migrateOnStart || migrateOnly) {
    await migrate({ databaseUrl: config.database.migrationUrl, dir: options.migrationsDir, log: (message) => logger.debug({ migration: message }, "migrate") });
  }
  if (migrateOnly) {
    logger.info({ event: "service.migrated" }, `${config.service} migrations applied for region ${config.region}`);
    await telemetry.shutdown();
    process.exit(0);
  }
  const sql = createDatabase({ ...config.database, applicationName: `steward-${config.service}`, querySpans: config.telemetry.dbQuerySpans });
  const bus = await connectBus({ url: config.nats.url, name: `steward-${config.service}-${config.region}`, region: config.region, logger });
  const tokens = new TokenVerifier(config.auth);
  const grpc = new GrpcServer({ region: config.region, logger, tokens });
  const readiness = new Readiness({ logger });
  readiness.dependency("postgres", () => databaseReady(sql));
  readiness.dependency("nats", () => busReady(bus));
  bus.onDisconnect((detail) => readiness.set("nats", { up: false, detail }));
  const http = createHttpApp({ logger, messages: options.problemMessages, prometheusText: () => telemetry.prometheusText(), readiness });
  const consumers: EventConsumer[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const serviceTokens = new Map<string, { token: string; expiresAt: number }>();

  const runtime: ServiceRuntime = {
    config,
    logger,
    telemetry,
    sql,
    bus,
    grpc,
    http,
    tokens,
    async serviceToken(region = config.region) {
      let cached = serviceTokens.get(region);
      if (!cached || cached.expiresAt < Date.now()) {
        const principal: Principal = { subject: `service:${config.service}@${config.region}`, region, role: "service" };
        cached = { token: await signDevToken(config.auth, principal, 3600), expiresAt: Date.now() + 3000_000 };
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
  const httpServer = await listenHttp(http, config.http.host, config.http.port);
  await Promise.all(consumers.map((consumer) => consumer.start()));
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
      for (const stopper of stoppers) await stopper().catch((error) => logger.warn({ err: error }, "background task stop failed"));
      await relay.stop();
      await readiness.stop();
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

export { PeriodicTask, type PeriodicTaskOptions } from "./periodic.js";
export { jobHeartbeat, type Heartbeat, type HeartbeatRegistry, type JobHeartbeat } from "./heartbeat.js";
export { Readiness, type ReadinessReport, type ComponentState } from "./readiness.js";
export { installProcessFaultHandlers, survivable, faultExitCode } from "./process-faults.js";
