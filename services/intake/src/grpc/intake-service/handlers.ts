import type { Sql } from "@steward/platform/db";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import { intakeV1 } from "@steward/proto";
import { findProject } from "../../db/projects.js";
import { registerProjectInTransaction } from "../../db/register.js";
import { toProjectMessage } from "./converters.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may call what is the access table's; here an enterprise is held to its own credit code. */
export function intakeHandlers(sql: Sql): ServiceHandlers<typeof intakeV1.IntakeServiceService> {
  return {
    async registerProject(request, ctx) {
      const project = unwrap(await registerProjectInTransaction(sql, request, ctx.region, ctx.principal.subject, ctx.owner.creditCode));
      return { project: toProjectMessage(project) };
    },
    async getProject(request, ctx) {
      if (!uuidPattern.test(request.id)) raise(invalidArgument([{ field: "id", description: "must be a project id (UUID)" }]));
      // Another enterprise's project is not found, exactly as a project that does not exist.
      const project = await findProject(sql, ctx.region, request.id, ctx.owner.creditCode);
      if (!project) raise(notFound(`project ${request.id}`));
      return { project: toProjectMessage(project) };
    },
  };
}
