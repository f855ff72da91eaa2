import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { assessmentV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { loadRegions } from "./db/regions.js";
import { regionsFileSchema } from "./domain/regions.js";
import {
  caseCompletedConsumer,
  caseReopenedConsumer,
  countCompletedCase,
  countSupplementRound,
  supplementRoundsConsumer,
  uncountReopenedCase,
} from "./events/case-consumers.js";
import { assessmentHandlers } from "./grpc/assessment-service/handlers.js";

const config = readConfig();
const regions = regionsFileSchema.safeParse(JSON.parse(readFileSync(config.regionsFile, "utf8")));
if (!regions.success) {
  process.stderr.write(`regions file ${config.regionsFile} refused: ${regions.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}\n`);
  process.exit(78);
}

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  async setup(runtime) {
    await loadRegions(runtime.sql, regions.data.regions);
    runtime.grpc.add(assessmentV1.AssessmentServiceService, assessmentHandlers(runtime.sql));
    runtime.consume({ ...caseCompletedConsumer, handler: countCompletedCase });
    runtime.consume({ ...caseReopenedConsumer, handler: uncountReopenedCase });
    runtime.consume({ ...supplementRoundsConsumer, handler: countSupplementRound });
  },
});
