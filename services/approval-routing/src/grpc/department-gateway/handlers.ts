import type { Principal } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { invalidArgument, permissionDenied, raise, unwrap, type FieldViolation } from "@steward/platform/errors";
import { encodePageToken, pageRequest, type ServiceHandlers } from "@steward/platform/grpc";
import { routingV1 } from "@steward/proto";
import { listDepartmentItems } from "../../db/cases.js";
import { applyGatewayCommand, type GatewayCommand } from "../../db/routing-commands.js";
import { toItemMessage } from "../converters.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Department systems act as their department; nobody else uses the gateway. */
function departmentOf(principal: Principal): string {
  if (principal.role !== "department" || !principal.department) raise(permissionDenied("the department gateway serves department systems only"));
  return principal.department;
}

function checkMutation(itemId: string, requestId: string, extra: FieldViolation[] = []): void {
  const violations = [...extra];
  if (!uuid.test(itemId)) violations.push({ field: "item_id", description: "must be an item id (UUID)" });
  if (!/^[\w.:-]{1,128}$/.test(requestId)) violations.push({ field: "request_id", description: "must be 1-128 letters, digits or . _ : -" });
  if (violations.length > 0) raise(invalidArgument(violations));
}

export function departmentGatewayHandlers(sql: Sql): ServiceHandlers<typeof routingV1.DepartmentGatewayServiceService> {
  const command = async (region: string, principal: Principal, itemId: string, requestId: string, action: GatewayCommand["action"]) =>
    toItemMessage(unwrap(await applyGatewayCommand(sql, { region, department: departmentOf(principal), itemId, requestId, action })));

  return {
    async listAssignments(request, ctx) {
      const department = departmentOf(ctx.principal);
      const { limit, after } = pageRequest(request, { default: 100, max: 500 });
      const page = await listDepartmentItems(sql, ctx.region, department, after, limit);
      return { items: page.items.map(toItemMessage), nextPageToken: encodePageToken(page.next) };
    },
    async acceptItem(request, ctx) {
      checkMutation(request.itemId, request.requestId);
      return { item: await command(ctx.region, ctx.principal, request.itemId, request.requestId, "accept") };
    },
    async decideItem(request, ctx) {
      const decision =
        request.decision === routingV1.Decision.DECISION_APPROVE ? "approve" : request.decision === routingV1.Decision.DECISION_REJECT ? "reject" : undefined;
      const reasonNeeded = decision === "reject" && !request.reason.trim();
      checkMutation(request.itemId, request.requestId, [
        ...(decision ? [] : [{ field: "decision", description: "must be DECISION_APPROVE or DECISION_REJECT" }]),
        ...(reasonNeeded ? [{ field: "reason", description: "a rejection must give its reason" }] : []),
      ]);
      return { item: await command(ctx.region, ctx.principal, request.itemId, request.requestId, decision!) };
    },
  };
}
