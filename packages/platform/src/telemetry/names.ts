/**
 * The one registry of metric and attribute names. Prometheus sees them with dots turned into
 * underscores (steward.rpc.server.duration -> steward_rpc_server_duration, unit "s" in its metadata).
 */
export const metricNames = {
  rpcServerDuration: "steward.rpc.server.duration",
  rpcClientDuration: "steward.rpc.client.duration",
  httpServerDuration: "steward.http.server.duration",
  consumerDuration: "steward.consumer.duration",
  outboxPublished: "steward.outbox.published",
  outboxPending: "steward.outbox.pending",
  outboxPublishDuration: "steward.outbox.publish.duration",
} as const;

export const attributeNames = {
  region: "steward.region",
  rpcService: "rpc.service",
  rpcMethod: "rpc.method",
  grpcStatus: "rpc.grpc.status_code",
  httpRoute: "http.route",
  httpMethod: "http.request.method",
  httpStatus: "http.response.status_code",
  consumer: "messaging.consumer.group.name",
  eventType: "steward.event.type",
  batchSize: "messaging.batch.message_count",
  outcome: "steward.outcome",
} as const;

/** Latency buckets in seconds, tuned for sub-50 ms RPCs with a tail to 10 s. */
export const durationBuckets = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
