import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { agreementV1 } from "@steward/proto";
import { catalogueClient } from "./clients/catalogue.js";
import { routingClient } from "./clients/routing.js";
import { readConfig } from "./config.js";
import { planSubmissionConsumer, submitApprovedPlans } from "./events/plan-submission-consumer.js";
import { openDraftAgreement, projectRegisteredConsumer } from "./events/project-registered-consumer.js";
import { agreementHandlers } from "./grpc/agreement-service/handlers.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  setup(runtime) {
    const routing = routingClient(config.routing.address, () => runtime.serviceToken(), config.routing.deadlineMs);
    const catalogue = catalogueClient(config.routing.address, () => runtime.serviceToken(), config.routing.deadlineMs);
    runtime.onShutdown(async () => {
      routing.close();
      catalogue.close();
    });
    runtime.grpc.add(agreementV1.AgreementServiceService, agreementHandlers(runtime.sql, catalogue));
    runtime.consume({ ...projectRegisteredConsumer, handler: openDraftAgreement });
    runtime.consume({ ...planSubmissionConsumer, handler: submitApprovedPlans(routing) });
  },
});
