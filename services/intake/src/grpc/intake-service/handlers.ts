import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import type { ServiceHandlers } from "@steward/platform/grpc";
import type { intakeV1 } from "@steward/proto";
import { actorOf, type IntakeDeps } from "../../commands/deps.js";
import { registerProjectCommand } from "../../commands/projects.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { contactOf, findProject } from "../../db/projects.js";
import { registrationInput, toProjectMessage } from "./converters.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may call what is the access table's; here an enterprise is held to its own credit code. */
export function intakeHandlers(deps: IntakeDeps): ServiceHandlers<typeof intakeV1.IntakeServiceService> {
  return {
    async registerProject(request, ctx) {
      const project = unwrap(await registerProjectCommand(deps, registrationInput(request), actorOf(ctx.principal)));
      return { project: toProjectMessage(project) };
    },
    async getProject(request, ctx) {
      if (!uuidPattern.test(request.id)) raise(invalidArgument([{ field: "id", description: "must be a project id (UUID)" }]));
      const project = await findProject(deps.sql, ctx.region, request.id);
      if (!project || !reachesEnterprise(actorOf(ctx.principal), project.creditCode)) raise(notFound(`project ${request.id}`));
      return { project: toProjectMessage(project) };
    },
    async getContact(request, ctx) {
      const key = request.key;
      if (key?.$case === "projectId" && !uuidPattern.test(key.value)) raise(invalidArgument([{ field: "project_id", description: "must be a project id (UUID)" }]));
      if (key?.$case === "creditCode" && !/^[0-9A-Z]{18}$/.test(key.value)) raise(invalidArgument([{ field: "credit_code", description: "must be a unified social credit code" }]));
      if (!key) raise(invalidArgument([{ field: "key", description: "name a project_id or a credit_code" }]));
      const contact = await contactOf(deps.sql, ctx.region, key.$case === "projectId" ? { projectId: key.value } : { creditCode: key.value });
      if (!contact) raise(notFound(key.$case === "projectId" ? `project ${key.value}` : `contact of ${key.value}`));
      return { name: contact.name, phone: contact.phone };
    },
  };
}
