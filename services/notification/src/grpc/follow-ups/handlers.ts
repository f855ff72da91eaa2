import { requireRole } from "@steward/platform/auth";
import { invalidArgument, raise, unwrap } from "@steward/platform/errors";
import { encodePageToken, pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import { notificationFollowUpV1 } from "@steward/proto";
import type { NotificationDeps } from "../../commands/deps.js";
import { recordCallBack, recordRectified } from "../../commands/follow-ups.js";
import { listRectifications, listReviews } from "../../db/follow-ups.js";
import type { Rectification, RectificationStatus } from "../../domain/reviews.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const statuses: Record<RectificationStatus, notificationFollowUpV1.RectificationStatus> = {
  open: notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_OPEN,
  rectified: notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_RECTIFIED,
  closed: notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_CLOSED,
};
const statusOf = new Map(Object.entries(statuses).map(([key, value]) => [value, key as RectificationStatus]));

const toRectificationMessage = (r: Rectification): notificationFollowUpV1.Rectification => ({
  id: r.id,
  reviewId: r.reviewId,
  projectId: r.projectId,
  projectName: r.projectName,
  departmentCode: r.departmentCode,
  itemCode: r.itemCode,
  rating: r.rating,
  status: statuses[r.status],
  dueOn: r.dueOn,
  dueProvisional: r.dueProvisional,
  overdueAt: r.overdueAt,
  summary: r.summary,
  rectifiedAt: r.rectifiedAt,
  callBackNote: r.callBackNote,
  closedAt: r.closedAt,
  callBacks: r.callBacks,
  openedAt: r.openedAt,
});

const requireId = (field: string, value: string) => {
  if (!uuid.test(value)) raise(invalidArgument([{ field, description: "must be a UUID" }]));
  return value;
};

export function followUpHandlers(deps: NotificationDeps): ServiceHandlers<typeof notificationFollowUpV1.FollowUpServiceService> {
  return {
    async listReviews(request, ctx) {
      unwrap(requireRole(ctx.principal, "enterprise", "steward", "admin", "operator", "service"));
      const { limit, after } = pageRequest(request, { default: 50, max: 200 });
      const creditCode = ctx.principal.role === "enterprise" ? (ctx.principal.creditCode ?? "-") : undefined;
      const page = await listReviews(deps.sql, ctx.region, { ...(request.projectId ? { projectId: request.projectId } : {}), ...(creditCode ? { creditCode } : {}), badOnly: request.badOnly, after, limit });
      return {
        reviews: page.reviews.map((r) => ({ ...r, reviewedAt: r.reviewedAt, rectificationId: r.rectificationId ?? "" })),
        nextPageToken: encodePageToken(page.next),
      };
    },
    async listRectifications(request, ctx) {
      unwrap(requireRole(ctx.principal, "department", "liaison", "steward", "admin", "operator", "service"));
      const { limit, after } = pageRequest(request, { default: 50, max: 200 });
      const status = request.status === notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_UNSPECIFIED ? undefined : statusOf.get(request.status);
      // A department (its system or its liaisons) sees its own rectifications only.
      const own = ctx.principal.role === "department" || ctx.principal.role === "liaison" ? (ctx.principal.department ?? "-") : undefined;
      const page = await listRectifications(deps.sql, ctx.region, { ...(status ? { status } : {}), ...(own ? { departmentCode: own } : {}), after, limit });
      return { rectifications: page.rectifications.map(toRectificationMessage), nextPageToken: encodePageToken(page.next) };
    },
    async recordRectified(request, ctx) {
      unwrap(requireRole(ctx.principal, "department", "liaison", "admin"));
      const r = unwrap(await recordRectified(deps, requireId("rectification_id", request.rectificationId), request.summary, ctx.principal));
      return { rectification: toRectificationMessage(r) };
    },
    async recordCallBack(request, ctx) {
      const r = unwrap(await recordCallBack(deps, requireId("rectification_id", request.rectificationId), { satisfied: request.satisfied, note: request.note }, ctx.principal));
      return { rectification: toRectificationMessage(r) };
    },
  };
}
