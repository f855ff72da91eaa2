import { createRoute, z } from "@hono/zod-openapi";
import { notFound, raise } from "@steward/platform/errors";
import { answerComplaintCommand, escalateComplaintCommand, fileComplaintCommand, subjectOf } from "../../commands/complaints.js";
import { reachesEnterprise } from "../../domain/actor.js";
import { complaintFilingSchema, escalationSchema } from "../../domain/complaint.js";
import { answerSchema } from "../../domain/service-request.js";
import { findComplaint, listComplaints } from "../../db/complaints.js";
import { findEnterpriseByCreditCode } from "../../db/enterprises.js";
import { caller, idParam, nextToken, pageOf, pageQuery, value, type ApiDeps, type IntakeApi } from "../api.js";
import { body, commonProblems, complaintSchema, json, page, problem } from "../schemas.js";
import { complaintView } from "../views.js";

const tags = ["办不成事 complaints"];

export function complaintRoutes(api: IntakeApi, deps: ApiDeps): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/complaints",
      tags,
      summary: "File a 办不成事 complaint from any channel, linked to a project or an enterprise; the department replies within 3 working days, several departments go to the approval bureau",
      request: body(complaintFilingSchema),
      responses: { 201: json(complaintSchema, "Received"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "admin");
      const complaint = value(await fileComplaintCommand(deps, c.req.valid("json"), actor));
      return c.json(complaintView(complaint, actor), 201, { location: `/v1/complaints/${complaint.id}` });
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/complaints",
      tags,
      summary: "Complaints: an enterprise's own, a department's (liaisons and department systems), or the region's",
      request: { query: z.object({ projectId: z.uuid().optional(), status: z.enum(["received", "escalated", "answered"]).optional(), ...pageQuery }) },
      responses: { 200: json(page(complaintSchema, "ComplaintPage"), "A page of complaints"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "liaison", "department", "admin", "operator");
      const query = c.req.valid("query");
      const enterprise = actor.role === "enterprise" ? await findEnterpriseByCreditCode(deps.sql, deps.region, actor.creditCode ?? "-") : undefined;
      if (actor.role === "enterprise" && !enterprise) return c.json({ items: [], nextPageToken: "" }, 200);
      const result = await listComplaints(deps.sql, deps.region, {
        ...pageOf(query),
        ...(query.projectId ? { projectIds: [query.projectId] } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(enterprise ? { enterpriseId: enterprise.id } : {}),
        ...(actor.role === "liaison" || actor.role === "department" ? { department: actor.department ?? "-" } : {}),
      });
      return c.json({ items: result.complaints.map((complaint) => complaintView(complaint, actor)), nextPageToken: nextToken(result.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/complaints/{id}",
      tags,
      summary: "A complaint",
      request: { params: idParam },
      responses: { 200: json(complaintSchema, "The complaint"), ...commonProblems, 404: problem("Not found") },
    }),
    async (c) => {
      const actor = caller(c, "enterprise", "steward", "liaison", "department", "admin", "operator");
      const { id } = c.req.valid("param");
      const complaint = await findComplaint(deps.sql, deps.region, id);
      const subject = complaint ? await subjectOf(deps.sql, deps.region, complaint) : {};
      const ownDepartment = actor.role !== "liaison" && actor.role !== "department" ? true : complaint?.departments.includes(actor.department ?? "-") || complaint?.responsibleDepartment === actor.department;
      if (!complaint || !ownDepartment || !reachesEnterprise(actor, subject.project?.creditCode ?? subject.enterprise?.creditCode)) raise(notFound(`complaint ${id}`));
      return c.json(complaintView(complaint, actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/complaints/{id}/answer",
      tags,
      summary: "The responsible department (its liaison or system) or the bureau answers; linked 12345 tickets are answered with it",
      request: { params: idParam, ...body(answerSchema) },
      responses: { 200: json(complaintSchema, "Answered"), ...commonProblems, 404: problem("Not found"), 409: problem("COMPLAINT_ALREADY_ANSWERED") },
    }),
    async (c) => {
      const actor = caller(c, "liaison", "department", "steward", "admin");
      return c.json(complaintView(value(await answerComplaintCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor)), actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/complaints/{id}/escalate",
      tags,
      summary: "Send a complaint to the approval bureau, which coordinates (a new 3-working-day clock)",
      request: { params: idParam, ...body(escalationSchema) },
      responses: { 200: json(complaintSchema, "Escalated"), ...commonProblems, 404: problem("Not found"), 409: problem("ALREADY_WITH_BUREAU or COMPLAINT_ALREADY_ANSWERED") },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin");
      return c.json(complaintView(value(await escalateComplaintCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor)), actor), 200);
    },
  );
}
