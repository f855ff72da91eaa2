import { trace } from "@opentelemetry/api";
import { transaction } from "@steward/platform/db";
import { PeriodicTask, type HeartbeatRegistry } from "@steward/platform/lifecycle";
import { RateLimitedLog, type Logger } from "@steward/platform/logging";
import { withCaseSpan } from "@steward/platform/telemetry";
import type { RegionLinks } from "../clients/region-link.js";
import type { RoutingDeps } from "../db/item-pipeline.js";
import { readCatalogue, upsertCatalogueItem } from "../db/catalogue.js";
import { itemsToForward, markForwarded, markReported, pendingReports } from "../db/linkage.js";
import { catalogueChanges } from "../domain/catalogue-sync.js";
import { catalogueItemFrom } from "../grpc/catalogue-service/converters.js";
import { itemStateToMessage } from "../grpc/converters.js";

/**
 * The halves of vertical linkage, run on a short interval: a county forwards its ready items of
 * city jurisdiction to the city (and takes the city's catalogue edits), and the city reports every
 * change of those items back, in order.
 * Both calls are idempotent on the receiving side, so a crash between a call and its mark only
 * repeats the call.
 *
 * Each call to the other region is a span of its own — a forwarded item's linked to its case's
 * trace — so the other region's spans continue it instead of starting orphan traces. An idle round
 * starts no trace (the interval is short).
 */
export class LinkageJob {
  private readonly task: PeriodicTask;
  private nextCatalogueSync = 0;
  private readonly failures: RateLimitedLog;
  private readonly tracer = trace.getTracer("steward.routing");

  constructor(
    private readonly deps: RoutingDeps,
    private readonly links: RegionLinks,
    private readonly logger: Logger,
    intervalMs: number,
    private readonly catalogueSyncMs = 60_000,
  ) {
    this.task = new PeriodicTask(() => this.round(), { name: "linkage", intervalMs, logger });
    this.failures = new RateLimitedLog(logger);
  }

  /** Starts the rounds, watched by the service's readiness (a round that never ends: not ready). */
  start(readiness?: HeartbeatRegistry): void {
    this.task.start(readiness);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** One round; a failure is logged by the task and the next round retries. */
  async round(): Promise<void> {
    if (this.deps.region === this.deps.cityRegion) await this.report();
    else {
      await this.forward();
      await this.syncCatalogue();
    }
  }

  /**
   * City administrators edit the catalogue in the city region; each county takes their edits so
   * its cases plan with the same items. The county applies them with the same checks as any edit.
   */
  private async syncCatalogue(): Promise<void> {
    if (Date.now() < this.nextCatalogueSync) return;
    this.nextCatalogueSync = Date.now() + this.catalogueSyncMs;
    const city = this.links.catalogueOf(this.deps.cityRegion);
    if (!city) return;
    const { items } = await this.tracer.startActiveSpan("linkage catalogue sync", (span) =>
      city.listCatalogueItems({ departmentCode: "", stage: "" }).finally(() => span.end()),
    );
    const parsed = items.map(catalogueItemFrom).flatMap((result) => (result.ok ? [result.item] : []));
    const local = await readCatalogue(this.deps.sql);
    for (const item of catalogueChanges(local.items, parsed)) {
      const applied = await upsertCatalogueItem(this.deps.sql, item, `sync:${this.deps.cityRegion}`);
      if (applied.ok) this.logger.info({ item: item.code }, "catalogue item taken from the city");
      else this.logger.warn({ item: item.code, problems: applied.problems }, "catalogue item from the city refused");
    }
  }

  private async forward(): Promise<void> {
    const city = this.links.to(this.deps.cityRegion);
    if (!city) return;
    await transaction(this.deps.sql, async (tx) => {
      for (const item of await itemsToForward(tx, this.deps.region, 50)) {
        await withCaseSpan("linkage forward item", { caseId: item.caseId, projectId: item.projectId, origin: item.caseTrace }, async () => {
          const answer = await city.forwardItem({
            originRegion: this.deps.region,
            originCaseId: item.caseId,
            originItemId: item.id,
            itemCode: item.itemCode,
            departmentCode: item.departmentCode,
            projectId: item.projectId,
            projectName: item.projectName,
          });
          await markForwarded(tx, this.deps.region, item.id, answer.itemId);
        });
      }
    });
  }

  private async report(): Promise<void> {
    await transaction(this.deps.sql, async (tx) => {
      const reports = await pendingReports(tx, this.deps.region, 100);
      const blocked = new Set<string>();
      const sent: string[] = [];
      for (const report of reports) {
        // Keep each county's reports in order: after a failure, the rest for that county wait.
        if (blocked.has(report.originRegion)) continue;
        const county = this.links.to(report.originRegion);
        try {
          if (!county) throw new Error(`no routing address for region ${report.originRegion}`);
          await this.tracer.startActiveSpan("linkage report item", { attributes: { "steward.linkage.origin_region": report.originRegion } }, (span) =>
            county
              .reportForwardedItem({
                originItemId: report.originItemId,
                sequence: Number(report.seq),
                state: itemStateToMessage(report.state),
                action: report.action,
                actor: report.actor,
                reason: report.reason,
                at: report.at,
                outstandingMaterials: report.outstanding,
              })
              .finally(() => span.end()),
          );
          sent.push(report.seq);
        } catch (error) {
          blocked.add(report.originRegion);
          this.failures.warn(`report ${report.originRegion}`, { err: error, region: report.originRegion }, "report to county failed; will retry");
        }
      }
      await markReported(tx, sent);
    });
  }
}
