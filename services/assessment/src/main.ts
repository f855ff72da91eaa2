import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { assessmentV1 } from "@steward/proto";
import type { AssessmentContext } from "./app/context.js";
import { RoutingClients } from "./clients/routing.js";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { loadRegions } from "./db/regions.js";
import { regionsFileSchema } from "./domain/regions.js";
import { scoringRulesSchema } from "./domain/scoring.js";
import { ensureHistoryStream } from "./events/history-stream.js";
import { projectBatch, projectionConsumer, projectionSource } from "./events/projection.js";
import { assessmentHandlers } from "./grpc/assessment-service/handlers.js";
import { consoleFormRoutes, consoleRoutes } from "./http/console/routes.js";
import { consoleSession } from "./http/console/session.js";

const config = readConfig();

/** A data file checked against its schema; a bad one stops the process with one line naming it. */
function dataFile<T>(file: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    process.stderr.write(`data file ${file} refused: ${parsed.error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ")}\n`);
    process.exit(78);
  }
  return parsed.data;
}

const regions = dataFile(config.regionsFile, regionsFileSchema);
const rules = dataFile(config.scoringRulesFile, scoringRulesSchema);
const isCity = config.region === config.cityRegion;
// The city counts every region of the city's file; a county itself (unless configured).
const sourced = config.sourceRegions.length > 0 ? config.sourceRegions : isCity ? regions.regions.map((region) => region.slug) : [config.region];

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  // The console's pages: forms a browser posts, behind the session cookie the access gate reads.
  httpFormRoutes: consoleFormRoutes,
  httpSession: consoleSession,
  async setup(runtime) {
    await loadRegions(runtime.sql, regions.regions);
    const routing = new RoutingClients(config.routingAddresses, (region) => runtime.serviceToken(region), config.routingDeadlineMs);
    runtime.onShutdown(async () => routing.close());
    const context: AssessmentContext = {
      sql: runtime.sql,
      region: config.region,
      isCity,
      sourced,
      regionNames: new Map(regions.regions.map((region) => [region.slug, region.name])),
      rules,
      routing,
      now: () => new Date(),
    };
    runtime.grpc.add(assessmentV1.AssessmentServiceService, assessmentHandlers(context));
    runtime.http.route("/", consoleRoutes(context, { tokens: runtime.tokens, authSecret: config.auth.secret, maxTokenLifetimeSeconds: config.auth.maxLifetimeSeconds, ...config.console }));
    const history = await ensureHistoryStream(runtime.bus, config.region, sourced, config.historyMaxAgeDays);
    runtime.consume({ ...projectionConsumer, eventTypes: [], source: projectionSource(history), batchHandler: projectBatch, batchWindowMs: config.batchWindowMs });
  },
});
