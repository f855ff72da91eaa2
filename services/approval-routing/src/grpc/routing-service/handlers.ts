import { readLedger, verifyAnchoredChain, type AnchorSource } from "@steward/platform/ledger";
import { notFound, raise, unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
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

/**
 * `anchors` are the routing ledger's signed checkpoints (kept outside the database), against which
 * VerifyLedger checks a case's chain.
 */
export function routingHandlers(deps: RoutingDeps, anchors: AnchorSource): ServiceHandlers<typeof routingV1.RoutingServiceService> {
  /** A case as the answer shows it: items with their clocks, the critical path and the forecasts. */
  const caseAnswer = async (kase: Case) => {
    const context = await commandContext(deps);
    return { case: toCaseMessage(kase, context, forecast(kase, context.schedule, context.today)) };
  };
  return {
    async submitPlan(request, ctx) {
      return caseAnswer(unwrap(await submitPlan(deps, request, ctx.principal.subject)));
    },

    async getCase(request, ctx) {
      check().uuid("id", request.id).done();
      const kase = await findCase(deps.sql, ctx.region, request.id);
      if (!kase) raise(notFound(`case ${request.id}`));
      return caseAnswer(kase);
    },

    async listCases(request, ctx) {
      const status = caseStatusFromMessage(request.status);
      check()
        .add("status", "must be CASE_STATUS_OPEN, CASE_STATUS_COMPLETED or unspecified", request.status !== routingV1.CaseStatus.CASE_STATUS_UNSPECIFIED && !status)
        .add("project_id", "must be a UUID or empty", request.projectId !== "" && !isUuid(request.projectId))
        .done();
      const paging = pageRequest(ctx, request, { default: 50, max: 500 }, { status: request.status, projectId: request.projectId, overdueOnly: request.overdueOnly });
      const page = await listCases(deps.sql, ctx.region, { ...(status ? { status } : {}), ...(request.projectId ? { projectId: request.projectId } : {}), overdueOnly: request.overdueOnly }, paging.after, paging.limit);
      return { cases: page.cases.map(toCaseSummaryMessage), nextPageToken: paging.nextToken(page.next) };
    },

    async findCase(request, ctx) {
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
      check().uuid("item_id", request.itemId).text("reason", request.reason, { required: true, max: 2000 }).done();
      return { escalation: toEscalationMessage(unwrap(await flagBlocked(deps, request.itemId, request.reason, ctx.principal.subject))) };
    },

    async listEscalations(request, ctx) {
      const paging = pageRequest(ctx, request, { default: 50, max: 500 }, { openOnly: request.openOnly });
      const page = await listEscalations(deps.sql, ctx.region, request.openOnly, paging.after, paging.limit);
      return { escalations: page.escalations.map(toEscalationMessage), nextPageToken: paging.nextToken(page.next) };
    },

    async resolveEscalation(request, ctx) {
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
      check().uuid("case_id", request.caseId).done();
      const chainId = caseChain(request.caseId);
      const [rows, anchor, checkpoint] = await Promise.all([readLedger(deps.sql, ctx.region, chainId), anchors.latestAnchor(chainId), anchors.latestCheckpoint()]);
      // A case whose rows are all gone is no unknown case when a checkpoint anchored it: it was truncated.
      if (rows.length === 0 && !anchor) raise(notFound(`case ${request.caseId}`));
      const verification = verifyAnchoredChain(rows, anchor);
      return {
        intact: verification.ok,
        rows: verification.rows,
        firstBrokenPosition: verification.ok ? 0 : verification.firstBroken.position,
        problem: verification.ok ? "" : verification.firstBroken.reason,
        anchoredPosition: verification.anchoredPosition,
        anchoredAt: anchor ? new Date(anchor.takenAt) : undefined,
        unanchoredRows: verification.unanchoredRows,
        checkpointSequence: checkpoint?.sequence ?? 0,
        checkpointAt: checkpoint ? new Date(checkpoint.takenAt) : undefined,
      };
    },
  };
}
