/**
 * The system under fault: approval-routing, notification and assessment for a fresh region, as
 * real processes on fixed ports (so a killed one comes back where its clients look for it), on
 * the suite's own Postgres and NATS. Approval routing reaches both through TCP proxies the suite
 * controls, so its links can be cut. Notification sends every completed case to the suite's webhook
 * receiver, registered as the 12345 system's endpoint (lib/hotline-webhook.ts, as the load driver
 * does). Every exit the suite did not cause is recorded.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { streamFor } from "@steward/platform/events";
import { freePort, createTestDatabase, regionServiceEnv, repositoryRoot, spawnService, stack, startTcpProxy, uniqueRegion, type ServiceProcess, type TcpProxy, type TestDatabase } from "@steward/testing";
import { caseCompletedToHotlineRules, registerHotlineEndpoint } from "../lib/hotline-webhook.ts";
import type { WebhookReceiver } from "./receiver.ts";

export const serviceNames = ["approval-routing", "notification", "assessment"] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface UnexpectedExit {
  service: ServiceName;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** One service process the suite may kill and start again, at the same ports. */
export class ManagedService {
  private process: ServiceProcess | undefined;
  /** Every process this service ran as, for its logs. */
  readonly generations: ServiceProcess[] = [];
  private expectingExit = false;

  constructor(
    readonly name: ServiceName,
    readonly grpcPort: number,
    readonly httpPort: number,
    private readonly env: Record<string, string>,
    private readonly exits: UnexpectedExit[],
  ) {}

  get address(): string {
    return `127.0.0.1:${this.grpcPort}`;
  }

  get pid(): number | undefined {
    return this.process?.child.pid;
  }

  /** Starts the process; resolves once it logged that it is ready. */
  async start(): Promise<void> {
    const started = await spawnService(this.name, { ...this.env, STEWARD_GRPC_PORT: String(this.grpcPort), STEWARD_HTTP_PORT: String(this.httpPort) }, 120_000);
    this.process = started;
    this.generations.push(started);
    started.child.once("exit", (code, signal) => {
      if (this.expectingExit || this.process !== started) return;
      this.exits.push({ service: this.name, code, signal, at: performance.now() });
    });
  }

  /** SIGKILL, as the OOM killer or a node failure would; waits until the process is gone. */
  async kill(): Promise<void> {
    const child = this.process?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.expectingExit = true;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
    this.expectingExit = false;
  }

  /** SIGTERM and wait: the clean stop at the end of the run. */
  async stop(): Promise<number | null> {
    this.expectingExit = true;
    return (await this.process?.stop()) ?? null;
  }

  /** Whether /readyz answers 200 right now. */
  async ready(): Promise<boolean> {
    try {
      return (await fetch(`http://127.0.0.1:${this.httpPort}/readyz`, { signal: AbortSignal.timeout(1000) })).ok;
    } catch {
      return false;
    }
  }
}

export interface SystemUnderFault {
  region: string;
  services: Record<ServiceName, ManagedService>;
  databases: Record<ServiceName, TestDatabase>;
  /** Approval routing's links to Postgres and to NATS. */
  links: { routingPostgres: TcpProxy; routingNats: TcpProxy };
  exits: UnexpectedExit[];
  stop(): Promise<void>;
}

async function deleteStream(region: string): Promise<void> {
  const connection = await connect({ servers: stack.natsUrl });
  try {
    await (await jetstreamManager(connection)).streams.delete(streamFor(region));
  } finally {
    await connection.close();
  }
}

/** Each process's log lines under <data>/logs/faults-<service>-<n>.log, for a look after a failed run. */
function writeLogs(services: Record<ServiceName, ManagedService>): void {
  const dir = join(process.env.STEWARD_DATA ?? join(repositoryRoot, ".data"), "logs");
  mkdirSync(dir, { recursive: true });
  for (const name of serviceNames) {
    services[name].generations.forEach((generation, index) => {
      writeFileSync(join(dir, `faults-${name}-${index + 1}.log`), generation.logs.map((line) => JSON.stringify(line)).join("\n") + "\n");
    });
  }
}

const viaProxy = (url: string, proxy: TcpProxy) => {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(proxy.port);
  return parsed.toString();
};

export async function startSystem(webhook: WebhookReceiver): Promise<SystemUnderFault> {
  const region = uniqueRegion("fault");
  const exits: UnexpectedExit[] = [];
  const databases = Object.fromEntries(
    await Promise.all(serviceNames.map(async (name) => [name, await createTestDatabase(`${region}_${name.replace("-", "_")}`)] as const)),
  ) as Record<ServiceName, TestDatabase>;
  const postgres = new URL(stack.postgresUrl);
  const nats = new URL(stack.natsUrl);
  const links = {
    routingPostgres: await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port) }),
    routingNats: await startTcpProxy({ host: nats.hostname, port: Number(nats.port) }),
  };
  const rules = caseCompletedToHotlineRules();
  // The fault suite's own settings over what each service needs for the region (one builder for
  // every harness). Routing reaches Postgres (as its runtime role) and NATS through the proxies.
  const suite = {
    // A delivery whose sender died is leased for this plus 30 s (the dispatcher's margin): it is sent again about 32 s later.
    STEWARD_NOTIFICATION_TIMEOUT_MS: "2000",
  };
  const envOf = (name: ServiceName, addresses: Partial<Record<ServiceName, string>>): Record<string, string> => ({
    ...regionServiceEnv(name, { region, database: databases[name], addresses }),
    ...suite,
    ...(name === "approval-routing" ? { STEWARD_DATABASE_URL: viaProxy(databases[name].runtimeUrl, links.routingPostgres), STEWARD_NATS_URL: `nats://127.0.0.1:${links.routingNats.port}` } : {}),
    ...(name === "notification" ? { STEWARD_NOTIFICATION_RULES_FILE: rules.file } : {}),
  });
  const ports = Object.fromEntries(await Promise.all(serviceNames.map(async (name) => [name, { grpc: await freePort(), http: await freePort() }] as const))) as Record<ServiceName, { grpc: number; http: number }>;
  const addresses = Object.fromEntries(serviceNames.map((name) => [name, `127.0.0.1:${ports[name].grpc}`])) as Record<ServiceName, string>;
  const services = {} as Record<ServiceName, ManagedService>;
  for (const name of serviceNames) services[name] = new ManagedService(name, ports[name].grpc, ports[name].http, envOf(name, addresses), exits);
  await Promise.all(serviceNames.map((name) => services[name].start()));
  // Stored by notification: a restarted process posts to the receiver too.
  await registerHotlineEndpoint(region, services.notification.grpcPort, webhook.url);
  return {
    region,
    services,
    databases,
    links,
    exits,
    async stop() {
      await Promise.all(serviceNames.map((name) => services[name].stop()));
      writeLogs(services);
      rules.remove();
      await Promise.all([links.routingPostgres.close(), links.routingNats.close()]);
      await Promise.all(serviceNames.map((name) => databases[name].drop().catch(() => undefined)));
      await deleteStream(region).catch(() => undefined);
    },
  };
}
