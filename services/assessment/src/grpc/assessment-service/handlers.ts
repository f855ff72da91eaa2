import { invalidArgument, raise, unwrap } from "@steward/platform/errors";
import type { CallContext, ServiceHandlers } from "@steward/platform/grpc";
import type { assessmentV1 } from "@steward/proto";
import type { AssessmentContext } from "../../app/context.js";
import { visibilityFor } from "../../app/context.js";
import { bulletinOf, publishBulletin } from "../../app/bulletins.js";
import { monthlyFigures } from "../../app/figures.js";
import { raiseReferral, referralsOf, updateReferralStatus } from "../../app/referrals.js";
import { completionStats } from "../../db/completions.js";
import { listRegions } from "../../db/regions.js";
import { isMonth } from "../../domain/periods.js";
import { scopes, type Scope } from "../../domain/figures.js";
import { checkRegion, type Viewer } from "../../domain/visibility.js";
import { toBulletinMessage, toFiguresMessage, toReferralMessage } from "./converters.js";

const viewerOf = (ctx: CallContext): Viewer => ({
  subject: ctx.principal.subject,
  role: ctx.principal.role,
  region: ctx.principal.region,
  ...(ctx.principal.department ? { department: ctx.principal.department } : {}),
});

export function assessmentHandlers(context: AssessmentContext): ServiceHandlers<typeof assessmentV1.AssessmentServiceService> {
  const { sql } = context;
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
    async getMonthlyFigures(request, ctx) {
      const visibility = visibilityFor(context, viewerOf(ctx));
      const scope = (request.scope || "region") as Scope;
      const violations = [
        ...(isMonth(request.month) ? [] : [{ field: "month", description: "must be a month like 2026-03" }]),
        ...(scopes.includes(scope) ? [] : [{ field: "scope", description: `one of ${scopes.join(", ")}` }]),
      ];
      if (violations.length > 0) raise(invalidArgument(violations));
      const regions = request.region ? [unwrap(checkRegion(visibility, request.region))] : visibility.regions;
      const figures = await monthlyFigures(context, visibility, request.month, scope, regions);
      return { figures: figures.map(toFiguresMessage) };
    },
    async getQuarterlyBulletin(request, ctx) {
      return { bulletin: toBulletinMessage(await bulletinOf(context, viewerOf(ctx), request.quarter)) };
    },
    async publishQuarterlyBulletin(request, ctx) {
      return { bulletin: toBulletinMessage(await publishBulletin(context, viewerOf(ctx), request.quarter)) };
    },
    async listReferrals(request, ctx) {
      return { referrals: (await referralsOf(context, viewerOf(ctx), request.status)).map(toReferralMessage) };
    },
    async raiseReferral(request, ctx) {
      return { referral: toReferralMessage(await raiseReferral(context, viewerOf(ctx), request)) };
    },
    async updateReferral(request, ctx) {
      return { referral: toReferralMessage(await updateReferralStatus(context, viewerOf(ctx), request)) };
    },
  };
}
