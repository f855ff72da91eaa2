import { createRoute, z } from "@hono/zod-openapi";
import { notFound, raise } from "@steward/platform/errors";
import { Webhook } from "standardwebhooks";
import { answerTicketCommand, linkTicketCommand, receiveHotlineMessage } from "../../commands/hotline.js";
import { ticketLinkSchema } from "../../domain/hotline-ticket.js";
import { answerSchema } from "../../domain/service-request.js";
import { findTicket, listTickets } from "../../db/hotline.js";
import { caller, idParam, nextToken, pageOf, pageQuery, value, type ApiDeps, type IntakeApi } from "../api.js";
import { body, commonProblems, json, page, problem, ticketSchema } from "../schemas.js";
import { ticketView } from "../views.js";

const tags = ["12345 hotline"];

/**
 * The 12345 link. The hotline POSTs its messages to /webhooks/hotline signed the Standard Webhooks
 * way (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 of "id.timestamp.body" with
 * the link's secret); a signature that does not verify, or a timestamp outside the tolerance
 * window (5 minutes), is refused with 401 and nothing is written; a message id seen before (a
 * retry, or a replay inside the window) is acknowledged and changes nothing.
 */
export function hotlineRoutes(api: IntakeApi, deps: ApiDeps, secret: string | undefined): void {
  const webhook = secret ? new Webhook(secret) : undefined;

  api.openapi(
    createRoute({
      method: "post",
      path: "/webhooks/hotline",
      tags,
      summary: "The 12345 hotline's signed webhook: a ticket created (linked to the project, enterprise, item or earlier complaint it names) or closed",
      security: [{ standardWebhook: [] }],
      request: {
        headers: z.object({ "webhook-id": z.string(), "webhook-timestamp": z.string(), "webhook-signature": z.string() }),
        body: { required: true, content: { "application/json": { schema: z.object({ type: z.enum(["ticket.created", "ticket.closed"]), ticket: z.record(z.string(), z.unknown()) }).openapi("HotlineMessage") } } },
      },
      responses: {
        200: json(z.object({ status: z.enum(["accepted", "duplicate"]), ticketId: z.string().nullable() }).openapi("HotlineReceipt"), "Taken (or a duplicate, acknowledged without effect)"),
        400: problem("Bad message: invalid-params names the fields; nothing is written"),
        401: problem("WEBHOOK_SIGNATURE_INVALID: bad signature or timestamp outside the window"),
        404: problem("HOTLINE_LINK_DISABLED"),
      },
    }),
    async (c) => {
      if (!webhook) raise({ code: "not_found", message: "this region has no 12345 link", reason: "HOTLINE_LINK_DISABLED" });
      const raw = await c.req.text();
      const headers = { "webhook-id": c.req.header("webhook-id") ?? "", "webhook-timestamp": c.req.header("webhook-timestamp") ?? "", "webhook-signature": c.req.header("webhook-signature") ?? "" };
      try {
        webhook.verify(raw, headers);
      } catch {
        raise({ code: "unauthenticated", message: "webhook signature or timestamp refused", reason: "WEBHOOK_SIGNATURE_INVALID" });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        raise({ code: "invalid_argument", message: "request body is not valid JSON", reason: "MALFORMED_REQUEST" });
      }
      const outcome = value(await receiveHotlineMessage(deps, headers["webhook-id"], parsed));
      return c.json(outcome.duplicate ? { status: "duplicate" as const, ticketId: null } : { status: "accepted" as const, ticketId: outcome.ticket.id }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/hotline-tickets",
      tags,
      summary: "12345 tickets of the region",
      request: { query: z.object({ projectId: z.uuid().optional(), status: z.enum(["received", "in_progress", "answered", "closed"]).optional(), ...pageQuery }) },
      responses: { 200: json(page(ticketSchema, "HotlineTicketPage"), "A page of tickets"), ...commonProblems },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin", "operator");
      const query = c.req.valid("query");
      const result = await listTickets(deps.sql, deps.region, { ...pageOf(query), ...(query.projectId ? { projectIds: [query.projectId] } : {}), ...(query.status ? { status: query.status } : {}) });
      return c.json({ items: result.tickets.map((ticket) => ticketView(ticket, actor)), nextPageToken: nextToken(result.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/hotline-tickets/{id}",
      tags,
      summary: "A 12345 ticket",
      request: { params: idParam },
      responses: { 200: json(ticketSchema, "The ticket"), ...commonProblems, 404: problem("Not found") },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin", "operator", "liaison", "department");
      const { id } = c.req.valid("param");
      const ticket = await findTicket(deps.sql, deps.region, id);
      const own = actor.role !== "liaison" && actor.role !== "department" ? true : ticket?.responsibleDepartment === actor.department;
      if (!ticket || !own) raise(notFound(`hotline ticket ${id}`));
      return c.json(ticketView(ticket, actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/hotline-tickets/{id}/link",
      tags,
      summary: "Link a ticket to a project, complaint, item or department (the hotline is told)",
      request: { params: idParam, ...body(ticketLinkSchema) },
      responses: { 200: json(ticketSchema, "Linked"), ...commonProblems, 404: problem("Not found"), 409: problem("TICKET_ALREADY_CLOSED") },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin");
      return c.json(ticketView(value(await linkTicketCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor)), actor), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/hotline-tickets/{id}/answer",
      tags,
      summary: "Answer a ticket; the answer is pushed back to the hotline (signed, retried)",
      request: { params: idParam, ...body(answerSchema) },
      responses: { 200: json(ticketSchema, "Answered"), ...commonProblems, 404: problem("Not found"), 409: problem("TICKET_ALREADY_CLOSED") },
    }),
    async (c) => {
      const actor = caller(c, "steward", "admin", "liaison", "department");
      return c.json(ticketView(value(await answerTicketCommand(deps, c.req.valid("param").id, c.req.valid("json"), actor)), actor), 200);
    },
  );
}
