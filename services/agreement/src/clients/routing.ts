import { createClient, type PromiseClient } from "@steward/platform/grpc";
import { routingCatalogueV1, routingV1 } from "@steward/proto";
import type { Catalogue } from "../domain/plan.js";

export type RoutingClient = PromiseClient<typeof routingV1.RoutingServiceService>;
export type CatalogueClient = PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;

/** The region's approval-routing service, called with this service's own token and a deadline. */
export function routingClient(address: string, token: () => Promise<string>, deadlineMs: number): RoutingClient {
  return createClient(routingV1.RoutingServiceService, { address, token, defaultDeadlineMs: deadlineMs });
}

/** Routing's catalogue (items, industry chains, bundles, departments): read over gRPC, never its tables. */
export function catalogueClient(address: string, token: () => Promise<string>, deadlineMs: number): CatalogueClient {
  return createClient(routingCatalogueV1.CatalogueServiceService, { address, token, defaultDeadlineMs: deadlineMs });
}

/** The catalogue as plans need it, in three calls made together. */
export async function readCatalogue(client: CatalogueClient): Promise<Catalogue> {
  const [items, selections, departments] = await Promise.all([client.listCatalogueItems({ departmentCode: "", stage: "" }), client.listSelections({ kind: "" }), client.listDepartments({})]);
  return {
    items: new Map(items.items.map((item) => [item.code, { code: item.code, name: item.name, departmentCode: item.departmentCode, stage: item.stage }])),
    selections: selections.selections.map((selection) => ({ code: selection.code, name: selection.name, kind: selection.kind, itemCodes: selection.itemCodes })),
    departments: new Map(departments.departments.map((department) => [department.code, department.name])),
  };
}
