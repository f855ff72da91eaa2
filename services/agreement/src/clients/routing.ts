import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";

export type RoutingClient = PromiseClient<typeof routingV1.RoutingServiceService>;

/** The region's approval-routing service, called with this service's own token and a deadline. */
export function routingClient(address: string, token: () => Promise<string>, deadlineMs: number): RoutingClient {
  return createClient(routingV1.RoutingServiceService, { address, token, defaultDeadlineMs: deadlineMs });
}
