import { status, type ServiceError } from "@grpc/grpc-js";
import { createClient, fieldViolationsOf, type PromiseClient } from "@steward/platform/grpc";
import { routingCatalogueV1 } from "@steward/proto";
import { uniqueRegion } from "@steward/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServers, type RegionServer, type TestServers } from "../test-server.js";

describe("the catalogue over gRPC", () => {
  let servers: TestServers;
  let region: RegionServer;
  let catalogue: PromiseClient<typeof routingCatalogueV1.CatalogueServiceService>;

  beforeAll(async () => {
    servers = await createTestServers("catalogue_grpc", { watchPollMs: 5000 });
    region = await servers.startRegion(uniqueRegion("cat"));
    const token = await region.token({ subject: "steward-1", role: "steward" });
    catalogue = createClient(routingCatalogueV1.CatalogueServiceService, { address: region.address, token: () => token, defaultDeadlineMs: 10_000 });
  });

  afterAll(async () => {
    catalogue?.close();
    await servers?.close();
  });

  // Issue 8 (finding 7): a department code the catalogue does not know is refused wherever one is
  // taken; as a list's filter it answered an empty list, as if the department had no items.
  it("refuses a department filter the catalogue does not know, naming department_code", async () => {
    expect((await catalogue.listCatalogueItems({ departmentCode: "zrzy", stage: "" })).items.map((item) => item.code)).toContain("ZRZY-YDYS");
    const answer = await catalogue.listCatalogueItems({ departmentCode: "nosuchdept", stage: "" }).then(
      (listed) => `OK ${listed.items.length} items`,
      (error: ServiceError) => `${status[error.code]} ${fieldViolationsOf(error).map((violation) => violation.field).join(",")}`,
    );
    expect(answer).toBe("INVALID_ARGUMENT department_code");
  });
});
