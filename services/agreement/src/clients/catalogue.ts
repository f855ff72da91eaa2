import type { ServiceError } from "@grpc/grpc-js";
import { AppErrorException, type AppError } from "@steward/platform/errors";
import { createClient } from "@steward/platform/grpc";
import { routingCatalogueV1 } from "@steward/proto";
import type { CatalogueDepartments } from "../domain/plan.js";

/** Routing's item catalogue, as agreement checks plans against it. */
export interface CatalogueClient {
  /** The department the catalogue names for each item code it holds. */
  departments(): Promise<CatalogueDepartments>;
  close(): void;
}

const unreadable = (error: ServiceError): AppError => ({
  code: "unavailable",
  message: `the item catalogue of approval routing cannot be read now (${error.details || error.code}); retry`,
  reason: "CATALOGUE_UNAVAILABLE",
});

/**
 * The region's approval-routing CatalogueService, read over gRPC with this service's own token
 * (agreement never reads routing's tables). Read on every plan approval: an item the city adds or
 * moves is checked as it is now.
 */
export function catalogueClient(address: string, token: () => Promise<string>, deadlineMs: number): CatalogueClient {
  const client = createClient(routingCatalogueV1.CatalogueServiceService, { address, token, defaultDeadlineMs: deadlineMs });
  return {
    async departments() {
      try {
        const { items } = await client.listCatalogueItems({ departmentCode: "", stage: "" });
        return new Map(items.map((item) => [item.code, item.departmentCode]));
      } catch (error) {
        throw new AppErrorException(unreadable(error as ServiceError));
      }
    },
    close: () => client.close(),
  };
}
