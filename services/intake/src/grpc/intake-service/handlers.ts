import { requireRole } from "@steward/platform/auth";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { intakeV1 } from "@steward/proto";
import { actorOf, type IntakeDeps } from "../../commands/deps.js";
import { registerProjectCommand } from "../../commands/projects.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { findProject } from "../../db/projects.js";
import { registrationInput, toProjectMessage } from "./converters.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function intakeHandlers(deps: IntakeDeps): ServiceHandlers<typeof intakeV1.IntakeServiceService> {
  return {
    async registerProject(request, ctx) {
      unwrap(requireRole(ctx.principal, "enterprise", "steward", "admin"));
      const project = unwrap(await registerProjectCommand(deps, registrationInput(request), actorOf(ctx.principal)));
      return { project: toProjectMessage(project) };
    },
    async getProject(request, ctx) {
      if (!uuidPattern.test(request.id)) raise(invalidArgument([{ field: "id", description: "must be a project id (UUID)" }]));
      const project = await findProject(deps.sql, ctx.region, request.id);
      if (!project || !reachesEnterprise(actorOf(ctx.principal), project.creditCode)) raise(notFound(`project ${request.id}`));
      return { project: toProjectMessage(project) };
    },
  };
}
