import { createDatabase } from "@steward/platform/db";
import { connectBus } from "@steward/platform/events";
import { createLogger } from "@steward/platform/logging";
import { rebuildProjection } from "./app/rebuild.js";
import { readConfig } from "./config.js";

/**
 * `pnpm --filter @steward/assessment rebuild`: replays the region's history stream into fresh
 * tables and proves them equal to the live projection. Exits 0 when every table is equal, 1 when
 * any differs (the report names each table's counts). Connects as the schema owner
 * (STEWARD_MIGRATION_DATABASE_URL): it creates the schema it rebuilds into.
 */
const config = readConfig();
const logger = createLogger({ service: "assessment-rebuild", region: config.region, level: config.logLevel });
const sql = createDatabase({ ...config.database, url: config.database.migrationUrl, poolMax: 2, applicationName: "steward-assessment-rebuild", querySpans: false });
const bus = await connectBus({ url: config.nats.url, user: config.nats.user, password: config.nats.password, name: `steward-assessment-rebuild-${config.region}`, region: config.region, logger });
try {
  const report = await rebuildProjection(sql, bus, config.region);
  logger[report.equal ? "info" : "error"]({ event: "assessment.rebuild", ...report }, report.equal ? `rebuilt ${report.projected} events from ${report.stream}: every table equals the live one` : `rebuilt ${report.projected} events from ${report.stream}: the live projection differs`);
  process.exitCode = report.equal ? 0 : 1;
} finally {
  await bus.close();
  await sql.end();
}
