import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingCatalogueV1, routingV1 } from "@steward/proto";

export interface RoutingClients {
  routing: PromiseClient<typeof routingV1.RoutingServiceService>;
  catalogue: PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;
  close(): void;
}

/**
 * The region's approval-routing service: cases for the enterprise's view and the project's stage
 * (RoutingService.GetCase), the published holiday schedule for reply clocks (CatalogueService).
 * Called with intake's own service token and a deadline.
 */
export function routingClients(address: string, token: () => Promise<string>, deadlineMs: number): RoutingClients {
  const options = { address, token, defaultDeadlineMs: deadlineMs };
  const routing = createClient(routingV1.RoutingServiceService, options);
  const catalogue = createClient(routingCatalogueV1.CatalogueServiceService, options);
  return { routing, catalogue, close: () => (routing.close(), catalogue.close()) };
}
