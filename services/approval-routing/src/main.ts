import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { routingV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { loadCatalogue } from "./db/catalogue.js";
import { parseCatalogue } from "./domain/catalogue.js";
import { openCaseForPlan, planApprovedConsumer } from "./events/plan-approved-consumer.js";
import { departmentGatewayHandlers } from "./grpc/department-gateway/handlers.js";
import { routingHandlers } from "./grpc/routing-service/handlers.js";

const config = readConfig();
const catalogue = parseCatalogue(JSON.parse(readFileSync(config.catalogueFile, "utf8")));
if (!catalogue.ok) {
  process.stderr.write(`catalogue ${config.catalogueFile} refused: ${catalogue.problems.join("; ")}\n`);
  process.exit(78);
}

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  async setup(runtime) {
    await loadCatalogue(runtime.sql, catalogue.catalogue);
    runtime.grpc.add(routingV1.RoutingServiceService, routingHandlers(runtime.sql));
    runtime.grpc.add(routingV1.DepartmentGatewayServiceService, departmentGatewayHandlers(runtime.sql));
    runtime.consume({ ...planApprovedConsumer, handler: openCaseForPlan });
  },
});
