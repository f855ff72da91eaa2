import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runService } from "@steward/platform/lifecycle";
import { routingCatalogueV1, routingLinkV1, routingV1 } from "@steward/proto";
import { readConfig } from "./config.js";
import { runtimeGrants } from "./db/grants.js";
import { GroupCommit } from "./db/group-commit.js";
import { AssignmentFeedSignal } from "./db/assignment-feed.js";
import { loadCatalogue } from "./db/catalogue.js";
import type { RoutingDeps } from "./db/item-pipeline.js";
import { ScheduleSource } from "./db/schedule-source.js";
import { parseCatalogue } from "./domain/catalogue.js";
import { parseRoutingRules } from "./domain/rules.js";
import { catalogueHandlers } from "./grpc/catalogue-service/handlers.js";
import { departmentGatewayHandlers } from "./grpc/department-gateway/handlers.js";
import { routingHandlers } from "./grpc/routing-service/handlers.js";
import { ClockScheduler } from "./jobs/clock-scheduler.js";
import { LinkageJob } from "./jobs/linkage.js";
import { RegionLinks } from "./clients/region-link.js";
import { regionLinkHandlers } from "./grpc/region-link/handlers.js";

const config = readConfig();
const catalogue = parseCatalogue(JSON.parse(readFileSync(config.catalogueFile, "utf8")));
if (!catalogue.ok) {
  process.stderr.write(`catalogue ${config.catalogueFile} refused: ${catalogue.problems.join("; ")}\n`);
  process.exit(78);
}
const rules = parseRoutingRules(JSON.parse(readFileSync(config.rulesFile, "utf8")));
if (!rules.ok) {
  process.stderr.write(`routing rules ${config.rulesFile} refused: ${rules.problems.join("; ")}\n`);
  process.exit(78);
}

await runService({
  config,
  migrationsDir: fileURLToPath(new URL("./db/migrations", import.meta.url)),
  grants: runtimeGrants,
  ledger: config.ledger,
  async setup(runtime) {
    await loadCatalogue(runtime.sql, catalogue.catalogue);
    const deps: RoutingDeps = { sql: runtime.sql, region: config.region, schedule: new ScheduleSource(runtime.sql), settings: config.clock, rules: rules.rules, cityRegion: config.cityRegion };
    const feed = new AssignmentFeedSignal(runtime.sql);
    await feed.start();
    const clock = new ClockScheduler(
      deps,
      runtime.logger,
      config.clockIntervalMs,
      catalogue.catalogue.departments.map((department) => department.code),
      config.clockDeadlineMs,
    );
    // A round past its deadline is abandoned; one that ignores that makes the process not live.
    clock.start(runtime.readiness);
    const links = new RegionLinks(config.regionRoutingAddresses, (region) => runtime.serviceToken(region));
    const linkage = new LinkageJob(deps, links, runtime.logger, config.linkageIntervalMs, config.catalogueSyncMs, config.linkageDeadlineMs);
    linkage.start(runtime.readiness);
    runtime.onShutdown(async () => {
      await Promise.all([clock.stop(), linkage.stop()]);
      links.close();
      await feed.stop();
    });
    runtime.grpc.add(routingV1.RoutingServiceService, routingHandlers(deps, runtime.ledger!.anchors));
    runtime.grpc.add(routingV1.DepartmentGatewayServiceService, departmentGatewayHandlers(deps, feed, { watchPollMs: config.watchPollMs, commands: new GroupCommit(deps, { maxBatch: config.groupCommitMax }, runtime.logger) }));
    runtime.grpc.add(routingCatalogueV1.CatalogueServiceService, catalogueHandlers(deps));
    runtime.grpc.add(routingLinkV1.RegionLinkServiceService, regionLinkHandlers(deps));
  },
});
