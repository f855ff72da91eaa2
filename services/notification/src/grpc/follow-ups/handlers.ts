import { invalidArgument, raise, unwrap } from "@steward/platform/errors";
import { pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
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
      const paging = pageRequest(ctx, request, { default: 50, max: 200 }, { projectId: request.projectId, badOnly: request.badOnly });
      // Under the enterprise scope: the reviews of the caller's own projects only.
      const creditCode = ctx.owner.creditCode;
      const page = await listReviews(deps.sql, ctx.region, { ...(request.projectId ? { projectId: request.projectId } : {}), ...(creditCode ? { creditCode } : {}), badOnly: request.badOnly, after: paging.after, limit: paging.limit });
      return {
        reviews: page.reviews.map((r) => ({ ...r, reviewedAt: r.reviewedAt, rectificationId: r.rectificationId ?? "" })),
        nextPageToken: paging.nextToken(page.next),
      };
    },
    async listRectifications(request, ctx) {
      const status = request.status === notificationFollowUpV1.RectificationStatus.RECTIFICATION_STATUS_UNSPECIFIED ? undefined : statusOf.get(request.status);
      const paging = pageRequest(ctx, request, { default: 50, max: 200 }, { status: status ?? "" });
      // Under the department scope (its system or its liaisons): its own rectifications only.
      const own = ctx.owner.department;
      const page = await listRectifications(deps.sql, ctx.region, { ...(status ? { status } : {}), ...(own ? { departmentCode: own } : {}), after: paging.after, limit: paging.limit });
      return { rectifications: page.rectifications.map(toRectificationMessage), nextPageToken: paging.nextToken(page.next) };
    },
    async recordRectified(request, ctx) {
      const r = unwrap(await recordRectified(deps, requireId("rectification_id", request.rectificationId), request.summary, ctx.principal));
      return { rectification: toRectificationMessage(r) };
    },
    async recordCallBack(request, ctx) {
      const r = unwrap(await recordCallBack(deps, requireId("rectification_id", request.rectificationId), { satisfied: request.satisfied, note: request.note }, ctx.principal));
      return { rectification: toRectificationMessage(r) };
    },
  };
}
