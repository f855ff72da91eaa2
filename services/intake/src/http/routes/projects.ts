import { createRoute, z } from "@hono/zod-openapi";
import { readLedger } from "@steward/platform/ledger";
import { failedPrecondition, notFound, raise } from "@steward/platform/errors";
import { caseViewOf } from "../../clients/case-view.js";
import { projectChain } from "../../commands/deps.js";
import { registerProjectCommand, updateProjectCommand } from "../../commands/projects.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { projectUpdateSchema } from "../../domain/project-commands.js";
import { projectRegistrationSchema } from "../../domain/project-registration.js";
import { projectProgress } from "../../domain/progress.js";
import { stages } from "../../domain/stage.js";
import { findProject, searchProjects } from "../../db/projects.js";
import { caller, idParam, nextToken, pageOf, pageQuery, value, type ApiDeps, type IntakeApi } from "../api.js";
import { body, commonProblems, historyEntrySchema, json, page, problem, progressSchema, projectSchema } from "../schemas.js";
import { projectView } from "../views.js";

const tags = ["projects"];

export function projectRoutes(api: IntakeApi, deps: ApiDeps): void {
  const reachable = async (id: string, actor: Parameters<typeof reachesEnterprise>[0]) => {
    const project = await findProject(deps.sql, deps.region, id);
    if (!project || !reachesEnterprise(actor, project.creditCode)) raise(notFound(`project ${id}`));
    return project;
  };

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/projects",
      tags,
      summary: "Register a key project (项目登记); its enterprise is registered with it when new",
      request: body(projectRegistrationSchema),
      responses: { 201: json(projectSchema, "Registered"), ...commonProblems, 409: problem("PROJECT_DUPLICATE (same credit code with the same investment code or name) or INVESTMENT_CODE_TAKEN") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const project = value(await registerProjectCommand(deps, c.req.valid("json"), actor));
      return c.json(projectView(project, actor), 201, { location: `/v1/projects/${project.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/projects",
      tags,
      summary: "List and search projects (an enterprise sees its own only)",
      request: {
        query: z.object({
          q: z.string().max(100).optional().openapi({ description: "Part of the project's name" }),
          investmentCode: z.string().max(40).optional(),
          creditCode: z.string().max(18).optional(),
          divisionCode: z.string().regex(/^\d{6}$/, { message: "must be a 6-digit division code" }).optional(),
          stage: z.enum(stages).optional(),
          keyProject: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
          stewardId: z.string().max(200).optional(),
          ...pageQuery,
        }),
      },
      responses: { 200: json(page(projectSchema, "ProjectPage"), "A page of projects"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const query = c.req.valid("query");
      const result = await searchProjects(deps.sql, deps.region, {
        ...pageOf(query),
        ...(query.q ? { q: query.q } : {}),
        ...(query.investmentCode ? { investmentCode: query.investmentCode } : {}),
        ...(query.divisionCode ? { divisionCode: query.divisionCode } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
        ...(query.keyProject ? { keyProject: query.keyProject === "true" } : {}),
        ...(query.stewardId ? { stewardId: query.stewardId } : {}),
        // An enterprise's search is always within its own credit code, whatever it asks for.
        ...(actor.role === "enterprise" ? { creditCode: actor.creditCode ?? "-" } : query.creditCode ? { creditCode: query.creditCode } : {}),
      });
      return c.json({ items: result.projects.map((project) => projectView(project, actor)), nextPageToken: nextToken(result.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/projects/{id}",
      tags,
      summary: "A project",
      request: { params: idParam },
      responses: { 200: json(projectSchema, "The project"), ...commonProblems, 404: problem("Not found (or another enterprise's)") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      return c.json(projectView(await reachable(c.req.valid("param").id, actor), actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/v1/projects/{id}",
      tags,
      summary: "Update a project; every change is kept in its history",
      request: { params: idParam, ...body(projectUpdateSchema) },
      responses: { 200: json(projectSchema, "Updated"), ...commonProblems, 404: problem("Not found"), 409: problem("VERSION_CONFLICT or INVESTMENT_CODE_TAKEN") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const project = value(await updateProjectCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor));
      return c.json(projectView(project, actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/projects/{id}/history",
      tags,
      summary: "The project's history in intake: registration, updates, requests, complaints and tickets, from its hash-chained ledger",
      request: { params: idParam },
      responses: { 200: json(z.object({ entries: z.array(historyEntrySchema) }).openapi("ProjectHistory"), "Oldest first"), ...commonProblems, 404: problem("Not found") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const project = await reachable(c.req.valid("param").id, actor);
      const rows = await readLedger(deps.sql, deps.region, projectChain(project.id));
      return c.json(
        {
          entries: rows.map((row) => ({ position: row.position, recordedAt: row.recordedAt, actor: row.actor, action: row.action, subject: row.subject, from: row.from, to: row.to, reason: row.reason, details: row.details as Record<string, unknown> })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/projects/{id}/progress",
      tags,
      summary: "The enterprise's view: each item's state, deadline and department, and what waits on the enterprise (补正, 容缺 materials, commitments to verify)",
      request: { params: idParam },
      responses: { 200: json(progressSchema, "The project's progress"), ...commonProblems, 404: problem("Not found"), 409: problem("CASE_NOT_YET_OPEN"), 503: problem("ROUTING_UNAVAILABLE") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const project = await reachable(c.req.valid("param").id, actor);
      if (!project.caseId) raise({ ...failedPrecondition(`project ${project.id} has no case in approval routing yet`), reason: "CASE_NOT_YET_OPEN" });
      if (!deps.routing) raise({ code: "unavailable", message: "approval routing is not configured", reason: "ROUTING_UNAVAILABLE" });
      const answer = await deps.routing.routing.getCase({ id: project.caseId }).catch(() => raise({ code: "unavailable", message: "approval routing did not answer", reason: "ROUTING_UNAVAILABLE" }));
      const progress = projectProgress(caseViewOf(answer.case!));
      return c.json(
        {
          projectId: project.id,
          caseId: progress.caseId,
          stage: progress.stage,
          items: progress.items.map((item) => ({
            itemCode: item.itemCode,
            itemName: item.itemName,
            departmentCode: item.departmentCode,
            stage: item.stage,
            state: item.state,
            mode: item.mode,
            committedDueOn: item.committedDueOn ?? null,
            dueProvisional: item.dueProvisional,
            outstandingMaterials: item.outstandingMaterials,
            supplementDueOn: item.supplementDueOn ?? null,
            verificationDueOn: item.verificationDueOn ?? null,
          })),
          waitingOnEnterprise: progress.waitingOnEnterprise.map((waiting) => ({ ...waiting, dueOn: waiting.dueOn ?? null })),
        },
        200,
      );
    },
  );
}
