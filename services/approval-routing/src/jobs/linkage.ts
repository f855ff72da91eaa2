import { trace } from "@opentelemetry/api";
import { transaction } from "@steward/platform/db";
import { PeriodicTask, type HeartbeatRegistry } from "@steward/platform/lifecycle";
import { RateLimitedLog, type Logger } from "@steward/platform/logging";
import { withCaseSpan } from "@steward/platform/telemetry";
import type { RegionLinks } from "../clients/region-link.js";
import type { RoutingDeps } from "../db/item-pipeline.js";
import { readCatalogue, upsertCatalogueItem } from "../db/catalogue.js";
import { barsToReport, markBarReported } from "../db/commitment-bars.js";
import { itemsToForward, markForwarded, markReported, pendingReports } from "../db/linkage.js";
import { catalogueChanges } from "../domain/catalogue-sync.js";
import { catalogueItemFrom } from "../grpc/catalogue-service/converters.js";
import { itemStateToMessage } from "../grpc/converters.js";

/**
 * The halves of vertical linkage, run on a short interval: a county forwards its ready items of
 * city jurisdiction to the city, tells it of bars after false commitments raised in the county (and
 * takes the city's catalogue edits), and the city reports every change of forwarded items back, in
 * order.
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
    /** Past it a round is abandoned (undefined: the PeriodicTask default from the interval). */
    deadlineMs?: number,
  ) {
    this.task = new PeriodicTask((signal) => this.round(signal), { name: "linkage", intervalMs, deadlineMs, logger });
    this.failures = new RateLimitedLog(logger);
  }

  /** Starts the rounds, watched by the service's readiness and liveness (PeriodicTask). */
  start(readiness?: HeartbeatRegistry): void {
    this.task.start(readiness);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /**
   * One round; a failure is logged by the task and the next round retries. Once `signal` aborts
   * (its deadline) it stops before the next call to another region; what the transaction had
   * marked is rolled back and sent again next round (the calls are idempotent on the receiving side).
   */
  async round(signal?: AbortSignal): Promise<void> {
    if (this.deps.region === this.deps.cityRegion) await this.report(signal);
    else {
      await this.forward(signal);
      await this.reportBars(signal);
      signal?.throwIfAborted();
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

  private async forward(signal: AbortSignal | undefined): Promise<void> {
    const city = this.links.to(this.deps.cityRegion);
    if (!city) return;
    await transaction(this.deps.sql, async (tx) => {
      for (const item of await itemsToForward(tx, this.deps.region, 50)) {
        signal?.throwIfAborted();
        await withCaseSpan("linkage forward item", { caseId: item.caseId, projectId: item.projectId, origin: item.caseTrace }, async () => {
          const answer = await city.forwardItem({
            originRegion: this.deps.region,
            originCaseId: item.caseId,
            originItemId: item.id,
            itemCode: item.itemCode,
            departmentCode: item.departmentCode,
            projectId: item.projectId,
            projectName: item.projectName,
            creditCode: item.creditCode,
          });
          await markForwarded(tx, this.deps.region, item.id, answer.itemId);
        });
      }
    });
  }

  /**
   * The city must refuse 告知承诺 and 容缺 to an enterprise the county barred, for its projects in
   * the city and the items the county forwards there: each bar raised here is reported once.
   */
  private async reportBars(signal: AbortSignal | undefined): Promise<void> {
    const city = this.links.to(this.deps.cityRegion);
    if (!city) return;
    await transaction(this.deps.sql, async (tx) => {
      for (const bar of await barsToReport(tx, this.deps.region, 50)) {
        signal?.throwIfAborted();
        await this.tracer.startActiveSpan("linkage report bar", (span) =>
          city
            .reportCommitmentBar({
              originRegion: bar.originRegion,
              originItemId: bar.originItemId,
              creditCode: bar.creditCode,
              itemCode: bar.itemCode,
              revokedOn: bar.revokedOn,
              barredThrough: bar.barredThrough,
              reason: bar.reason,
            })
            .finally(() => span.end()),
        );
        await markBarReported(tx, this.deps.region, bar);
      }
    });
  }

  private async report(signal: AbortSignal | undefined): Promise<void> {
    await transaction(this.deps.sql, async (tx) => {
      const reports = await pendingReports(tx, this.deps.region, 100);
      const blocked = new Set<string>();
      const sent: string[] = [];
      for (const report of reports) {
        signal?.throwIfAborted();
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
