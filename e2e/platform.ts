import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { agreementV1, assessmentV1, intakeV1, notificationFollowUpV1, notificationInboxV1, notificationPolicyV1, notificationV1, routingCatalogueV1, routingLinkV1, routingV1 } from "@steward/proto";
import {
  createTestDatabase,
  defaultServiceBuild,
  freePort,
  regionServiceEnv,
  repositoryRoot,
  spawnService,
  startHotlineStandIn,
  startMailpit,
  startSmsGatewayStandIn,
  startWebhookReceiver,
  testAuthSecret,
  uniqueRegion,
  type HotlineStandIn,
  type Mailpit,
  type ServiceBuild,
  type ServiceProcess,
  type SmsGatewayStandIn,
  type TestDatabase,
  type WebhookReceiverStandIn,
} from "@steward/testing";
import { deleteRegionStreams } from "./streams.js";
import { otlpReceiver, type ExportedSpan, type Receiver } from "./receivers.js";

export const serviceNames = ["intake", "agreement", "approval-routing", "notification", "assessment"] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface RunningPlatform {
  region: string;
  services: Record<ServiceName, ServiceProcess>;
  databases: Record<ServiceName, TestDatabase>;
  spans: Receiver<ExportedSpan>;
  /** Where notification's SMS go (the stand-in SMS gateway), e-mail (mailpit) and department systems' webhooks. */
  sms: SmsGatewayStandIn;
  mail: Mailpit;
  systems: WebhookReceiverStandIn;
  /** The stand-in 12345 hotline system intake is linked to. */
  hotline: HotlineStandIn;
  token(principal: Omit<Principal, "region"> & { region?: string }): Promise<string>;
  clients(token: string): PlatformClients;
  stop(): Promise<void>;
}

export interface PlatformClients {
  intake: PromiseClient<typeof intakeV1.IntakeServiceService>;
  agreement: PromiseClient<typeof agreementV1.AgreementServiceService>;
  routing: PromiseClient<typeof routingV1.RoutingServiceService>;
  gateway: PromiseClient<typeof routingV1.DepartmentGatewayServiceService>;
  catalogue: PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;
  link: PromiseClient<typeof routingLinkV1.RegionLinkServiceService>;
  notification: PromiseClient<typeof notificationV1.NotificationServiceService>;
  inbox: PromiseClient<typeof notificationInboxV1.InboxServiceService>;
  followUps: PromiseClient<typeof notificationFollowUpV1.FollowUpServiceService>;
  policies: PromiseClient<typeof notificationPolicyV1.PolicyServiceService>;
  assessment: PromiseClient<typeof assessmentV1.AssessmentServiceService>;
  close(): void;
}

export interface PlatformOptions {
  /** More variables for every service, e.g. a short STEWARD_LEDGER_CHECKPOINT_INTERVAL_MS. */
  env?: Record<string, string>;
  /** Variables of one service's process, over those (e.g. a long STEWARD_ROUTING_CLOCK_INTERVAL_MS). */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Export spans to the in-memory OTLP receiver (default true); off for runs of many calls. */
  exportSpans?: boolean;
  /** Which log records each process's `logs` keeps (all by default). */
  keepLog?: (record: Record<string, unknown>) => boolean;
  /** Run the services from their TypeScript source or from the bundles `pnpm build` made. */
  build?: ServiceBuild;
}

/** A client of every service, calling as the holder of `token`; `address` gives each service's gRPC host:port. */
export function platformClients(address: (name: ServiceName) => string, token: string, defaultDeadlineMs = 10_000): PlatformClients {
  const options = (name: ServiceName) => ({ address: address(name), token: () => token, defaultDeadlineMs });
  const clients = {
    intake: createClient(intakeV1.IntakeServiceService, options("intake")),
    agreement: createClient(agreementV1.AgreementServiceService, options("agreement")),
    routing: createClient(routingV1.RoutingServiceService, options("approval-routing")),
    gateway: createClient(routingV1.DepartmentGatewayServiceService, options("approval-routing")),
    catalogue: createClient(routingCatalogueV1.CatalogueServiceService, options("approval-routing")),
    link: createClient(routingLinkV1.RegionLinkServiceService, options("approval-routing")),
    notification: createClient(notificationV1.NotificationServiceService, options("notification")),
    inbox: createClient(notificationInboxV1.InboxServiceService, options("notification")),
    followUps: createClient(notificationFollowUpV1.FollowUpServiceService, options("notification")),
    policies: createClient(notificationPolicyV1.PolicyServiceService, options("notification")),
    assessment: createClient(assessmentV1.AssessmentServiceService, options("assessment")),
  };
  return { ...clients, close: () => Object.values(clients).forEach((client) => client.close()) };
}

/**
 * notification's bundled rules without quiet hours: an end-to-end run must not depend on the hour
 * it runs at (quiet hours and the morning digest are tested with a moved clock in the service).
 */
