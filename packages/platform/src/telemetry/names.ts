/**
 * The one registry of metric and attribute names. Every instrument a Steward process creates is
 * defined here, with its unit, meaning and labels; the README's telemetry table, the Grafana
 * dashboards and the alert rules use the Prometheus names `prometheusName` derives from it (dots
 * become underscores, the unit is added as a suffix the way the OpenTelemetry specification asks of
 * Prometheus exporters — `s` → `_seconds`, `By` → `_bytes`, `1` on a gauge → `_ratio` — and
 * counters end in `_total`).
 *
 * Our own names start with `steward.`; runtime and database-pool metrics keep their OpenTelemetry
 * semantic-convention names (`process.*`, `v8js.*`, `nodejs.*`, `db.client.*`) so that dashboards
 * written for those conventions work unchanged.
 */

export type MetricKind = "counter" | "histogram" | "gauge";

/** Which processes export a metric: every service, or the named ones. */
export type MetricScope = "every service" | readonly string[];

export interface MetricDefinition {
  name: string;
  kind: MetricKind;
  /** UCUM unit as OpenTelemetry writes it: "s", "By", "1", or an annotation such as "{event}". */
  unit: string;
  /** What the number means, for the README and the Prometheus HELP line. */
  description: string;
  /** Labels besides the constant `service_name` and `steward_region` every series carries. */
  labels: readonly string[];
  scope: MetricScope;
  /** Histogram bucket boundaries, in the metric's unit. */
  buckets?: readonly number[];
}

export const attributeNames = {
  region: "steward.region",
  serviceName: "service.name",
  caseId: "steward.case_id",
  projectId: "steward.project_id",
  department: "steward.department",
  job: "steward.job",
  /** One of the clock scheduler's rounds (recomputed, warned, returned, …, gauges). */
  clockRound: "steward.clock.round",
  eventType: "steward.event.type",
  outcome: "steward.outcome",
  /** On a span link: why the spans are linked ("case origin"). */
  linkKind: "steward.link.kind",
  rpcSystem: "rpc.system",
  rpcService: "rpc.service",
  rpcMethod: "rpc.method",
  grpcStatus: "rpc.grpc.status_code",
  httpRoute: "http.route",
  httpMethod: "http.request.method",
  httpStatus: "http.response.status_code",
  urlFull: "url.full",
  serverAddress: "server.address",
  serverPort: "server.port",
  /** The application protocol of a non-HTTP client span (e.g. "smtp"). */
  networkProtocolName: "network.protocol.name",
  networkTransport: "network.transport",
  errorType: "error.type",
  consumer: "messaging.consumer.group.name",
  messagingSystem: "messaging.system",
  messagingDestination: "messaging.destination.name",
  messagingOperationName: "messaging.operation.name",
  messagingOperationType: "messaging.operation.type",
  messagingMessageId: "messaging.message.id",
  dbSystemName: "db.system.name",
  /** The pre-1.30 name of db.system.name; trace backends' service graphs still key on it. */
  dbSystem: "db.system",
  dbNamespace: "db.namespace",
  dbOperationName: "db.operation.name",
  dbQuerySummary: "db.query.summary",
  dbResponseStatusCode: "db.response.status_code",
  dbPoolName: "db.client.connection.pool.name",
  dbConnectionState: "db.client.connection.state",
  gcType: "v8js.gc.type",
  agreementStatus: "steward.agreement.status",
  batchSize: "messaging.batch.message_count",
  /** The channel a notice goes out on: sms, email, inbox, webhook. */
  channel: "steward.notification.channel",
  /** What kind of fault reached the process level: uncaught_exception, unhandled_rejection. */
  faultKind: "steward.fault.kind",
  /** The ledger a checkpoint round covers: the service whose database keeps it. */
  ledger: "steward.ledger",
  /** A part of the service readiness looks at: postgres, nats, a consumer, a background job. */
  component: "steward.component",
} as const;

/** Request and handler latencies: sub-50 ms calls with a tail to 10 s. */
export const durationBuckets = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Time from queueing to delivery: retries back off up to 5 minutes between attempts. */
const deliveryLatencyBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] as const;
/** The semantic conventions' advice for v8js.gc.duration. */
const gcBuckets = [0.001, 0.01, 0.1, 1, 10] as const;

