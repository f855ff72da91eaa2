/**
 * What the routing path needs, started for a fresh region as real processes (like e2e/): approval-
 * routing, and notification + assessment, which consume routing.case.completed. Each service gets
 * its own throwaway database; notification runs its bundled rules plus one that sends every
 * completed case to a webhook (registered as the 12345 system's endpoint), where an in-process
 * receiver timestamps the deliveries. `stop()` stops the processes, drops the databases and deletes the
 * region's stream, so a run leaves nothing behind.
 */
import { readFileSync } from "node:fs";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { signDevToken } from "@steward/platform/auth";
import { streamFor } from "@steward/platform/events";
import { checkpointCopyStreamFor, checkpointStreamFor } from "@steward/platform/ledger";
import { createTestDatabase, repositoryRoot, regionServiceEnv, spawnService, stack, testAuthSecret, uniqueRegion, type ServiceProcess, type TestDatabase } from "@steward/testing";
import { caseCompletedToHotlineRules, registerHotlineEndpoint } from "../lib/hotline-webhook.ts";
import { departmentsOf, planTemplates, type PlanTemplateName, type Profile } from "../lib/profiles.ts";
import type { Tokens } from "./iteration.ts";
import { webhookReceiver, type NotificationTracker } from "./notifications.ts";
import { seedFinishedItems } from "./seed.ts";
import type { WatchedProcess } from "./processes.ts";

/** A running system the driver can load: where to call, as whom, which processes to watch. */
export interface Target {
  name: string;
  /** Where VUs call: VU i calls addresses[i % addresses.length]. */
  addresses: string[];
  region: string;
  tokens: Tokens;
  processes: WatchedProcess[];
  /** The routing database, where a started stack can be inspected after a run. */
  routingDatabaseUrl?: string;
  stop(): Promise<void>;
}

export interface RoutingStackOptions {
  /** Routing processes sharing the database and the event consumers (default 1). */
  routingReplicas?: number;
  /** Finished items written into the routing database with bulk SQL before the run (see seed.ts). */
  seedItems?: number;
  log?: (line: string) => void;
}

const services = ["approval-routing", "notification", "assessment"] as const;

/** Variables passed on to the services when set, so a run can try other pool sizes, log levels or consumer batch windows. */
const passThrough = [
  "STEWARD_DB_POOL_MAX",
  "STEWARD_LOG_LEVEL",
  "STEWARD_DB_STATEMENT_TIMEOUT_MS",
  "STEWARD_NOTIFICATION_BATCH_WINDOW_MS",
  "STEWARD_ASSESSMENT_BATCH_WINDOW_MS",
  // Tracing as an SRE would run it (bench:cost COST_TRACES=1 sets the endpoint to its sink).
  "OTEL_EXPORTER_OTLP_ENDPOINT",
  "OTEL_TRACES_SAMPLER",
  "OTEL_TRACES_SAMPLER_ARG",
  "STEWARD_TRACE_DB_QUERIES",
];

/**
 * Fails before any load when a plan template names an item the catalogue does not have, a
 * department other than the catalogue's, an item of city jurisdiction (forwarded to a city
 * routing service a one-region run does not start), or leaves out a prerequisite of its items
 * (the payloads declare none satisfied, so routing would refuse the plan).
 */
export function checkPlanTemplates(): void {
  const catalogue = JSON.parse(readFileSync(`${repositoryRoot}services/approval-routing/catalogue/ankang.json`, "utf8")) as {
    items: { code: string; department: string; jurisdiction?: string; prerequisites: string[] }[];
  };
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  const problems: string[] = [];
  for (const [name, items] of Object.entries(planTemplates) as [PlanTemplateName, readonly { itemCode: string; departmentCode: string }[]][]) {
    for (const { itemCode, departmentCode } of items) {
      const known = byCode.get(itemCode);
      if (!known) problems.push(`${name}: ${itemCode} is not in the catalogue`);
      else if (known.department !== departmentCode) problems.push(`${name}: ${itemCode} belongs to ${known.department}, not ${departmentCode}`);
      else if (known.jurisdiction === "city") problems.push(`${name}: ${itemCode} is of city jurisdiction`);
      const missing = (known?.prerequisites ?? []).filter((code) => !items.some((item) => item.itemCode === code));
      if (missing.length > 0) problems.push(`${name}: ${itemCode} requires ${missing.join(", ")}, which the template leaves out`);
    }
  }
  if (problems.length > 0) throw new Error(`lib/profiles.ts planTemplates disagree with the catalogue:\n  ${problems.join("\n  ")}`);
}

