import { AppErrorException, unwrap, type AppError } from "@steward/platform/errors";
import { pageRequest, toRpcStatus, type CallContext, type ServiceHandlers } from "@steward/platform/grpc";
import { requestDigest } from "@steward/platform/idempotency";
import { routingV1 } from "@steward/proto";
import type { AssignmentFeedSignal } from "../../db/assignment-feed.js";
import { feedEnd, listDepartmentItemsAt, readAssignmentFeed } from "../../db/assignment-changes.js";
import type { GatewayRequest } from "../../db/gateway-requests.js";
import { answerConsultation, requestConsultation } from "../../db/consultation-commands.js";
import type { GroupCommit } from "../../db/group-commit.js";
import { commandContext, type ItemCommand, type RoutingDeps } from "../../db/item-pipeline.js";
import type { ItemInCase } from "../../domain/case.js";
import type { Consultation } from "../../domain/consultation.js";
import { acceptItem, decideItem, pauseClock, recordSupplement, recordVerification, requestSupplement, resumeClock } from "../../domain/item-commands.js";
import { modeFromMessage, toItemMessage } from "../converters.js";
import { check } from "../fields.js";
import { decodeCursor, encodeCursor, encodeListToken, splitListToken } from "./cursor.js";

/**
 * A mutation's request id, bound to the request it came with (every field but the id) and the
 * method of the single call: an entry of a batch call (AcceptItems) is an AcceptItem request, so
 * retrying it either way is a repeat.
 */
const gatewayRequest = (request: { requestId: string }, method: string): GatewayRequest => ({ id: request.requestId, digest: requestDigest(method, request, ["requestId"]) });

const methods = routingV1.DepartmentGatewayServiceService;

/** The most entries one batch call (AcceptItems, DecideItems) takes; the proto's max_items says the same. */
const maxBatchEntries = 100;

const okStatus = { code: 0, message: "", details: [] };

/**
 * The caller's department. The access table lets only department systems call the gateway, with
 * the department scope; every item, consultation and feed below is filtered by it, so another
 * department's objects are not found.
 */
function departmentOf(ctx: CallContext): string {
  return ctx.owner.department!;
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
  /** The process's queue of item commands: concurrent ones commit together (db/group-commit.ts). */
  commands: GroupCommit;
}

