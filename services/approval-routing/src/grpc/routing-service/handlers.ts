import { requireRole } from "@steward/platform/auth";
import { readLedger, verifyLedger } from "@steward/platform/ledger";
import { notFound, raise, unwrap } from "@steward/platform/errors";
import { encodePageToken, pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { findCase, findCaseByPlan, findLatestCaseOfProject, listCases } from "../../db/cases.js";
import { flagBlocked, resolveEscalation } from "../../db/escalation-commands.js";
import { listEscalations } from "../../db/escalations.js";
import { caseChain, commandContext, type RoutingDeps } from "../../db/item-pipeline.js";
import { submitPlan } from "../../db/plans.js";
import { forecast, type Case } from "../../domain/case.js";
import type { Escalation, Resolution } from "../../domain/escalation.js";
import { caseStatusFromMessage, toCaseMessage, toCaseSummaryMessage } from "../converters.js";
import { check, isUuid } from "../fields.js";

const toEscalationMessage = (escalation: Escalation): routingV1.Escalation => ({
  id: escalation.id,
  caseId: escalation.caseId,
  itemId: escalation.itemId,
  cause: escalation.cause,
  reason: escalation.reason,
  status: escalation.status,
  resolution: escalation.resolution ?? "",
  raisedAt: escalation.raisedAt,
  resolvedAt: escalation.resolvedAt,
});

export function routingHandlers(deps: RoutingDeps): ServiceHandlers<typeof routingV1.RoutingServiceService> {
  /** A case as the answer shows it: items with their clocks, the critical path and the forecasts. */
  const caseAnswer = async (kase: Case) => {
    const context = await commandContext(deps);
    return { case: toCaseMessage(kase, context, forecast(kase, context.schedule, context.today)) };
  };
  return {
    async submitPlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "service", "steward", "admin"));
      return caseAnswer(unwrap(await submitPlan(deps, request, ctx.principal.subject)));
    },

    async getCase(request, ctx) {
      unwrap(requireRole(ctx.principal, "service", "steward", "admin", "operator"));
      check().uuid("id", request.id).done();
      const kase = await findCase(deps.sql, ctx.region, request.id);
      if (!kase) raise(notFound(`case ${request.id}`));
      return caseAnswer(kase);
    },

    async listCases(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin", "operator"));
      const status = caseStatusFromMessage(request.status);
      check()
        .add("status", "must be CASE_STATUS_OPEN, CASE_STATUS_COMPLETED or unspecified", request.status !== routingV1.CaseStatus.CASE_STATUS_UNSPECIFIED && !status)
        .add("project_id", "must be a UUID or empty", request.projectId !== "" && !isUuid(request.projectId))
        .done();
      const { limit, after } = pageRequest(request, { default: 50, max: 500 });
      const page = await listCases(deps.sql, ctx.region, { ...(status ? { status } : {}), ...(request.projectId ? { projectId: request.projectId } : {}), overdueOnly: request.overdueOnly }, after, limit);
      return { cases: page.cases.map(toCaseSummaryMessage), nextPageToken: encodePageToken(page.next) };
    },

    async findCase(request, ctx) {
      unwrap(requireRole(ctx.principal, "service", "steward", "admin", "operator"));
      const key = request.key;
      const fields = check().add("key", "give plan_id or project_id", !key);
      if (key?.$case === "planId") fields.uuid("plan_id", key.value);
      if (key?.$case === "projectId") fields.uuid("project_id", key.value);
      fields.done();
      const kase = key!.$case === "planId" ? await findCaseByPlan(deps.sql, ctx.region, key!.value) : await findLatestCaseOfProject(deps.sql, ctx.region, key!.value);
      if (!kase) raise(notFound(`case of ${key!.$case === "planId" ? "plan" : "project"} ${key!.value}`));
      return caseAnswer(kase);
    },

    async flagBlocked(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin"));
      check().uuid("item_id", request.itemId).text("reason", request.reason, { required: true, max: 2000 }).done();
      return { escalation: toEscalationMessage(unwrap(await flagBlocked(deps, request.itemId, request.reason, ctx.principal.subject))) };
    },

    async listEscalations(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin", "operator"));
      const { limit, after } = pageRequest(request, { default: 50, max: 500 });
      const page = await listEscalations(deps.sql, ctx.region, request.openOnly, after, limit);
      return { escalations: page.escalations.map(toEscalationMessage), nextPageToken: encodePageToken(page.next) };
    },

    async resolveEscalation(request, ctx) {
      // The joint meeting is convened by the region's administration.
      unwrap(requireRole(ctx.principal, "admin"));
      const fields = check().uuid("escalation_id", request.escalationId).text("reason", request.reason, { required: true, max: 2000 });
      const chosen = request.resolution;
      fields.add("resolution", "choose reassign_to_department, extend_working_days or deem_consent", !chosen);
      if (chosen?.$case === "reassignToDepartment") fields.department("reassign_to_department", chosen.value);
      if (chosen?.$case === "extendWorkingDays") fields.add("extend_working_days", "must be between 1 and 60", !(chosen.value >= 1 && chosen.value <= 60));
      if (chosen?.$case === "deemConsent") fields.add("deem_consent", "must be true", !chosen.value);
      fields.done();
      const resolution: Resolution =
        chosen!.$case === "reassignToDepartment"
          ? { kind: "reassign", department: chosen!.value }
          : chosen!.$case === "extendWorkingDays"
            ? { kind: "extend", workingDays: chosen!.value }
            : { kind: "deem_consent" };
      return { escalation: toEscalationMessage(unwrap(await resolveEscalation(deps, request.escalationId, resolution, request.reason, ctx.principal.subject))) };
    },

    async getCaseLedger(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin", "operator", "service"));
      check().uuid("case_id", request.caseId).done();
      const rows = await readLedger(deps.sql, ctx.region, caseChain(request.caseId));
      if (rows.length === 0) raise(notFound(`case ${request.caseId}`));
      return {
        entries: rows.map((row) => ({
          position: row.position,
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          fromState: row.from,
          toState: row.to,
          reason: row.reason,
          recordedAt: new Date(row.recordedAt),
          hash: row.hash,
          prevHash: row.prevHash,
        })),
      };
    },

    async verifyLedger(request, ctx) {
      // Services too: assessment verifies a case's ledger for its console and for the evidence
      // of an accountability referral.
      unwrap(requireRole(ctx.principal, "admin", "operator", "service"));
      check().uuid("case_id", request.caseId).done();
      const verification = await verifyLedger(deps.sql, ctx.region, caseChain(request.caseId));
      if (verification.rows === 0) raise(notFound(`case ${request.caseId}`));
      return verification.ok
        ? { intact: true, rows: verification.rows, firstBrokenPosition: 0, problem: "" }
        : { intact: false, rows: verification.rows, firstBrokenPosition: verification.firstBroken.position, problem: verification.firstBroken.reason };
    },
  };
}
