import { createRoute, z } from "@hono/zod-openapi";
import { notFound, raise } from "@steward/platform/errors";
import { registerEnterpriseCommand, updateEnterpriseCommand } from "../../commands/enterprises.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { enterpriseRegistrationSchema, enterpriseUpdateSchema } from "../../domain/enterprise.js";
import { findEnterprise, listEnterprises } from "../../db/enterprises.js";
import { caller, idParam, nextToken, pageOf, pageQuery, value, type ApiDeps, type IntakeApi } from "../api.js";
import { body, commonProblems, enterpriseSchema, json, page, problem } from "../schemas.js";
import { enterpriseView } from "../views.js";

const tags = ["enterprises"];

export function enterpriseRoutes(api: IntakeApi, deps: ApiDeps): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/enterprises",
      tags,
      summary: "Register an enterprise (an enterprise registers itself; stewards and admins register any)",
      request: body(enterpriseRegistrationSchema),
      responses: { 201: json(enterpriseSchema, "Registered"), ...commonProblems, 409: problem("ENTERPRISE_EXISTS: the credit code is registered") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const enterprise = value(await registerEnterpriseCommand(deps, c.req.valid("json"), actor));
      return c.json(enterpriseView(enterprise, actor), 201, { location: `/v1/enterprises/${enterprise.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/enterprises",
      tags,
      summary: "List or search enterprises (an enterprise sees itself only)",
      request: { query: z.object({ q: z.string().max(100).optional().openapi({ description: "Part of the name, or a whole credit code" }), ...pageQuery }) },
      responses: { 200: json(page(enterpriseSchema, "EnterprisePage"), "A page of enterprises"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const query = c.req.valid("query");
      const result = await listEnterprises(deps.sql, deps.region, { ...pageOf(query), ...(query.q ? { q: query.q } : {}), ...(actor.role === "enterprise" ? { creditCode: actor.creditCode ?? "-" } : {}) });
      return c.json({ items: result.enterprises.map((enterprise) => enterpriseView(enterprise, actor)), nextPageToken: nextToken(result.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/enterprises/{id}",
      tags,
      summary: "An enterprise, with its contacts (masked for roles that do not need them) and credit standing",
      request: { params: idParam },
      responses: { 200: json(enterpriseSchema, "The enterprise"), ...commonProblems, 404: problem("Not found (or another enterprise's)") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin", "operator");
      const { id } = c.req.valid("param");
      const enterprise = await findEnterprise(deps.sql, deps.region, id);
      if (!enterprise || !reachesEnterprise(actor, enterprise.creditCode)) raise(notFound(`enterprise ${id}`));
      return c.json(enterpriseView(enterprise, actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/v1/enterprises/{id}",
      tags,
      summary: "Update an enterprise (the version read is required; a stale one is refused)",
      request: { params: idParam, ...body(enterpriseUpdateSchema) },
      responses: { 200: json(enterpriseSchema, "Updated"), ...commonProblems, 404: problem("Not found"), 409: problem("VERSION_CONFLICT") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const enterprise = value(await updateEnterpriseCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor));
      return c.json(enterpriseView(enterprise, actor), 200);
    },
  );
}
