import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { agreementV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { openDraftAgreement, projectRegisteredConsumer } from "./events/project-registered-consumer.js";
import { agreementHandlers } from "./grpc/agreement-service/handlers.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  setup(runtime) {
    runtime.grpc.add(agreementV1.AgreementServiceService, agreementHandlers(runtime.sql));
    runtime.consume({ ...projectRegisteredConsumer, handler: openDraftAgreement });
  },
});
