import { invalidArgument, raise, unwrap } from "@steward/platform/errors";
import { pageRequest, type CallContext, type ServiceHandlers } from "@steward/platform/grpc";
import { requestDigest } from "@steward/platform/idempotency";
import { routingV1 } from "@steward/proto";
import type { AssignmentFeedSignal } from "../../db/assignment-feed.js";
import type { GatewayRequest } from "../../db/gateway-requests.js";
import { answerConsultation, requestConsultation } from "../../db/consultation-commands.js";
import { applyItemCommand, commandContext, type ItemCommand, type RoutingDeps } from "../../db/item-pipeline.js";
import { listDepartmentItems, readAssignmentFeed, type FeedPosition } from "../../db/items.js";
import type { Consultation } from "../../domain/consultation.js";
import { acceptItem, decideItem, pauseClock, recordSupplement, recordVerification, requestSupplement, resumeClock } from "../../domain/item-commands.js";
import { modeFromMessage, toItemMessage } from "../converters.js";
import { check } from "../fields.js";

/** A mutation's request id, bound to the request it came with (every field but the id). */
const gatewayRequest = (request: { requestId: string }, ctx: CallContext): GatewayRequest => ({ id: request.requestId, digest: requestDigest(ctx.method, request, ["requestId"]) });

/**
 * The caller's department. The access table lets only department systems call the gateway, with
 * the department scope; every item, consultation and feed below is filtered by it, so another
 * department's objects are not found.
 */
function departmentOf(ctx: CallContext): string {
  return ctx.owner.department!;
}

const encodeCursor = (position: FeedPosition) => Buffer.from(`${position.xid}:${position.seq}`).toString("base64url");

const maxXid8 = 2n ** 64n - 1n;
const maxBigint = 2n ** 63n - 1n;

function decodeCursor(cursor: string): FeedPosition | undefined {
  if (!cursor) return undefined;
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(Buffer.from(cursor, "base64url").toString());
  // The digits must also fit the columns. Past their range a forged cursor used to reach Postgres:
  // an oversized seq failed the bigint cast (INTERNAL), and an oversized xid was silently clamped
  // to the largest xid8, so the stream was accepted and then never delivered anything.
  if (!match || BigInt(match[1]!) > maxXid8 || BigInt(match[2]!) > maxBigint) {
    raise(invalidArgument([{ field: "cursor", description: "is not a cursor this service issued" }]));
  }
  return { xid: match[1]!, seq: match[2]! };
}

const toConsultationMessage = (consultation: Consultation): routingV1.Consultation => ({
  id: consultation.id,
  itemId: consultation.itemId,
  consultedDepartment: consultation.consultedDepartment,
  due: { dueOn: consultation.due.date, provisional: consultation.due.provisional },
  outcome: consultation.outcome,
  reason: consultation.answerReason ?? "",
});

const decisions: Partial<Record<routingV1.Decision, "approve" | "reject" | "return">> = {
  [routingV1.Decision.DECISION_APPROVE]: "approve",
  [routingV1.Decision.DECISION_REJECT]: "reject",
  [routingV1.Decision.DECISION_RETURN]: "return",
};

/** Changes read per query of the feed. */
const feedBatch = 200;
/** Longest wait between looks while changes are held back behind an open transaction. */
const heldBackMaxWaitMs = 250;

export interface GatewayOptions {
  /** How long an idle watch waits before looking again without a notification. */
  watchPollMs: number;
}

