import { requireRole } from "@steward/platform/auth";
import { transaction, type Sql } from "@steward/platform/db";
import { recordEvents } from "@steward/platform/events";
import { appendLedger } from "@steward/platform/ledger";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import type { agreementV1 } from "@steward/proto";
import { findAgreement, insertPlan, latestPlan, listAgreements, saveSignature } from "../../db/agreements.js";
import { signAgreement } from "../../domain/agreement.js";
import type { CatalogueClient } from "../../clients/catalogue.js";
import { approvePlan, validatePlanItems } from "../../domain/plan.js";
import { agreementSigned, planApproved } from "../../events/agreement-events.js";
import { toAgreementMessage, toPlanMessage } from "./converters.js";

/** The agreement's service ledger (服务台账), on the platform's hash chain. */
export const agreementChain = (agreementId: string) => `agreement:${agreementId}`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireId(field: string, value: string): string {
  if (!uuid.test(value)) raise(invalidArgument([{ field, description: "must be a UUID" }]));
  return value;
}

export function agreementHandlers(sql: Sql, catalogue: CatalogueClient): ServiceHandlers<typeof agreementV1.AgreementServiceService> {
  return {
    async getAgreement(request, ctx) {
      const agreement = await findAgreement(sql, ctx.region, requireId("id", request.id));
      if (!agreement) raise(notFound(`agreement ${request.id}`));
      return { agreement: toAgreementMessage(agreement) };
    },

    async listAgreements(request, ctx) {
      if (request.projectId) requireId("project_id", request.projectId);
      const paging = pageRequest(ctx, request, { default: 50, max: 500 }, { projectId: request.projectId });
      const page = await listAgreements(sql, ctx.region, { projectId: request.projectId || undefined, after: paging.after, limit: paging.limit });
      return { agreements: page.agreements.map(toAgreementMessage), nextPageToken: paging.nextToken(page.next) };
    },

    async signAgreement(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const id = requireId("agreement_id", request.agreementId);
      const signed = await transaction(sql, async (tx) => {
        const agreement = await findAgreement(tx, ctx.region, id, true);
        if (!agreement) raise(notFound(`agreement ${id}`));
        const next = unwrap(signAgreement(agreement, ctx.principal.subject));
        await saveSignature(tx, next);
        await appendLedger(tx, [{ region: ctx.region, chainId: agreementChain(id), actor: ctx.principal.subject, action: "agreement.signed", from: agreement.status, to: next.status }]);
        await recordEvents(tx, [agreementSigned(next)]);
        return next;
      });
      return { agreement: toAgreementMessage(signed) };
    },

    async approvePlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin"));
      const id = requireId("agreement_id", request.agreementId);
      // Malformed items are refused before routing's catalogue is asked about them.
      const malformed = validatePlanItems(request.items);
      if (malformed.length > 0) raise(invalidArgument(malformed));
      const departments = await catalogue.departments();
      const plan = await transaction(sql, async (tx) => {
        // The row lock serialises concurrent approvals, so versions never collide.
        const agreement = await findAgreement(tx, ctx.region, id, true);
        if (!agreement) raise(notFound(`agreement ${id}`));
        const approved = unwrap(approvePlan(agreement, request.items, await latestPlan(tx, ctx.region, id), ctx.principal.subject, departments));
        await insertPlan(tx, approved);
        await appendLedger(tx, [
          {
            region: ctx.region,
            chainId: agreementChain(id),
            actor: ctx.principal.subject,
            action: "plan.approved",
            subject: approved.id,
            to: `version ${approved.version}`,
            details: { items: approved.items.map((item) => item.itemCode) },
          },
        ]);
        await recordEvents(tx, [planApproved(agreement, approved)]);
        return approved;
      });
      return { plan: toPlanMessage(plan) };
    },
  };
}