export function departmentGatewayHandlers(deps: RoutingDeps, feed: AssignmentFeedSignal, options: GatewayOptions): ServiceHandlers<typeof routingV1.DepartmentGatewayServiceService> {
  const view = async () => {
    const context = await commandContext(deps);
    return { schedule: context.schedule, today: context.today, rules: context.rules };
  };
  const answer = async ({ item, context }: ItemInCase) => ({ item: toItemMessage(item, await view(), context) });
  /** One gateway mutation as a command: the caller's department, its request id, what it does. */
  const itemCommand = (
    request: { itemId: string; requestId: string },
    ctx: CallContext,
    method: string,
    action: string,
    run: ItemCommand["run"],
    needs: Pick<ItemCommand, "needsOpenConsultations" | "needsRunningBar"> = {},
  ): ItemCommand => ({ itemId: request.itemId, department: departmentOf(ctx), request: gatewayRequest(request, method), actor: ctx.principal.subject, action, run, ...needs });
  /** Runs a mutation (with whatever commands of other callers commit beside it); the item as it is after. */
  const mutate = async (command: ItemCommand) => answer(unwrap(await options.commands.apply(command)));

  const acceptCommand = (request: routingV1.AcceptItemRequest, ctx: CallContext): ItemCommand => {
    const mode = modeFromMessage(request.mode);
    check()
      .uuid("item_id", request.itemId)
      .requestId(request.requestId)
      .add("mode", "must be PROCESSING_MODE_NORMAL, _TOLERANT or _COMMITMENT", !mode)
      .list("missing_materials", request.missingMaterials, { max: 50, maxLength: 200 })
      .text("commitment_ref", request.commitmentRef, { max: 200 })
      .done();
    return itemCommand(
      request,
      ctx,
      methods.acceptItem.path,
      "accept",
      (current, context, facts) => acceptItem(current, { mode: mode!, missingMaterials: request.missingMaterials, commitmentRef: request.commitmentRef }, context, facts.runningBar),
      // Only the modes a bar after a false commitment can close need the enterprise's bars.
      { needsRunningBar: (deps.rules.commitmentBar.modes as string[]).includes(mode!) },
    );
  };

  const decideCommand = (request: routingV1.DecideItemRequest, ctx: CallContext): ItemCommand => {
    const decision = decisions[request.decision];
    check()
      .uuid("item_id", request.itemId)
      .requestId(request.requestId)
      .add("decision", "must be DECISION_APPROVE, DECISION_REJECT or DECISION_RETURN", !decision)
      .add("reason", "a rejection or a return must give its reason", (decision === "reject" || decision === "return") && !request.reason.trim())
      .text("reason", request.reason, { max: 2000 })
      .list("document_refs", request.documentRefs, { max: 20, maxLength: 200 })
      .done();
    return itemCommand(
      request,
      ctx,
      methods.decideItem.path,
      decision!,
      (current, context, facts) => decideItem(current, { decision: decision!, reason: request.reason, documentRefs: request.documentRefs, openConsultations: facts.openConsultations }, context),
      { needsOpenConsultations: decision === "approve" },
    );
  };

  /**
   * A batch call: every entry a command of its own, all queued at once (so they commit together,
   * db/group-commit.ts), each answered with its own status — the refusal its single call would
   * have had, bad input included — in the order of the entries.
   */
  const settleEach = async <Entry>(entries: Entry[], ctx: CallContext, commandOf: (entry: Entry, ctx: CallContext) => ItemCommand): Promise<{ results: routingV1.ItemResult[] }> => {
    check().add("entries", `give 1 to ${maxBatchEntries} entries`, entries.length === 0 || entries.length > maxBatchEntries).done();
    const refused = (error: AppError): routingV1.ItemResult => ({ status: toRpcStatus(error), item: undefined });
    const settled = await Promise.all(
      entries.map(async (entry) => {
        let command: ItemCommand;
        try {
          command = commandOf(entry, ctx);
        } catch (error) {
          if (error instanceof AppErrorException) return { ok: false as const, error: error.error };
          throw error;
        }
        return options.commands.apply(command);
      }),
    );
    const clock = await view();
    return { results: settled.map((result) => (result.ok ? { status: okStatus, item: toItemMessage(result.value.item, clock, result.value.context) } : refused(result.error))) };
  };

  return {
    async listAssignments(request, ctx) {
      const department = departmentOf(ctx);
      // Every page of one listing is "as of" the same feed position: the first page's, carried in
      // the page token (and bound into its signature, so it cannot be moved). A new listing shows
      // the items as they stand now, at the feed's end.
      const listing = splitListToken(request.pageToken);
      const atCursor = listing.at || encodeCursor(await feedEnd(deps.sql));
      const paging = pageRequest(ctx, { pageSize: request.pageSize, pageToken: listing.page }, { default: 100, max: 500 }, { at: atCursor });
      const at = decodeCursor(atCursor, "page_token")!;
      const page = await listDepartmentItemsAt(deps.sql, ctx.region, department, at, paging.after, paging.limit);
      const clock = await view();
      return {
        items: page.items.map(({ item, context }) => toItemMessage(item, clock, context)),
        nextPageToken: encodeListToken(paging.nextToken(page.next), at),
        cursor: atCursor,
      };
    },

    async watchAssignments(request, ctx, send) {
      const department = departmentOf(ctx);
      check().add("from_now", "give a cursor or from_now, not both", request.fromNow && request.cursor !== "").done();
      let position = request.fromNow ? await feedEnd(deps.sql) : decodeCursor(request.cursor);
      let heldBackWaitMs = 0;
      while (!ctx.signal.aborted) {
        const { changes, heldBack } = await readAssignmentFeed(deps.sql, ctx.region, department, position, feedBatch);
        // The same clock view as ListAssignments (it was left out here, so every streamed item
        // said 0 elapsed working days).
        const clock = changes.length > 0 ? await view() : undefined;
        for (const { position: at, change } of changes) {
          await send({ item: toItemMessage(change.item, clock, change.context), cursor: encodeCursor(at) });
          position = at;
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
      return mutate(acceptCommand(request, ctx));
    },

    async acceptItems(request, ctx) {
      return settleEach(request.entries, ctx, acceptCommand);
    },

    async requestSupplement(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).list("materials", request.materials, { max: 50, maxLength: 200 }).text("reason", request.reason, { max: 2000 }).done();
      return mutate(itemCommand(request, ctx, ctx.method, "request_supplement", (current, context) => requestSupplement(current, { materials: request.materials, reason: request.reason }, context)));
    },

    async recordSupplement(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).list("materials", request.materials, { max: 50, maxLength: 200 }).done();
      return mutate(itemCommand(request, ctx, ctx.method, "record_supplement", (current, context) => recordSupplement(current, { materials: request.materials }, context)));
    },

    async decideItem(request, ctx) {
      return mutate(decideCommand(request, ctx));
    },

    async decideItems(request, ctx) {
      return settleEach(request.entries, ctx, decideCommand);
    },

    async pauseClock(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).text("kind", request.kind, { required: true, max: 64 }).text("reason", request.reason, { max: 2000 }).done();
      return mutate(itemCommand(request, ctx, ctx.method, "pause_clock", (current, context) => pauseClock(current, { kind: request.kind, reason: request.reason }, context)));
    },

    async resumeClock(request, ctx) {
      check().uuid("item_id", request.itemId).requestId(request.requestId).done();
      return mutate(itemCommand(request, ctx, ctx.method, "resume_clock", resumeClock));
    },

    async recordVerification(request, ctx) {
      check()
        .uuid("item_id", request.itemId)
        .requestId(request.requestId)
        .add("reason", "a failed verification must give its reason", !request.commitmentTrue && !request.reason.trim())
        .text("reason", request.reason, { max: 2000 })
        .done();
      return mutate(itemCommand(request, ctx, ctx.method, "record_verification", (current, context) => recordVerification(current, { commitmentTrue: request.commitmentTrue, reason: request.reason }, context)));
    },

    async requestConsultation(request, ctx) {
      const department = departmentOf(ctx);
      check().uuid("item_id", request.itemId).requestId(request.requestId).department("consulted_department", request.consultedDepartment).text("question", request.question, { required: true, max: 2000 }).done();
      const consultation = unwrap(await requestConsultation(deps, department, request.itemId, request.consultedDepartment, request.question, ctx.principal.subject, gatewayRequest(request, ctx.method)));
      return { consultation: toConsultationMessage(consultation) };
    },

    async answerConsultation(request, ctx) {
      const department = departmentOf(ctx);
      check().uuid("consultation_id", request.consultationId).requestId(request.requestId).text("reason", request.reason, { max: 2000 }).done();
      const consultation = unwrap(await answerConsultation(deps, department, request.consultationId, request.agree, request.reason, ctx.principal.subject, gatewayRequest(request, ctx.method)));
      return { consultation: toConsultationMessage(consultation) };
    },
  };
}
