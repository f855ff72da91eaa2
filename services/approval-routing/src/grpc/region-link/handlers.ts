import { transactionResult } from "@steward/platform/db";
import { failedPrecondition, fail, invalidArgument, notFound, ok, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { routingLinkV1 } from "@steward/proto";
import { catalogueTerms } from "../../db/catalogue-terms.js";
import { advanceCase, commandContext, persistOutcome, type RoutingDeps } from "../../db/item-pipeline.js";
import { lockForwardedItem, recordRemoteSequence, takeForwardedItem } from "../../db/linkage.js";
import { afterRevocation, raiseBar } from "../../db/revocation.js";
import { isCivilDate } from "@steward/calendar";
import { isCreditCode } from "../../domain/case.js";
import { mirrorRemoteState } from "../../domain/linkage.js";
import { itemStateFromMessage, toItemMessage } from "../converters.js";
import { check } from "../fields.js";

/** Vertical linkage (纵向联动): only routing services call these, with service tokens for this region. */
export function regionLinkHandlers(deps: RoutingDeps): ServiceHandlers<typeof routingLinkV1.RegionLinkServiceService> {
  return {
    async forwardItem(request, ctx) {
      if (ctx.region !== deps.cityRegion) raise(failedPrecondition(`items are forwarded to region ${deps.cityRegion}, not ${ctx.region}`, "CITY_REGION_ONLY", { cityRegion: deps.cityRegion }));
      check()
        .uuid("origin_case_id", request.originCaseId)
        .uuid("origin_item_id", request.originItemId)
        .uuid("project_id", request.projectId)
        .text("origin_region", request.originRegion, { required: true, max: 32 })
        .text("item_code", request.itemCode, { required: true, max: 64 })
        .text("project_name", request.projectName, { required: true, max: 200 })
        .add("credit_code", "must be a unified social credit code, or empty for a case opened before plans named the enterprise", request.creditCode !== "" && !isCreditCode(request.creditCode))
        .done();
      const result = await transactionResult(deps.sql, async (tx) => {
        const terms = (await catalogueTerms(tx, [request.itemCode])).get(request.itemCode);
        if (!terms) return fail(invalidArgument([{ field: "item_code", description: `${request.itemCode} is not in the item catalogue` }]));
        if (terms.jurisdiction !== "city") return fail(failedPrecondition(`${request.itemCode} is decided by counties, not by the city`, "ITEM_NOT_CITY_JURISDICTION"));
        const context = await commandContext(deps, tx);
        const { item, created } = await takeForwardedItem(tx, deps.region, request, terms, ctx.principal.subject, context.now);
        if (created) await advanceCase(tx, deps, item.caseId, ctx.principal.subject, context);
        return ok(item.id);
      });
      return { itemId: unwrap(result) };
    },

    async reportForwardedItem(request, ctx) {
      const state = itemStateFromMessage(request.state);
      check()
        .uuid("origin_item_id", request.originItemId)
        .add("sequence", "must be positive", !(request.sequence > 0))
        .add("state", "must be an item state", !state)
        .text("action", request.action, { required: true, max: 64 })
        .done();
      const result = await transactionResult(deps.sql, async (tx) => {
        const forwarded = await lockForwardedItem(tx, deps.region, request.originItemId);
        if (!forwarded) return fail(notFound(`item ${request.originItemId}`));
        // Reports arrive in order, but a retry can repeat one: what was applied stays applied.
        if (request.sequence <= forwarded.remoteSequence) return ok(forwarded.item);
        // The city routing the item to its own department changes nothing the county sees.
        if (state === forwarded.item.state) {
          await recordRemoteSequence(tx, deps.region, forwarded.item.id, request.sequence);
          return ok(forwarded.item);
        }
        const outcome = mirrorRemoteState(forwarded.item, {
          state: state!,
          action: request.action,
          reason: request.reason,
          outstanding: request.outstandingMaterials,
          at: request.at ?? new Date(),
        });
        const actor = `${request.actor}@${deps.cityRegion}`;
        const context = await commandContext(deps, tx);
        await persistOutcome(tx, outcome, forwarded.item, actor);
        await recordRemoteSequence(tx, deps.region, forwarded.item.id, request.sequence);
        // The city found the commitment false: the county's case owns the item, so it reopens and
        // the enterprise is barred here as well (the city has barred it already).
        if (state === "revoked") {
          await afterRevocation(tx, deps, outcome.item, request.reason, actor, context, { region: deps.cityRegion, itemId: forwarded.remoteItemId ?? forwarded.item.id });
        }
        await advanceCase(tx, deps, forwarded.item.caseId, ctx.principal.subject, context);
        return ok(outcome.item);
      });
      return { item: toItemMessage(unwrap(result)) };
    },

    async reportCommitmentBar(request, ctx) {
      if (ctx.region !== deps.cityRegion) raise(failedPrecondition(`bars are reported to region ${deps.cityRegion}, not ${ctx.region}`, "CITY_REGION_ONLY", { cityRegion: deps.cityRegion }));
      check()
        .text("origin_region", request.originRegion, { required: true, max: 32 })
        .uuid("origin_item_id", request.originItemId)
        .add("credit_code", "must be a unified social credit code", !isCreditCode(request.creditCode))
        .text("item_code", request.itemCode, { required: true, max: 64 })
        .add("revoked_on", "must be a date YYYY-MM-DD", !isCivilDate(request.revokedOn))
        .add("barred_through", "must be a date YYYY-MM-DD, not before revoked_on", !isCivilDate(request.barredThrough) || request.barredThrough < request.revokedOn)
        .text("reason", request.reason, { max: 2000 })
        .done();
      await transactionResult(deps.sql, async (tx) =>
        ok(
          await raiseBar(
            tx,
            deps.region,
            {
              creditCode: request.creditCode,
              originRegion: request.originRegion,
              originItemId: request.originItemId,
              itemCode: request.itemCode,
              revokedOn: request.revokedOn,
              barredThrough: request.barredThrough,
              reason: request.reason,
            },
            ctx.principal.subject,
            deps.rules,
          ),
        ),
      );
      return {};
    },
  };
}
