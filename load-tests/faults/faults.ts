/**
 * The faults, each injected while the load runs and each ending with the moment the suite
 * restored what it broke (started the process again, restarted the server, reconnected the link)
 * and the moment the system answered again (the recovery probe).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { repositoryRoot } from "@steward/testing";
import postgres from "postgres";
import type { SteadyLoad } from "./load.ts";
import type { WebhookReceiver } from "./receiver.ts";
import type { ServiceName, SystemUnderFault } from "./services.ts";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one injection of a fault measured; times are performance.now(). */
export interface FaultRun {
  fault: string;
  round: number;
  injectedAt: number;
  /** When the suite restored what it broke. */
  restoredAt: number;
  /** The first sign of the system working again after restoredAt (see `recoveryProbe`). */
  recoveredAt: number | undefined;
  /** routing's /readyz during the outage, where there is one (false = 503, as it should be). */
  readyDuringOutage?: boolean;
  /** When routing's /readyz answered 200 again after restoredAt. */
  readyAgainAt?: number;
  /** When routing's relay published again after restoredAt: events flow, whatever the fault. */
  flowingAt?: number;
}

export interface FaultContext {
  system: SystemUnderFault;
  load: SteadyLoad;
  webhook: WebhookReceiver;
  relay: RelayWatcher;
  /** How long a link stays cut. */
  cutMs: number;
  round: number;
}

export interface Fault {
  name: string;
  /** What "recovered" means for it. */
  recoveryProbe: string;
  inject(context: FaultContext): Promise<FaultRun[]>;
}

const recoveryTimeoutMs = 60_000;

/** Runs `bash scripts/stack.sh <command>` on the suite's own stack (STEWARD_DATA is .data/faults). */
async function stackCommand(command: string): Promise<void> {
  await run("bash", [`${repositoryRoot}scripts/stack.sh`, command], { env: process.env });
}

/**
 * Approval routing's outbox relay as seen in its own database (the suite's direct connection, not
 * routing's cut link): an event marked published means JetStream acknowledged it, so events flow
 * again. (The stream alone could grow with other services' events.)
 */
export class RelayWatcher {
  private readonly sql: postgres.Sql;

  constructor(routingDatabaseUrl: string) {
    this.sql = postgres(routingDatabaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  }

  async published(): Promise<number | undefined> {
    try {
      const [row] = await this.sql<{ n: number }[]>`select count(*)::int as n from outbox where published_at is not null`;
      return row!.n;
    } catch {
      return undefined;
    }
  }

  /** The time routing's relay first publishes past `baseline` events. */
  async firstPublishAfter(baseline: number, timeoutMs: number): Promise<number | undefined> {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      const count = await this.published();
      if (count !== undefined && count > baseline) return performance.now();
      await sleep(100);
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 1 });
  }
}

/** Completes a run with when routing answered ready again and when its events flowed again. */
async function settleRun(context: FaultContext, run: Omit<FaultRun, "readyAgainAt" | "flowingAt">, publishedAtRestore: number, service: ServiceName = "approval-routing"): Promise<FaultRun> {
  const [readyAgainAt, flowingAt] = await Promise.all([readyAgain(context, run.restoredAt, service), context.relay.firstPublishAfter(publishedAtRestore, recoveryTimeoutMs)]);
  return { ...run, readyAgainAt, flowingAt };
}

async function readyAgain(context: FaultContext, since: number, service: ServiceName = "approval-routing"): Promise<number | undefined> {
  const until = since + recoveryTimeoutMs;
  while (performance.now() < until) {
    if (await context.system.services[service].ready()) return performance.now();
    await sleep(100);
  }
  return undefined;
}

/** Waits out an outage of `ms`, sampling routing's readiness in its middle. */
async function outage(context: FaultContext, ms: number): Promise<boolean> {
  await sleep(ms / 2);
  const ready = await context.system.services["approval-routing"].ready();
  await sleep(ms / 2);
  return ready;
}

