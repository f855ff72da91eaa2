import type { Sql } from "@steward/platform/db";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import { requireRole } from "@steward/platform/auth";
import type { ServiceHandlers } from "@steward/platform/grpc";
import { intakeV1 } from "@steward/proto";
import { findProject } from "../../db/projects.js";
import { registerProjectInTransaction } from "../../db/register.js";
import { toProjectMessage } from "./converters.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function intakeHandlers(sql: Sql): ServiceHandlers<typeof intakeV1.IntakeServiceService> {
  return {
    async registerProject(request, ctx) {
      unwrap(requireRole(ctx.principal, "enterprise", "steward", "admin"));
      const project = unwrap(await registerProjectInTransaction(sql, request, ctx.region, ctx.principal.subject));
      return { project: toProjectMessage(project) };
    },
    async getProject(request, ctx) {
      if (!uuidPattern.test(request.id)) raise(invalidArgument([{ field: "id", description: "must be a project id (UUID)" }]));
      const project = await findProject(sql, ctx.region, request.id);
      if (!project) raise(notFound(`project ${request.id}`));
      return { project: toProjectMessage(project) };
    },
  };
}
