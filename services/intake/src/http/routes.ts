import { requireRole } from "@steward/platform/auth";
import type { Sql } from "@steward/platform/db";
import { invalidArgument, notFound, raise, unwrap } from "@steward/platform/errors";
import { authenticate, readJsonBody, type AppEnv } from "@steward/platform/http";
import type { TokenVerifier } from "@steward/platform/auth";
import type { Hono } from "hono";
import { findProject } from "../db/projects.js";
import { registerProjectInTransaction } from "../db/register.js";
import { toProjectJson } from "./project-json.js";

/** The enterprise-facing HTTP API of intake. */
export function registerRoutes(app: Hono<AppEnv>, sql: Sql, tokens: TokenVerifier, region: string): void {
  app.use("/v1/*", authenticate(tokens, region));

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
