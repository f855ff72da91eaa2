import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { agreementV1 } from "@steward/proto";
import { routingClient } from "./clients/routing.js";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { planSubmissionConsumer, submitApprovedPlans } from "./events/plan-submission-consumer.js";
import { openDraftAgreement, projectRegisteredConsumer } from "./events/project-registered-consumer.js";
import { agreementHandlers } from "./grpc/agreement-service/handlers.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  ledger: config.ledger,
  setup(runtime) {
    const routing = routingClient(config.routing.address, () => runtime.serviceToken(), config.routing.deadlineMs);
    runtime.onShutdown(async () => routing.close());
    runtime.grpc.add(agreementV1.AgreementServiceService, agreementHandlers(runtime.sql));
    runtime.consume({ ...projectRegisteredConsumer, handler: openDraftAgreement });
    runtime.consume({ ...planSubmissionConsumer, handler: submitApprovedPlans(routing) });
  },
});
