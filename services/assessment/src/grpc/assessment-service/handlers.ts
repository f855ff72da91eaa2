import type { Sql } from "@steward/platform/db";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { assessmentV1 } from "@steward/proto";
import { completionStats } from "../../db/completions.js";
import { listRegions } from "../../db/regions.js";

export function assessmentHandlers(sql: Sql): ServiceHandlers<typeof assessmentV1.AssessmentServiceService> {
  return {
    async getCompletionStats(_request, ctx) {
      const stats = await completionStats(sql, ctx.region);
      return {
        region: stats.region,
        completedCases: stats.completedCases,
        completedItems: stats.completedItems,
        lastCompletedAt: stats.lastCompletedAt,
        reopenedCases: stats.reopenedCases,
        supplementRounds: stats.supplementRounds,
        followUpSupplementRounds: stats.followUpSupplementRounds,
      };
    },
    async listRegions() {
      const regions = await listRegions(sql);
      return { regions: regions.map((region) => ({ slug: region.slug, name: region.name, divisionCode: region.divisionCode ?? "", kind: region.kind })) };
    },
  };
}
