import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { assessmentV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { caseCompletedConsumer, countCompletedCase } from "./events/case-completed-consumer.js";
import { assessmentHandlers } from "./grpc/assessment-service/handlers.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  setup(runtime) {
    runtime.grpc.add(assessmentV1.AssessmentServiceService, assessmentHandlers(runtime.sql));
    runtime.consume({ ...caseCompletedConsumer, handler: countCompletedCase });
  },
});
