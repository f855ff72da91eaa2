import { createRoute, z } from "@hono/zod-openapi";
import { notFound, raise } from "@steward/platform/errors";
import { answerRequestCommand, submitRequestCommand } from "../../commands/requests.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { answerSchema, requestSubmissionSchema } from "../../domain/service-request.js";
import { findProject, searchProjects } from "../../db/projects.js";
import { findRequest, listRequests } from "../../db/requests.js";
import { caller, idParam, nextToken, pageOf, pageQuery, value, type ApiDeps, type IntakeApi } from "../api.js";
import { body, commonProblems, json, page, problem, requestSchema } from "../schemas.js";
import { requestView } from "../views.js";

const tags = ["service requests (诉求)"];

export function requestRoutes(api: IntakeApi, deps: ApiDeps): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/projects/{id}/requests",
      tags,
      summary: "Raise a service request for a project; the project's steward owns it, with a reply clock",
      request: { params: idParam, ...body(requestSubmissionSchema) },
      responses: { 201: json(requestSchema, "Received"), ...commonProblems, 404: problem("No such project (or another enterprise's)") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const request = value(await submitRequestCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor));
      return c.json(requestView(request), 201, { location: `/v1/requests/${request.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/requests",
      tags,
      summary: "Service requests: an enterprise's own, a steward's (mine=true), or the region's",
      request: { query: z.object({ projectId: z.uuid().optional(), mine: z.enum(["true", "false"]).optional(), status: z.enum(["open", "answered"]).optional(), ...pageQuery }) },
      responses: { 200: json(page(requestSchema, "ServiceRequestPage"), "A page of requests"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const query = c.req.valid("query");
      let projectIds = query.projectId ? [query.projectId] : undefined;
      if (actor.role === "enterprise") {
        const own = (await searchProjects(deps.sql, deps.region, { creditCode: actor.creditCode ?? "-", after: undefined, limit: 1000 })).projects.map((project) => project.id);
        projectIds = projectIds ? projectIds.filter((id) => own.includes(id)) : own;
      }
      const result = await listRequests(deps.sql, deps.region, { ...pageOf(query), ...(projectIds ? { projectIds } : {}), ...(query.mine === "true" ? { ownerId: actor.subject } : {}), ...(query.status ? { status: query.status } : {}) });
      return c.json({ items: result.requests.map(requestView), nextPageToken: nextToken(result.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/requests/{id}",
      tags,
      summary: "A service request",
      request: { params: idParam },
      responses: { 200: json(requestSchema, "The request"), ...commonProblems, 404: problem("Not found") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const { id } = c.req.valid("param");
      const request = await findRequest(deps.sql, deps.region, id);
      const project = request ? await findProject(deps.sql, deps.region, request.projectId) : undefined;
      if (!request || !project || !reachesEnterprise(actor, project.creditCode)) raise(notFound(`request ${id}`));
      return c.json(requestView(request), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/requests/{id}/answer",
      tags,
      summary: "The owner answers a service request",
      request: { params: idParam, ...body(answerSchema) },
      responses: { 200: json(requestSchema, "Answered"), ...commonProblems, 404: problem("Not found"), 409: problem("REQUEST_ALREADY_ANSWERED") },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin");
      return c.json(requestView(value(await answerRequestCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor))), 200);
    },
  );
}
