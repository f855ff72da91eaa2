import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingCatalogueV1, routingLinkV1 } from "@steward/proto";

export type RegionLinkClient = PromiseClient<typeof routingLinkV1.RegionLinkServiceService>;
export type CatalogueClient = PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;

/**
 * Clients of other regions' routing services, one per region, each call with a service token for
 * the region called and a deadline.
 */
export class RegionLinks {
  private readonly clients = new Map<string, RegionLinkClient>();
  private readonly catalogues = new Map<string, CatalogueClient>();

  constructor(
    private readonly addresses: Map<string, string>,
    private readonly token: (region: string) => Promise<string>,
    private readonly deadlineMs = 5000,
  ) {}

  to(region: string): RegionLinkClient | undefined {
    let client = this.clients.get(region);
    const address = this.addresses.get(region);
    if (!client && address) {
      client = createClient(routingLinkV1.RegionLinkServiceService, { address, token: () => this.token(region), defaultDeadlineMs: this.deadlineMs });
      this.clients.set(region, client);
    }
    return client;
  }

  catalogueOf(region: string): CatalogueClient | undefined {
    let client = this.catalogues.get(region);
    const address = this.addresses.get(region);
    if (!client && address) {
      client = createClient(routingCatalogueV1.CatalogueServiceService, { address, token: () => this.token(region), defaultDeadlineMs: this.deadlineMs });
      this.catalogues.set(region, client);
    }
    return client;
  }

  close(): void {
    for (const client of [...this.clients.values(), ...this.catalogues.values()]) client.close();
  }
}