export async function rulesWithoutQuietHours(): Promise<{ file: string; remove(): Promise<void> }> {
  const rules = JSON.parse(await readFile(`${repositoryRoot}services/notification/rules/notification-rules.json`, "utf8")) as { schedule: { quietHours: { from: string; to: string } } };
  rules.schedule.quietHours = { from: "00:00", to: "00:00" };
  const dir = await mkdtemp(join(tmpdir(), "steward-e2e-rules-"));
  await writeFile(join(dir, "rules.json"), JSON.stringify(rules));
  return { file: join(dir, "rules.json"), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every start awaited (none left pending), then the first failure thrown. */
async function allSettledOrThrow<T extends readonly unknown[] | []>(starts: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const outcomes = (await Promise.allSettled(starts)) as PromiseSettledResult<unknown>[];
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * Starts the five services for a fresh region, each a real process with its own database and its
 * runtime role, from their TypeScript source or from the bundles `pnpm build` made. The region is
 * its own city (STEWARD_CITY_REGION), so its ledger checkpoints and their copy are its own too and
 * go with it at stop.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const region = uniqueRegion("e2e");
  // What has started, undone in reverse when a later start fails: a test that never got its
  // platform leaves no mailpit, stand-in, database or service process behind.
  const undo: (() => Promise<unknown>)[] = [];
  const tracked = async <T>(start: Promise<T>, dispose: (started: T) => Promise<unknown>): Promise<T> => {
    const started = await start;
    undo.push(() => dispose(started));
    return started;
  };
  try {
    const [spans, hotline, sms, mail, systems, rules] = await allSettledOrThrow([
      tracked(otlpReceiver(), (receiver) => receiver.close()),
      tracked(startHotlineStandIn(), (standIn) => standIn.close()),
      tracked(startSmsGatewayStandIn(), (standIn) => standIn.close()),
      tracked(startMailpit(), (mailpit) => mailpit.stop()),
      tracked(startWebhookReceiver(), (receiver) => receiver.close()),
      tracked(rulesWithoutQuietHours(), (file) => file.remove()),
    ]);
    const databases = Object.fromEntries(
      await allSettledOrThrow(serviceNames.map((name) => tracked(createTestDatabase(`${region}_${name}`), (database) => database.drop()).then((database) => [name, database] as const))),
    ) as Record<ServiceName, TestDatabase>;
    // Services that call each other learn the addresses before they start.
    const grpcPorts = Object.fromEntries(await Promise.all(serviceNames.map(async (name) => [name, await freePort()] as const))) as Record<ServiceName, number>;
    const address = (name: ServiceName) => `127.0.0.1:${grpcPorts[name]}`;
    const spawn = (name: ServiceName, extra: Record<string, string> = {}) =>
      spawnService(name, {
        ...regionServiceEnv(name, { region, database: databases[name], addresses: Object.fromEntries(serviceNames.map((other) => [other, address(other)])) }),
        STEWARD_GRPC_PORT: String(grpcPorts[name]),
        ...(options.exportSpans === false ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: spans.url }),
        ...options.env,
        ...extra,
        ...options.serviceEnv?.[name],
      }, undefined, { build: options.build ?? defaultServiceBuild(), ...(options.keepLog ? { keepLog: options.keepLog } : {}) });
    const start = (name: ServiceName, extra?: Record<string, string>) => tracked(spawn(name, extra), (process) => process.stop()).then((process) => [name, process] as const);
    // Routing first: the others read its catalogue at start (notification's item and department
    // names), and a first read that finds no routing leaves codes in the first notices.
    const started = [await start("approval-routing", { STEWARD_ROUTING_CLOCK_INTERVAL_MS: "1000" })];
    started.push(...(await allSettledOrThrow([
      start("assessment", {
        // A test may add other regions' routing (region linkage) to the region's own.
        ...(options.env?.STEWARD_REGION_ROUTING_ADDRESSES ? { STEWARD_REGION_ROUTING_ADDRESSES: `${options.env.STEWARD_REGION_ROUTING_ADDRESSES},${region}=${address("approval-routing")}` } : {}),
      }),
      start("agreement"),
      start("intake", { STEWARD_HOTLINE_SECRET: hotline.secret, STEWARD_HOTLINE_CALLBACK_URL: hotline.callbackUrl, STEWARD_INTAKE_REMINDER_INTERVAL_MS: "1000" }),
      start("notification", {
        STEWARD_NOTIFICATION_SMS_GATEWAY_URL: sms.url,
        STEWARD_NOTIFICATION_SMS_API_KEY: sms.apiKey,
        STEWARD_NOTIFICATION_SMTP_URL: mail.smtpUrl,
        STEWARD_NOTIFICATION_RULES_FILE: rules.file,
        STEWARD_NOTIFICATION_ROUND_INTERVAL_MS: "1000",
        STEWARD_NOTIFICATION_PUBLIC_URL: "http://127.0.0.1:8103",
      }),
    ])));
    const services = Object.fromEntries(started) as Record<ServiceName, ServiceProcess>;

    return {
      region,
      services,
      databases,
      spans,
      hotline,
      sms,
      mail,
      systems,
      token: (principal) => signDevToken({ secret: testAuthSecret }, { region, ...principal }),
      clients: (token) => platformClients(address, token),
      async stop() {
        const codes = await Promise.all(serviceNames.map((name) => services[name].stop()));
        await Promise.all([spans.close(), hotline.close(), sms.close(), mail.stop(), systems.close(), rules.remove()]);
        await Promise.all(serviceNames.map((name) => databases[name].drop()));
        await deleteRegionStreams([region], region);
        const unclean = serviceNames.filter((_, index) => codes[index] !== 0);
        if (unclean.length > 0) throw new Error(`services did not stop cleanly: ${unclean.join(", ")}`);
      },
    };
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}
