import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingCatalogueV1, routingV1 } from "@steward/proto";

export interface RegionRouting {
  routing: PromiseClient<typeof routingV1.RoutingServiceService>;
  catalogue: PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;
}

/**
 * The routing services of the regions the console reads cases from (GetCase, GetCaseLedger,
 * VerifyLedger) — never routing's tables. Each call carries a service token for the case's
 * region and a deadline.
 */
export class RoutingClients {
  private readonly clients = new Map<string, RegionRouting>();

  constructor(
    private readonly addresses: ReadonlyMap<string, string>,
    private readonly token: (region: string) => Promise<string>,
    private readonly deadlineMs: number,
  ) {}

  /** The region's routing, or undefined when no address is configured for it. */
  of(region: string): RegionRouting | undefined {
    let clients = this.clients.get(region);
    const address = this.addresses.get(region);
    if (!clients && address) {
      const options = { address, token: () => this.token(region), defaultDeadlineMs: this.deadlineMs };
      clients = { routing: createClient(routingV1.RoutingServiceService, options), catalogue: createClient(routingCatalogueV1.CatalogueServiceService, options) };
      this.clients.set(region, clients);
    }
    return clients;
  }

  close(): void {
    for (const clients of this.clients.values()) {
      clients.routing.close();
      clients.catalogue.close();
    }
  }
}
