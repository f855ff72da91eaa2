import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { intakeV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { intakeHandlers } from "./grpc/intake-service/handlers.js";
import { registerRoutes } from "./http/routes.js";

const config = readConfig();
await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  setup(runtime) {
    runtime.grpc.add(intakeV1.IntakeServiceService, intakeHandlers(runtime.sql));
    registerRoutes(runtime.http, runtime.sql, config.region);
  },
});