export function departmentGatewayHandlers(deps: RoutingDeps, feed: AssignmentFeedSignal, options: GatewayOptions): ServiceHandlers<typeof routingV1.DepartmentGatewayServiceService> {
  const view = async () => {
    const context = await commandContext(deps);
    return { schedule: context.schedule, today: context.today };
  };
  const answer = async (item: Parameters<typeof toItemMessage>[0]) => ({ item: toItemMessage(item, await view()) });
  /** One gateway mutation: the caller's department, its request id, one command, the item as it is after. */
  const mutate = async (request: { itemId: string; requestId: string }, ctx: CallContext, action: string, run: ItemCommand["run"], needs: Pick<ItemCommand, "needsOpenConsultations"> = {}) =>
    answer(
      unwrap(
        await applyItemCommand(deps, { itemId: request.itemId, department: departmentOf(ctx), request: gatewayRequest(request, ctx), actor: ctx.principal.subject, action, run, ...needs }),
      ),
    );

  return {
    async listAssignments(request, ctx) {
      const department = departmentOf(ctx);
      const paging = pageRequest(ctx, request, { default: 100, max: 500 });
      const page = await listDepartmentItems(deps.sql, ctx.region, department, paging.after, paging.limit);
      const clock = await view();
      return { items: page.items.map((item) => toItemMessage(item, clock)), nextPageToken: paging.nextToken(page.next) };
    },

    async watchAssignments(request, ctx, send) {
      const department = departmentOf(ctx);
      let position = decodeCursor(request.cursor);
      let heldBackWaitMs = 0;
      while (!ctx.signal.aborted) {
        const { changes, heldBack } = await readAssignmentFeed(deps.sql, ctx.region, department, position, feedBatch);
        // The same clock view as ListAssignments (it was left out here, so every streamed item
        // said 0 elapsed working days).
        const clock = changes.length > 0 ? await view() : undefined;
        for (const change of changes) {
          await send({ item: toItemMessage(change.item, clock), cursor: encodeCursor(change.position) });
          position = change.position;
        }
        if (changes.length === feedBatch) continue;
        if (changes.length > 0) heldBackWaitMs = 0;
        if (heldBack) {
          // Committed changes wait behind an older open transaction whose end may never be
          // notified: look again shortly (backing off) rather than after the whole poll interval.
          heldBackWaitMs = Math.min(Math.max(heldBackWaitMs * 2, 10), heldBackMaxWaitMs, options.watchPollMs);
          await feed.next(ctx.signal, heldBackWaitMs);
          continue;
        }
        heldBackWaitMs = 0;
        await feed.next(ctx.signal, options.watchPollMs);
      }
    },

    async acceptItem(request, ctx) {
      const mode = modeFromMessage(request.mode);
      check()
        .uuid("item_id", request.itemId)
        .requestId(request.requestId)
        .add("mode", "must be PROCESSING_MODE_NORMAL, _TOLERANT or _COMMITMENT", !mode)
        .list("missing_materials", request.missingMaterials, { max: 50, maxLength: 200 })
        .text("commitment_ref", request.commitmentRef, { max: 200 })
        .done();
      return mutate(request, ctx, "accept", (current, context) => acceptItem(current, { mode: mode!, missingMaterials: request.missingMaterials, commitmentRef: request.commitmentRef }, context));
    },

    async requestSupplement(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).list("materials", request.materials, { max: 50, maxLength: 200 }).text("reason", request.reason, { max: 2000 }).done();
      return mutate(request, ctx, "request_supplement", (current, context) => requestSupplement(current, { materials: request.materials, reason: request.reason }, context));
    },

    async recordSupplement(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).list("materials", request.materials, { max: 50, maxLength: 200 }).done();
      return mutate(request, ctx, "record_supplement", (current, context) => recordSupplement(current, { materials: request.materials }, context));
    },

    async decideItem(request, ctx) {
      const decision = decisions[request.decision];
      check()
        .uuid("item_id", request.itemId)
        .requestId(request.requestId)
        .add("decision", "must be DECISION_APPROVE, DECISION_REJECT or DECISION_RETURN", !decision)
        .add("reason", "a rejection or a return must give its reason", (decision === "reject" || decision === "return") && !request.reason.trim())
        .text("reason", request.reason, { max: 2000 })
        .list("document_refs", request.documentRefs, { max: 20, maxLength: 200 })
        .done();
      return mutate(
        request,
        ctx,
        decision!,
        (current, context, facts) => decideItem(current, { decision: decision!, reason: request.reason, documentRefs: request.documentRefs, openConsultations: facts.openConsultations }, context),
        { needsOpenConsultations: decision === "approve" },
      );
    },

    async pauseClock(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).text("kind", request.kind, { required: true, max: 64 }).text("reason", request.reason, { max: 2000 }).done();
      return mutate(request, ctx, "pause_clock", (current, context) => pauseClock(current, { kind: request.kind, reason: request.reason }, context));
    },

    async resumeClock(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).done();
      return mutate(request, ctx, "resume_clock", resumeClock);
    },

    async recordVerification(request, ctx) {
      check()
        .uuid("item_id", request.itemId)
        .requestId(request.requestId)
        .add("reason", "a failed verification must give its reason", !request.commitmentTrue && !request.reason.trim())
        .text("reason", request.reason, { max: 2000 })
        .done();
      return mutate(request, ctx, "record_verification", (current, context) => recordVerification(current, { commitmentTrue: request.commitmentTrue, reason: request.reason }, context));
    },

    async requestConsultation(request, ctx) {
      const department = departmentOf(ctx);
      check().uuid("item_id", request.itemId).requestId(request.requestId).department("consulted_department", request.consultedDepartment).text("question", request.question, { required: true, max: 2000 }).done();
      const consultation = unwrap(await requestConsultation(deps, department, request.itemId, request.consultedDepartment, request.question, ctx.principal.subject, gatewayRequest(request, ctx)));
      return { consultation: toConsultationMessage(consultation) };
    },

    async answerConsultation(request, ctx) {
      const department = departmentOf(ctx);
      check().uuid("consultation_id", request.consultationId).requestId(request.requestId).text("reason", request.reason, { max: 2000 }).done();
      const consultation = unwrap(await answerConsultation(deps, department, request.consultationId, request.agree, request.reason, ctx.principal.subject, gatewayRequest(request, ctx)));
      return { consultation: toConsultationMessage(consultation) };
    },
  };
}
