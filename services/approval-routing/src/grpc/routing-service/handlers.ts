import { requireRole } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { routingV1 } from "@steward/proto";
import { findCase, submitPlan } from "../../db/routing-commands.js";
import { toCaseMessage } from "../converters.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function routingHandlers(sql: Sql): ServiceHandlers<typeof routingV1.RoutingServiceService> {
  return {
    async submitPlan(request, ctx) {
      unwrap(requireRole(ctx.principal, "service", "steward", "admin"));
      const kase = unwrap(await submitPlan(sql, ctx.region, request));
      return { case: toCaseMessage(kase) };
    },
    async getCase(request, ctx) {
      unwrap(requireRole(ctx.principal, "service", "steward", "admin", "operator"));
      if (!uuid.test(request.id)) raise(invalidArgument([{ field: "id", description: "must be a case id (UUID)" }]));
      const kase = await findCase(sql, ctx.region, request.id);
      if (!kase) raise(notFound(`case ${request.id}`));
      return { case: toCaseMessage(kase) };
    },
  };
}