const routingKill: Fault = {
  name: "approval-routing SIGKILL mid-burst",
  recoveryProbe: "first OK call",
  async inject(context) {
    const routing = context.system.services["approval-routing"];
    const runs: FaultRun[] = [];
    for (let kill = 0; kill < 3; kill++) {
      await context.load.nextBurst(10_000); // decisions in flight
      const injectedAt = performance.now();
      await routing.kill();
      const restoredAt = performance.now();
      const published = (await context.relay.published()) ?? 0;
      await routing.start();
      const recoveredAt = await context.load.firstOkAfter(restoredAt, recoveryTimeoutMs);
      runs.push(await settleRun(context, { fault: this.name, round: context.round, injectedAt, restoredAt, recoveredAt }, published));
      await sleep(1000);
    }
    return runs;
  },
};

const notificationKill: Fault = {
  name: "notification SIGKILL between webhook POST and recording it",
  recoveryProbe: "first webhook POST",
  async inject(context) {
    const notification = context.system.services.notification;
    let injectedAt = 0;
    const killed = new Promise<void>((resolve) =>
      context.webhook.interceptNextPost(async () => {
        injectedAt = performance.now();
        await notification.kill();
        resolve();
      }),
    );
    await Promise.race([killed, sleep(recoveryTimeoutMs)]);
    if (injectedAt === 0) throw new Error("no webhook POST arrived to kill notification on");
    const restoredAt = performance.now();
    const published = (await context.relay.published()) ?? 0;
    await notification.start();
    const recoveredAt = await context.webhook.firstPostAfter(restoredAt, recoveryTimeoutMs);
    return [await settleRun(context, { fault: this.name, round: context.round, injectedAt, restoredAt, recoveredAt }, published, "notification")];
  },
};

const natsKill: Fault = {
  name: "nats-server SIGKILL, restarted 5 s later",
  recoveryProbe: "first event published",
  async inject(context) {
    const injectedAt = performance.now();
    await stackCommand("kill-nats");
    const readyDuringOutage = await outage(context, 5000);
    const baseline = (await context.relay.published()) ?? 0;
    await stackCommand("up");
    const restoredAt = performance.now();
    const recoveredAt = await context.relay.firstPublishAfter(baseline, recoveryTimeoutMs);
    return [await settleRun(context, { fault: this.name, round: context.round, injectedAt, restoredAt, recoveredAt, readyDuringOutage }, baseline)];
  },
};

const postgresRestart: Fault = {
  name: "Postgres restart in immediate mode",
  recoveryProbe: "first OK call",
  async inject(context) {
    await context.load.nextBurst(10_000);
    const injectedAt = performance.now();
    const published = (await context.relay.published()) ?? 0;
    await stackCommand("restart-postgres-immediate");
    const restoredAt = performance.now();
    const recoveredAt = await context.load.firstOkAfter(restoredAt, recoveryTimeoutMs);
    return [await settleRun(context, { fault: this.name, round: context.round, injectedAt, restoredAt, recoveredAt }, published)];
  },
};

/** Cuts one of routing's links for the cut time; recovered when `probe` sees the system work again. */
function linkCut(dependency: "Postgres" | "NATS", recoveryProbe: "first OK call" | "first event published"): Fault {
  return {
    name: `approval-routing's link to ${dependency} cut`,
    recoveryProbe,
    async inject(context) {
      const link = dependency === "Postgres" ? context.system.links.routingPostgres : context.system.links.routingNats;
      const injectedAt = performance.now();
      link.cut();
      const readyDuringOutage = await outage(context, context.cutMs);
      const published = (await context.relay.published()) ?? 0;
      link.restore();
      const restoredAt = performance.now();
      const recoveredAt =
        recoveryProbe === "first OK call" ? await context.load.firstOkAfter(restoredAt, recoveryTimeoutMs) : await context.relay.firstPublishAfter(published, recoveryTimeoutMs);
      return [await settleRun(context, { fault: this.name, round: context.round, injectedAt, restoredAt, recoveredAt, readyDuringOutage }, published)];
    },
  };
}

/** Every fault, in the order a round injects them. */
export const faults: Fault[] = [routingKill, notificationKill, natsKill, postgresRestart, linkCut("Postgres", "first OK call"), linkCut("NATS", "first event published")];