/**
 * Tokens of the steward and of every department the profile's plans need, for `region`. They
 * live one hour, the services' default cap on a token's lifetime; every run is bounded well below.
 */
const tokenLifetimeS = 3600;

export async function mintTokens(profile: Profile, region: string, secret = testAuthSecret): Promise<Tokens> {
  const departments: Record<string, string> = {};
  for (const code of departmentsOf(profile.mix)) {
    departments[code] = await signDevToken({ secret }, { subject: `load-${code}-system`, region, role: "department", department: code }, tokenLifetimeS);
  }
  return { steward: await signDevToken({ secret }, { subject: "load-steward", region, role: "steward" }, tokenLifetimeS), departments };
}

/** The region's event stream and its ledger checkpoint streams (the region is its own city here). */
export async function deleteRegionStreams(region: string): Promise<void> {
  const connection = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(connection);
    for (const name of [streamFor(region), checkpointStreamFor(region), checkpointCopyStreamFor(region)]) await jsm.streams.delete(name).catch(() => false);
  } finally {
    await connection.close();
  }
}

/** Starts routing, notification and assessment for a fresh region; `tracker` receives the webhook deliveries. */
export async function startRoutingStack(profile: Profile, tracker: NotificationTracker, options: RoutingStackOptions = {}): Promise<Target> {
  const replicas = options.routingReplicas ?? 1;
  checkPlanTemplates();
  const region = uniqueRegion("load");
  const webhook = await webhookReceiver(tracker);
  const rules = caseCompletedToHotlineRules();
  const databases: Partial<Record<(typeof services)[number], TestDatabase>> = {};
  const started: ServiceProcess[] = [];
  const cleanup = async () => {
    await Promise.all(started.map((process) => process.stop()));
    await webhook.close();
    rules.remove();
    await Promise.all(Object.values(databases).map((database) => database.drop().catch(() => undefined)));
    await deleteRegionStreams(region).catch(() => undefined);
  };
  try {
    for (const name of services) databases[name] = await createTestDatabase(`${region}_${name.replace("-", "_")}`);
    const extra = Object.fromEntries(passThrough.filter((key) => process.env[key]).map((key) => [key, process.env[key]!]));
    // e.g. SERVICE_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the services and not the driver.
    if (process.env.SERVICE_NODE_OPTIONS) extra.NODE_OPTIONS = process.env.SERVICE_NODE_OPTIONS;
    const environment = (name: (typeof services)[number]) => ({
      ...regionServiceEnv(name, { region, database: databases[name]! }),
      STEWARD_NOTIFICATION_RULES_FILE: rules.file,
      ...extra,
    });
    const spawnAll = async (names: readonly (typeof services)[number][]) => {
      const spawned = await Promise.allSettled(names.map((name) => spawnService(name, environment(name))));
      for (const result of spawned) if (result.status === "fulfilled") started.push(result.value);
      const failed = spawned.find((result) => result.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    };
    await spawnAll(services);
    await registerHotlineEndpoint(region, started.find((process) => process.name === "notification")!.grpcPort, webhook.url);
    // The database exists and is migrated once the first routing process is ready.
    if (options.seedItems) await seedFinishedItems(databases["approval-routing"]!.url, region, options.seedItems, options.log ?? ((line) => process.stderr.write(`${line}\n`)));
    if (replicas > 1) await spawnAll(Array.from({ length: replicas - 1 }, () => "approval-routing" as const));
  } catch (error) {
    await cleanup();
    throw error;
  }
  const routing = started.filter((process) => process.name === "approval-routing");
  let replica = 0;
  return {
    name: replicas > 1 ? `approval-routing ×${replicas}` : "approval-routing",
    addresses: routing.map((process) => `127.0.0.1:${process.grpcPort}`),
    region,
    tokens: await mintTokens(profile, region),
    processes: started.map((process) => ({ name: process.name === "approval-routing" && replicas > 1 ? `approval-routing #${++replica}` : process.name, pid: process.child.pid!, logs: process.logs })),
    routingDatabaseUrl: databases["approval-routing"]!.url,
    stop: cleanup,
  };
}
