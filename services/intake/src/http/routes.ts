import { requireRole } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import { readJsonBody, type AppEnv } from "@steward/platform/http";
import type { Hono } from "hono";
import { findProject } from "../db/projects.js";
import { registerProjectInTransaction } from "../db/register.js";
import { toProjectJson } from "./project-json.js";

/**
 * The enterprise-facing HTTP API of intake, the routes the contract binds to IntakeService
 * (google.api.http). The platform's app authenticates every /v1 request in `region` and admits it
 * against the request message's field rules before these handlers run.
 */
export function registerRoutes(app: Hono<AppEnv>, sql: Sql, region: string): void {
  app.post("/v1/projects", async (c) => {
    const principal = c.get("principal");
    unwrap(requireRole(principal, "enterprise", "steward", "admin"));
    const body = await readJsonBody(c);
    const project = unwrap(await registerProjectInTransaction(sql, body, region, principal.subject));
    return c.json(toProjectJson(project), 201, { location: `/v1/projects/${project.id}` });
  });

  app.get("/v1/projects/:id", async (c) => {
    const id = c.req.param("id");
    // A strict UUID shape: the looser [0-9a-f-]{36} let e.g. 36 dashes reach Postgres, whose
    // uuid cast then failed with a 500 instead of this 400.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) raise(invalidArgument([{ field: "id", description: "must be a project id (UUID)" }]));
    const project = await findProject(sql, region, id);
    if (!project) raise(notFound(`project ${id}`));
    return c.json(toProjectJson(project));
  });
}