export const metricDefinitions = {
  rpcServerDuration: {
    name: "steward.rpc.server.duration",
    kind: "histogram",
    unit: "s",
    description: "Inbound gRPC calls: duration, and through _count the rate, by service, method and status code (RED per RPC)",
    labels: [attributeNames.rpcService, attributeNames.rpcMethod, attributeNames.grpcStatus],
    scope: "every service",
    buckets: durationBuckets,
  },
  rpcClientDuration: {
    name: "steward.rpc.client.duration",
    kind: "histogram",
    unit: "s",
    description: "Outbound gRPC calls (agreement → routing, county ↔ city routing) by service, method and status code",
    labels: [attributeNames.rpcService, attributeNames.rpcMethod, attributeNames.grpcStatus],
    scope: ["agreement"],
    buckets: durationBuckets,
  },
  httpServerDuration: {
    name: "steward.http.server.duration",
    kind: "histogram",
    unit: "s",
    description: "HTTP requests (not the probes or /metrics) by method, route and status",
    labels: [attributeNames.httpMethod, attributeNames.httpRoute, attributeNames.httpStatus],
    scope: ["intake"],
    buckets: durationBuckets,
  },
  consumerDuration: {
    name: "steward.consumer.duration",
    kind: "histogram",
    unit: "s",
    description: "Time to handle one event, by durable consumer, event type and outcome (handled, duplicate, failed): RED per consumer",
    labels: [attributeNames.consumer, attributeNames.eventType, attributeNames.outcome],
    scope: ["agreement", "notification", "assessment"],
    buckets: durationBuckets,
  },
  consumerPending: {
    name: "steward.consumer.pending",
    kind: "gauge",
    unit: "{message}",
    description: "Messages in the stream the durable consumer has not yet been sent (JetStream num_pending): consumer lag",
    labels: [attributeNames.consumer],
    scope: ["agreement", "notification", "assessment"],
  },
  consumerAckPending: {
    name: "steward.consumer.ack_pending",
    kind: "gauge",
    unit: "{message}",
    description: "Messages sent to the consumer and not yet acknowledged (JetStream num_ack_pending)",
    labels: [attributeNames.consumer],
    scope: ["agreement", "notification", "assessment"],
  },
  consumerRedelivered: {
    name: "steward.consumer.redelivered",
    kind: "gauge",
    unit: "{message}",
    description: "Messages delivered more than once and still not acknowledged (JetStream num_redelivered): a handler failing again and again",
    labels: [attributeNames.consumer],
    scope: ["agreement", "notification", "assessment"],
  },
  outboxPending: {
    name: "steward.outbox.pending",
    kind: "gauge",
    unit: "{event}",
    description: "Events recorded in the service's outbox and not yet published to JetStream",
    labels: [],
    scope: "every service",
  },
  outboxOldestAge: {
    name: "steward.outbox.oldest_age",
    kind: "gauge",
    unit: "s",
    description: "Age of the oldest unpublished outbox event (0 when none): outbox lag",
    labels: [],
    scope: "every service",
  },
  outboxPublished: {
    name: "steward.outbox.published",
    kind: "counter",
    unit: "{event}",
    description: "Events the outbox relay published, by event type",
    labels: [attributeNames.eventType],
    scope: ["intake", "agreement", "approval-routing", "notification"],
  },
  outboxPublishFailures: {
    name: "steward.outbox.publish.failures",
    kind: "counter",
    unit: "{batch}",
    description: "Outbox batches JetStream did not acknowledge (left pending, retried)",
    labels: [],
    scope: "every service",
  },
  outboxStuckRounds: {
    name: "steward.outbox.stuck_rounds",
    kind: "counter",
    unit: "{round}",
    description: "Outbox relay rounds abandoned because a step (a statement or a batch's publish) passed its deadline",
    labels: [],
    scope: "every service",
  },
  outboxPublishDuration: {
    name: "steward.outbox.publish.duration",
    kind: "histogram",
    unit: "s",
    description: "Time to publish one outbox batch and mark it published",
    labels: [],
    scope: ["intake", "agreement", "approval-routing", "notification"],
    buckets: durationBuckets,
  },
  deliveriesPending: {
    name: "steward.notification.deliveries.pending",
    kind: "gauge",
    unit: "{delivery}",
    description: "Notices claimed for SMS, e-mail or a webhook and not yet delivered, dead-lettered or skipped (retries included; notices held for a digest not counted)",
    labels: [],
    scope: ["notification"],
  },
  deliveryAttempts: {
    name: "steward.notification.delivery.attempts",
    kind: "counter",
    unit: "{attempt}",
    description: "Delivery attempts by channel and outcome: delivered, failed (will retry), given_up (dead-lettered: the last attempt failed or the provider refused for good), skipped (no address or endpoint)",
    labels: [attributeNames.channel, attributeNames.outcome],
    scope: ["notification"],
  },
  deliveryLatency: {
    name: "steward.notification.delivery.latency",
    kind: "histogram",
    unit: "s",
    description: "Time from a notice being claimed (or released from its digest) to its provider accepting it, retries included, by channel",
    labels: [attributeNames.channel],
    scope: ["notification"],
    buckets: deliveryLatencyBuckets,
  },
  webhookDuration: {
    name: "steward.notification.webhook.duration",
    kind: "histogram",
    unit: "s",
    description: "Duration of one webhook POST to a department system or the 12345 system, by outcome (delivered, failed)",
    labels: [attributeNames.outcome],
    scope: ["notification"],
    buckets: durationBuckets,
  },
  itemsWarned: {
    name: "steward.routing.items.warned",
    kind: "gauge",
    unit: "{item}",
    description: "Open items on the yellow light (warned, committed deadline not yet passed), by department",
    labels: [attributeNames.department],
    scope: ["approval-routing"],
  },
  itemsOverdue: {
    name: "steward.routing.items.overdue",
    kind: "gauge",
    unit: "{item}",
    description: "Open items on the red light (committed deadline passed), by department",
    labels: [attributeNames.department],
    scope: ["approval-routing"],
  },
  itemsEscalated: {
    name: "steward.routing.items.escalated",
    kind: "gauge",
    unit: "{item}",
    description: "Items with an open escalation to the joint meeting (overdue or flagged blocked), by department",
    labels: [attributeNames.department],
    scope: ["approval-routing"],
  },
  deadlinesProvisional: {
    name: "steward.routing.deadlines.provisional",
    kind: "gauge",
    unit: "{item}",
    description: "Open items whose deadlines are provisional (their year's holiday schedule is not yet published)",
    labels: [],
    scope: ["approval-routing"],
  },
  clockRoundDuration: {
    name: "steward.routing.clock.round.duration",
    kind: "histogram",
    unit: "s",
    description: "Duration of each of the clock scheduler's rounds (lights, suspensions, returns, consultations deemed, deadlines recomputed, the light gauges), idle ones included: it must not grow with finished items",
    labels: [attributeNames.clockRound],
    scope: ["approval-routing"],
    buckets: durationBuckets,
  },
  ledgerCheckpoints: {
    name: "steward.ledger.checkpoints",
    kind: "counter",
    unit: "{round}",
    description: "Checkpoint rounds of the service's ledger (docs/SECURITY.md), by outcome: published, skipped (no chain head moved, or another replica's turn) or failed",
    labels: [attributeNames.ledger, attributeNames.outcome],
    scope: ["intake", "agreement", "approval-routing"],
  },
  ledgerViolations: {
    name: "steward.ledger.violations",
    kind: "gauge",
    unit: "{chain}",
    description: "Ledger chains that no longer extend their signed anchor (rows truncated or rewritten) as of the latest checkpoint round: anything above 0 is tampering",
    labels: [attributeNames.ledger],
    scope: ["intake", "agreement", "approval-routing"],
  },
  keyProjectsWithoutSteward: {
    name: "steward.agreement.key_projects_without_steward",
    kind: "gauge",
    unit: "{agreement}",
    description: "Key projects in service without a steward, by agreement status: signed ones wait for one, an active one is a breach",
    labels: [attributeNames.agreementStatus],
    scope: ["agreement"],
  },
  jobLastSuccess: {
    name: "steward.job.last_success.timestamp",
    kind: "gauge",
    unit: "s",
    description: "Unix time of the last successful run of each background job (0 until its first success)",
    labels: [attributeNames.job],
    scope: "every service",
  },
  jobStuckRounds: {
    name: "steward.job.stuck_rounds",
    kind: "counter",
    unit: "{round}",
    description: "Rounds of a periodic background job abandoned at their deadline (their abort signal fired; the next round runs on schedule)",
    labels: [attributeNames.job],
    // The services that run periodic jobs (PeriodicTask): assessment has none.
    scope: ["intake", "agreement", "approval-routing", "notification"],
  },
  readiness: {
    name: "steward.readiness",
    kind: "gauge",
    unit: "{state}",
    description: "1 while the process is ready (every dependency and background loop up, not draining), 0 otherwise: what /readyz and gRPC health answer",
    labels: [],
    scope: "every service",
  },
  readinessComponent: {
    name: "steward.readiness.component",
    kind: "gauge",
    unit: "{state}",
    description: "1 while a part readiness looks at is up, 0 while it is down: postgres, nats (a JetStream round trip), each consumer and background loop by its heartbeat",
    labels: [attributeNames.component],
    scope: "every service",
  },
  processFaults: {
    name: "steward.process.faults",
    kind: "counter",
    unit: "{fault}",
    description: "Uncaught exceptions and unhandled rejections, by kind and outcome: continued (a lost connection, a rejection) or exited (exit 70, for the supervisor to restart)",
    labels: [attributeNames.faultKind, attributeNames.outcome],
    scope: "every service",
  },
  natsConnected: {
    name: "steward.nats.connected",
    kind: "gauge",
    unit: "{connection}",
    description: "1 while the NATS connection is up, 0 while it is disconnected or reconnecting",
    labels: [],
    scope: "every service",
  },
  natsReconnects: {
    name: "steward.nats.reconnects",
    kind: "counter",
    unit: "{reconnect}",
    description: "Times the NATS connection was re-established after a loss",
    labels: [],
    scope: "every service",
  },
  natsDisconnects: {
    name: "steward.nats.disconnects",
    kind: "counter",
    unit: "{disconnect}",
    description: "Times the NATS connection was lost",
    labels: [],
    scope: "every service",
  },
  dbConnections: {
    name: "db.client.connection.count",
    kind: "gauge",
    unit: "{connection}",
    description: "Postgres pool connections in use (state=used): held by a transaction or running a query",
    labels: [attributeNames.dbPoolName, attributeNames.dbConnectionState],
    scope: "every service",
  },
  dbConnectionsMax: {
    name: "db.client.connection.max",
    kind: "gauge",
    unit: "{connection}",
    description: "Size of the Postgres pool (STEWARD_DB_POOL_MAX)",
    labels: [attributeNames.dbPoolName],
    scope: "every service",
  },
  dbPendingRequests: {
    name: "db.client.connection.pending_requests",
    kind: "gauge",
    unit: "{request}",
    description: "Queries and transactions waiting for a Postgres pool connection",
    labels: [attributeNames.dbPoolName],
    scope: "every service",
  },
  processMemory: {
    name: "process.memory.usage",
    kind: "gauge",
    unit: "By",
    description: "Resident set size of the process (the budget is 256 MiB)",
    labels: [],
    scope: "every service",
  },
  heapUsed: {
    name: "v8js.memory.heap.used",
    kind: "gauge",
    unit: "By",
    description: "V8 heap in use",
    labels: [],
    scope: "every service",
  },
  heapLimit: {
    name: "v8js.memory.heap.limit",
    kind: "gauge",
    unit: "By",
    description: "V8 heap limit (deploy/runtime/node-options)",
    labels: [],
    scope: "every service",
  },
  gcDuration: {
    name: "v8js.gc.duration",
    kind: "histogram",
    unit: "s",
    description: "Garbage-collection pauses by kind (major, minor, incremental, weakcb)",
    labels: [attributeNames.gcType],
    scope: "every service",
    buckets: gcBuckets,
  },
  eventLoopDelayP99: {
    name: "nodejs.eventloop.delay.p99",
    kind: "gauge",
    unit: "s",
    description: "99th percentile of event-loop delay since the previous scrape",
    labels: [],
    scope: "every service",
  },
  eventLoopDelayMax: {
    name: "nodejs.eventloop.delay.max",
    kind: "gauge",
    unit: "s",
    description: "Longest event-loop delay since the previous scrape",
    labels: [],
    scope: "every service",
  },
  eventLoopUtilization: {
    name: "nodejs.eventloop.utilization",
    kind: "gauge",
    unit: "1",
    description: "Share of time the event loop was busy since the previous scrape",
    labels: [],
    scope: "every service",
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof metricDefinitions;

/** OpenTelemetry's unit → the suffix a Prometheus exporter adds; undefined for annotations like {event}. */
export function unitSuffix(unit: string, kind: MetricKind): string | undefined {
  switch (unit) {
    case "s":
      return "seconds";
    case "ms":
      return "milliseconds";
    case "By":
      return "bytes";
    case "1":
      return kind === "gauge" ? "ratio" : undefined;
    default:
      return undefined;
  }
}

/** The instrument name with its unit suffix, as the Prometheus exposition shows it, before `_total`. */
export function withUnitSuffix(name: string, unit: string, kind: MetricKind): string {
  const suffix = unitSuffix(unit, kind);
  return suffix && !name.endsWith(`.${suffix}`) && !name.endsWith(`_${suffix}`) ? `${name}.${suffix}` : name;
}

/** The metric's family name on /metrics, e.g. steward_rpc_server_duration_seconds, steward_nats_reconnects_total. */
export function prometheusName(definition: Pick<MetricDefinition, "name" | "unit" | "kind">): string {
  const base = withUnitSuffix(definition.name, definition.unit, definition.kind).replace(/[^a-zA-Z0-9_:]/g, "_");
  return definition.kind === "counter" ? `${base}_total` : base;
}

/** Prometheus label name of an attribute (dots become underscores). */
export const prometheusLabel = (attribute: string): string => attribute.replace(/[^a-zA-Z0-9_]/g, "_");
