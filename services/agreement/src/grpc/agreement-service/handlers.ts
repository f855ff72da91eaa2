import { civilDateOf } from "@steward/calendar";
import type { Principal } from "@steward/platform/auth";
import { requireRole } from "@steward/platform/auth";
import { invalidArgument, notFound, permissionDenied, raise, unwrap } from "@steward/platform/errors";
import { encodePageToken, pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import { routingV1, type agreementV1 } from "@steward/proto";
import type { RoutingClient } from "../../clients/routing.js";
import { signAgreementCommand, terminateAgreementCommand } from "../../commands/agreements.js";
import { todayOf, type AgreementDeps } from "../../commands/deps.js";
import { approvePlanCommand, draftPlanCommand, reviewPlanCommand } from "../../commands/plans.js";
import { assignLiaisonCommand, assignStewardCommand, releaseStewardCommand, retireStewardCommand } from "../../commands/team.js";
import type { Agreement } from "../../domain/agreement.js";
import { planProgress } from "../../domain/progress.js";
import { suggestStewards } from "../../domain/stewards.js";
import { findAgreement, listAgreements } from "../../db/agreements.js";
import { planVersions } from "../../db/plans.js";
import { assignmentHistory, currentLiaisons, findSteward, listStewards, upsertSteward } from "../../db/stewards.js";
import { statusFromMessage, toAgreementMessage, toPlanMessage, toStewardMessage } from "./converters.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const subject = /^[\w.:@-]{1,200}$/;

function requireId(field: string, value: string): string {
  if (!uuid.test(value)) raise(invalidArgument([{ field, description: "must be a UUID" }]));
  return value;
}

/** An enterprise reads its own agreements only (by its credit code); others are not found. */
function visible(agreement: Agreement | undefined, principal: Principal, id: string): Agreement {
  if (!agreement || (principal.role === "enterprise" && agreement.creditCode !== principal.creditCode)) raise(notFound(`agreement ${id}`));
  return agreement;
}

const planActor = (principal: Principal) => ({ subject: principal.subject, role: principal.role, ...(principal.department ? { department: principal.department } : {}) });

export function agreementHandlers(deps: AgreementDeps, routing: RoutingClient): ServiceHandlers<typeof agreementV1.AgreementServiceService> {
  const readers = ["enterprise", "steward", "liaison", "admin", "operator", "service"] as const;
  const agreementMessage = (agreement: Agreement, principal: Principal) => toAgreementMessage(agreement, principal.role === "admin");
  const load = async (id: string, principal: Principal) => visible(await findAgreement(deps.sql, deps.region, id), principal, id);
  return {
    async getAgreement(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      return { agreement: agreementMessage(await load(requireId("id", request.id), ctx.principal), ctx.principal) };
    },

    async listAgreements(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      if (request.projectId) requireId("project_id", request.projectId);
      const { limit, after } = pageRequest(request, { default: 50, max: 500 });
      const status = request.status ? statusFromMessage(request.status) : undefined;
      const page = await listAgreements(deps.sql, ctx.region, {
        ...(request.projectId ? { projectId: request.projectId } : {}),
        ...(request.stewardId ? { stewardId: request.stewardId } : {}),
        ...(status ? { status } : {}),
        ...(ctx.principal.role === "enterprise" ? { creditCode: ctx.principal.creditCode ?? "-" } : {}),
        after,
        limit,
      });
      return { agreements: page.agreements.map((agreement) => agreementMessage(agreement, ctx.principal)), nextPageToken: encodePageToken(page.next) };
    },

    async signAgreement(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const id = requireId("agreement_id", request.agreementId);
      const signed = unwrap(await signAgreementCommand(deps, id, { signedOn: request.signedOn, serviceCentre: request.serviceCentre, enterpriseSignatory: request.enterpriseSignatory, commitments: request.commitments }, ctx.principal.subject));
      return { agreement: agreementMessage(signed, ctx.principal) };
    },

    async terminateAgreement(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const ended = unwrap(await terminateAgreementCommand(deps, requireId("agreement_id", request.agreementId), request.reason, ctx.principal.subject));
      return { agreement: agreementMessage(ended, ctx.principal) };
    },

    async registerSteward(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const violations = [
        ...(subject.test(request.stewardId) ? [] : [{ field: "steward_id", description: "must be the steward's subject (1-200 letters, digits or . _ : @ -)" }]),
        ...(request.name.trim() && request.name.length <= 50 ? [] : [{ field: "name", description: "must be 1-50 characters" }]),
      ];
      if (violations.length > 0) raise(invalidArgument(violations));
      await upsertSteward(deps.sql, ctx.region, request.stewardId, request.name.trim());
      return { steward: toStewardMessage((await findSteward(deps.sql, ctx.region, request.stewardId))!) };
    },

    async listStewards(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin", "operator"));
      return { stewards: (await listStewards(deps.sql, ctx.region, { includeRetired: request.includeRetired })).map(toStewardMessage) };
    },

    async retireSteward(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      return { steward: toStewardMessage(unwrap(await retireStewardCommand(deps, request.stewardId, request.reason))) };
    },

    async suggestSteward(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      await load(requireId("agreement_id", request.agreementId), ctx.principal);
      return { stewards: suggestStewards(await listStewards(deps.sql, ctx.region)).map(toStewardMessage) };
    },

    async assignSteward(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const agreement = unwrap(await assignStewardCommand(deps, requireId("agreement_id", request.agreementId), request.stewardId, request.note, ctx.principal.subject));
      return { agreement: agreementMessage(agreement, ctx.principal) };
    },

    async releaseSteward(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const agreement = unwrap(await releaseStewardCommand(deps, requireId("agreement_id", request.agreementId), request.reason, ctx.principal.subject));
      return { agreement: agreementMessage(agreement, ctx.principal) };
    },

    async assignLiaison(request, ctx) {
      unwrap(requireRole(ctx.principal, "admin"));
      const liaison = unwrap(await assignLiaisonCommand(deps, requireId("agreement_id", request.agreementId), request, ctx.principal.subject));
      return { liaison: { departmentCode: liaison.department, departmentName: liaison.departmentName, liaisonId: liaison.liaisonId, liaisonName: liaison.liaisonName, assignedAt: liaison.assignedAt } };
    },

    async getTeam(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      const agreement = await load(requireId("agreement_id", request.agreementId), ctx.principal);
      const [history, liaisons] = await Promise.all([assignmentHistory(deps.sql, ctx.region, agreement.id), currentLiaisons(deps.sql, ctx.region, agreement.id)]);
      return {
        stewards: history.map((row) => ({ stewardId: row.steward_id, stewardName: row.steward_name, assignedAt: row.assigned_at, assignedBy: row.assigned_by, endedAt: row.ended_at ?? undefined, note: row.note })),
        liaisons: liaisons.map((row) => ({ departmentCode: row.department_code, departmentName: row.department_name, liaisonId: row.liaison_id, liaisonName: row.liaison_name, assignedAt: row.assigned_at })),
      };
    },

    async draftPlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin"));
      const id = requireId("agreement_id", request.agreementId);
      const plan = unwrap(
        await draftPlanCommand(deps, id, { selectionCode: request.selectionCode, items: request.items, targetDates: request.targetDates, excludedItemCodes: request.excludedItemCodes }, planActor(ctx.principal)),
      );
      return { plan: toPlanMessage(plan) };
    },

    async reviewPlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "liaison"));
      const plan = unwrap(await reviewPlanCommand(deps, requireId("agreement_id", request.agreementId), { version: request.version, approve: request.approve, reason: request.reason }, planActor(ctx.principal)));
      return { plan: toPlanMessage(plan) };
    },

    async approvePlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "steward", "admin"));
      const id = requireId("agreement_id", request.agreementId);
      if (request.items.length > 0) raise(invalidArgument([{ field: "items", description: "plans are drafted with DraftPlan and reviewed by the liaisons; approve a version instead" }]));
      return { plan: toPlanMessage(unwrap(await approvePlanCommand(deps, id, request.version, planActor(ctx.principal)))) };
    },

    async getPlan(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      const agreement = await load(requireId("agreement_id", request.agreementId), ctx.principal);
      const [plan] = await planVersions(deps.sql, ctx.region, agreement.id, request.version || undefined);
      if (!plan) raise(notFound(request.version ? `version ${request.version} of the plan` : "a plan of this agreement"));
      return { plan: toPlanMessage(plan) };
    },

    async listPlanVersions(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      const agreement = await load(requireId("agreement_id", request.agreementId), ctx.principal);
      return { plans: (await planVersions(deps.sql, ctx.region, agreement.id)).map((plan) => toPlanMessage(plan)) };
    },

    async getPlanProgress(request, ctx) {
      unwrap(requireRole(ctx.principal, ...readers));
      const agreement = await load(requireId("agreement_id", request.agreementId), ctx.principal);
      const plan = (await planVersions(deps.sql, ctx.region, agreement.id)).find((version) => version.status === "accepted");
      if (!plan || !agreement.caseId) raise({ ...permissionDenied("no plan of this agreement has reached routing yet"), code: "failed_precondition", reason: "CASE_NOT_YET_OPEN" });
      const { case: kase } = await routing.getCase({ id: agreement.caseId });
      const actual = (kase?.items ?? []).map((item) => ({
        itemCode: item.itemCode,
        state: routingV1.itemStateToJSON(item.state).replace(/^ITEM_STATE_/, "").toLowerCase(),
        ...(item.clock?.committed?.dueOn ? { committedDueOn: item.clock.committed.dueOn } : {}),
        changedOn: item.updatedAt ? civilDateOf(item.updatedAt) : todayOf(deps),
      }));
      return { caseId: agreement.caseId, planVersion: plan.version, items: planProgress(plan, actual, todayOf(deps)) };
    },
  };
}
