import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { signDevToken, type Principal } from "@steward/platform/auth";
import { agreementV1, assessmentV1, intakeV1, notificationV1, routingV1 } from "@steward/proto";
import {
  createTestDatabase,
  defaultServiceBuild,
  spawnService,
  stack,
  startHotlineStandIn,
  testAuthSecret,
  uniqueRegion,
  type HotlineStandIn,
  type ServiceBuild,
  type ServiceProcess,
  type TestDatabase,
} from "@steward/testing";
import { otlpReceiver, webhookReceiver, type ExportedSpan, type Receiver, type WebhookDelivery } from "./receivers.js";

export const serviceNames = ["intake", "agreement", "approval-routing", "notification", "assessment"] as const;
export type ServiceName = (typeof serviceNames)[number];

export interface RunningPlatform {
  region: string;
  services: Record<ServiceName, ServiceProcess>;
  databases: Record<ServiceName, TestDatabase>;
  webhook: Receiver<WebhookDelivery>;
  spans: Receiver<ExportedSpan>;
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
  notification: PromiseClient<typeof notificationV1.NotificationServiceService>;
  assessment: PromiseClient<typeof assessmentV1.AssessmentServiceService>;
  close(): void;
}

/** A client of every service, calling as the holder of `token`; `address` gives each service's gRPC host:port. */
export function platformClients(address: (name: ServiceName) => string, token: string, defaultDeadlineMs = 10_000): PlatformClients {
  const options = (name: ServiceName) => ({ address: address(name), token: () => token, defaultDeadlineMs });
  const clients = {
    intake: createClient(intakeV1.IntakeServiceService, options("intake")),
    agreement: createClient(agreementV1.AgreementServiceService, options("agreement")),
    routing: createClient(routingV1.RoutingServiceService, options("approval-routing")),
    gateway: createClient(routingV1.DepartmentGatewayServiceService, options("approval-routing")),
    notification: createClient(notificationV1.NotificationServiceService, options("notification")),
    assessment: createClient(assessmentV1.AssessmentServiceService, options("assessment")),
  };
  return { ...clients, close: () => Object.values(clients).forEach((client) => client.close()) };
}

/**
 * Starts the five services for a fresh region, each a real process with its own database, from
 * their TypeScript source or from the bundles `pnpm build` made.
 */
export async function startPlatform(build: ServiceBuild = defaultServiceBuild()): Promise<RunningPlatform> {
  const region = uniqueRegion("e2e");
  const [webhook, spans, hotline] = await Promise.all([webhookReceiver(), otlpReceiver(), startHotlineStandIn()]);
  const databases = Object.fromEntries(
    await Promise.all(serviceNames.map(async (name) => [name, await createTestDatabase(`${region}_${name}`)] as const)),
  ) as Record<ServiceName, TestDatabase>;
  const spawn = (name: ServiceName, extra: Record<string, string> = {}) =>
    spawnService(name, {
      STEWARD_REGION: region,
      STEWARD_DATABASE_URL: databases[name].url,
      STEWARD_NATS_URL: stack.natsUrl,
      STEWARD_AUTH_SECRET: testAuthSecret,
      STEWARD_NOTIFICATION_WEBHOOK_URL: `${webhook.url}/deliveries`,
      OTEL_EXPORTER_OTLP_ENDPOINT: spans.url,
      STEWARD_LOG_LEVEL: "info",
      ...extra,
    }, undefined, build).then((process) => [name, process] as const);
  // Agreement and intake call routing, so they start once routing's port is known.
  const callers = new Set<ServiceName>(["agreement", "intake"]);
  const started = await Promise.all(serviceNames.filter((name) => !callers.has(name)).map((name) => spawn(name)));
  const routingPort = started.find(([name]) => name === "approval-routing")![1].grpcPort;
  started.push(
    ...(await Promise.all([
      spawn("agreement", { STEWARD_ROUTING_ADDRESS: `127.0.0.1:${routingPort}` }),
      spawn("intake", { STEWARD_ROUTING_ADDRESS: `127.0.0.1:${routingPort}`, STEWARD_HOTLINE_SECRET: hotline.secret, STEWARD_HOTLINE_CALLBACK_URL: hotline.callbackUrl, STEWARD_INTAKE_REMINDER_INTERVAL_MS: "1000" }),
    ])),
  );
  const services = Object.fromEntries(started) as Record<ServiceName, ServiceProcess>;
  const address = (name: ServiceName) => `127.0.0.1:${services[name].grpcPort}`;

  return {
    region,
    services,
    databases,
    webhook,
    spans,
    hotline,
    token: (principal) => signDevToken({ secret: testAuthSecret }, { region, ...principal }),
    clients: (token) => platformClients(address, token),
    async stop() {
      const codes = await Promise.all(serviceNames.map((name) => services[name].stop()));
      await Promise.all([webhook.close(), spans.close(), hotline.close()]);
      await Promise.all(serviceNames.map((name) => databases[name].drop()));
      const unclean = serviceNames.filter((_, index) => codes[index] !== 0);
      if (unclean.length > 0) throw new Error(`services did not stop cleanly: ${unclean.join(", ")}`);
    },
  };
}
