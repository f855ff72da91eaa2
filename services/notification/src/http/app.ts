import { readFileSync } from "node:fs";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { unwrap } from "@steward/platform/errors";
import { pageRequest } from "@steward/platform/grpc";
import { pageScope, readJsonBody, refuseInvalidInput, type AppEnv } from "@steward/platform/http";
import type { Context, Hono } from "hono";
import type { NotificationDeps } from "../commands/deps.js";
import { invitationOf, submitReview } from "../commands/follow-ups.js";
import { markReadCommand } from "../commands/inbox.js";
import { countUnread, listInbox, type InboxMessage } from "../db/inbox.js";
import { inboxOwnersOf } from "../domain/recipients.js";
import type { Invitation } from "../domain/reviews.js";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }).passthrough() } } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const inboxMessage = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    template: z.string(),
    urgency: z.enum(["urgent", "prompt", "digest"]),
    subjectId: z.string(),
    eventType: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .openapi("InboxMessage");
const marked = z.object({ marked: z.number().int(), unread: z.number().int() }).openapi("MarkedRead");
const token = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a rating link").openapi({ param: { name: "token", in: "path" } }) });
const reviewInput = z.object({
  rating: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 to 5").max(5, "must be 1 to 5"),
  comment: z.string().max(1000, "must be at most 1000 characters").default(""),
});

const toView = (message: InboxMessage) => ({ ...message, urgency: message.urgency as "urgent" | "prompt" | "digest", createdAt: message.createdAt.toISOString(), readAt: message.readAt?.toISOString() ?? null });

/** The rating page's zh-CN text (templates/review-*.zh-CN.*), read once at start. */
interface ReviewPage {
  page: string;
  form: string;
  messages: Record<string, string>;
}

export function loadReviewPage(): ReviewPage {
  // Each file spelled out whole: the bundle (scripts/build) carries exactly the files named this way.
  const file = (url: URL) => readFileSync(url, "utf8");
  return {
    page: file(new URL("../../templates/review-page.zh-CN.html", import.meta.url)),
    form: file(new URL("../../templates/review-form.zh-CN.html", import.meta.url)),
    messages: JSON.parse(file(new URL("../../templates/review-messages.zh-CN.json", import.meta.url))) as Record<string, string>,
  };
}

/** The rating page's form is posted by a browser without script. */
export const reviewFormRoutes = ["POST /v1/reviews/:token"] as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * Notification's HTTP API: the in-app inbox (bearer token, checked by the platform's access gate
 * against the access table; every caller reaches its own messages) and the rating page behind the
 * tokenized link (public in the table: the link's token is the credential; HTML for a browser,
 * JSON otherwise; its form posts application/x-www-form-urlencoded, see reviewFormRoutes).
 */
export function registerNotificationHttp(app: Hono<AppEnv>, deps: NotificationDeps, reviewPage: ReviewPage): void {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: refuseInvalidInput });
  const owners = (c: Context<AppEnv>) => inboxOwnersOf(c.get("principal"));

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/inbox",
      tags: ["inbox (站内信)"],
      summary: "The caller's messages, newest first",
      request: { query: z.object({ unreadOnly: z.enum(["true", "false"]).optional(), pageSize: z.coerce.number().int().min(0).max(200).optional(), pageToken: z.string().max(500).optional() }) },
      responses: { 200: json(z.object({ messages: z.array(inboxMessage), nextPageToken: z.string() }), "A page of messages"), 400: problem("Bad input"), 401: problem("No or invalid bearer token") },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const paging = pageRequest(pageScope(c), { pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? "" }, { default: 50, max: 200 }, { unreadOnly: query.unreadOnly === "true" }, { size: "pageSize", token: "pageToken" });
      const page = await listInbox(deps.sql, deps.region, owners(c), { unreadOnly: query.unreadOnly === "true", after: paging.after, limit: paging.limit });
      return c.json({ messages: page.messages.map(toView), nextPageToken: paging.nextToken(page.next) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/v1/inbox/unread-count",
      tags: ["inbox (站内信)"],
      summary: "How many of the caller's messages are unread",
      responses: { 200: json(z.object({ unread: z.number().int() }), "The count"), 401: problem("No or invalid bearer token") },
    }),
    async (c) => c.json({ unread: await countUnread(deps.sql, deps.region, owners(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/inbox/{id}/read",
      tags: ["inbox (站内信)"],
      summary: "Marks one of the caller's messages read (another's is 404)",
      request: { params: z.object({ id: z.uuid({ error: "must be a message id (UUID)" }).openapi({ param: { name: "id", in: "path" } }) }) },
      responses: { 200: json(marked, "Marked"), 400: problem("Bad input"), 401: problem("No or invalid bearer token"), 404: problem("No such message of the caller's") },
    }),
    async (c) => c.json(unwrap(await markReadCommand(deps, c.get("principal"), { ids: [c.req.valid("param").id], all: false })), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/v1/inbox/read-all",
      tags: ["inbox (站内信)"],
      summary: "Marks every message of the caller read",
      responses: { 200: json(marked, "Marked"), 401: problem("No or invalid bearer token") },
    }),
    async (c) => c.json(unwrap(await markReadCommand(deps, c.get("principal"), { ids: [], all: true })), 200),
  );

  const describe = (invitation: Invitation) => ({
    subjectKind: invitation.subjectKind,
    projectName: invitation.projectName,
    itemCode: invitation.itemCode,
    itemName: invitation.itemCode ? (deps.names.item(invitation.itemCode) ?? invitation.itemCode) : "",
    departmentName: invitation.departmentCode ? (deps.names.department(invitation.departmentCode) ?? invitation.departmentCode) : "",
    round: invitation.round,
    expiresAt: invitation.expiresAt.toISOString(),
    reviewed: invitation.reviewedAt !== undefined,
  });
  const wantsHtml = (c: Context) => (c.req.header("accept") ?? "").includes("text/html");
  const page = (c: Context, status: 200 | 201 | 400 | 404 | 409, message: string, invitation?: Invitation, withForm = false) =>
    c.html(
      reviewPage.page
        .replace("{{form}}", withForm ? reviewPage.form : "")
        .replace("{{message}}", escape(message))
        .replace("{{expires}}", invitation ? escape(invitation.expiresAt.toISOString().slice(0, 10)) : "—"),
      status,
    );
  const invitationText = (invitation: Invitation) =>
    fill(reviewPage.messages.invitation!, {
      project: invitation.projectName,
      subject: invitation.subjectKind === "case" ? reviewPage.messages.subjectCase! : reviewPage.messages.subjectItem!,
      item: invitation.itemCode ? (deps.names.item(invitation.itemCode) ?? invitation.itemCode) : invitation.projectName,
    });

  app.get("/v1/reviews/:token", async (c) => {
    const path = token.safeParse({ token: c.req.param("token") });
    if (!path.success) refuseInvalidInput(path);
    const found = await invitationOf(deps, path.data!.token);
    if (!wantsHtml(c)) return c.json(describe(unwrap(found)), 200);
    if (!found.ok) return page(c, 404, reviewPage.messages.notFound!);
    const invitation = found.value;
    if (invitation.reviewedAt) return page(c, 200, reviewPage.messages.alreadyReviewed!, invitation);
    if (invitation.expiresAt <= deps.now()) return page(c, 200, reviewPage.messages.expired!, invitation);
    return page(c, 200, invitationText(invitation), invitation, true);
  });
  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/reviews/{token}",
    tags: ["reviews (好差评)"],
    summary: "What the rating link is for (an HTML page with the form for a browser); the token is the credential",
    request: { params: token },
    responses: {
      200: {
        description: "The invitation",
        content: {
          "application/json": { schema: z.object({ subjectKind: z.string(), projectName: z.string(), itemCode: z.string(), itemName: z.string(), departmentName: z.string(), round: z.number(), expiresAt: z.string(), reviewed: z.boolean() }) },
          "text/html": { schema: z.string() },
        },
      },
      400: problem("Not a rating link's form"),
      404: problem("Not a rating link"),
    },
  });

  app.post("/v1/reviews/:token", async (c) => {
    const form = (c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    const path = token.safeParse({ token: c.req.param("token") });
    const raw = form ? Object.fromEntries(Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value)])) : await readJsonBody(c);
    const input = reviewInput.safeParse(raw);
    if (!path.success) refuseInvalidInput(path);
    if (!input.success) refuseInvalidInput(input);
    const result = await submitReview(deps, path.data!.token, input.data!);
    if (!form) {
      const done = unwrap(result);
      return c.json({ reviewId: done.reviewId, rectification: done.rectification ? { id: done.rectification.id, dueOn: done.rectification.dueOn, departmentCode: done.rectification.departmentCode } : null }, 201);
    }
    if (!result.ok) {
      const reason = result.error.reason;
      return page(c, result.error.code === "not_found" ? 404 : 409, reason === "REVIEW_ALREADY_GIVEN" ? reviewPage.messages.alreadyReviewed! : reason === "REVIEW_LINK_EXPIRED" ? reviewPage.messages.expired! : reviewPage.messages.notFound!);
    }
    const rectification = result.value.rectification;
    return page(c, 201, rectification ? fill(reviewPage.messages.thanksBad!, { due: rectification.dueOn }) : reviewPage.messages.thanks!);
  });
  api.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/reviews/{token}",
    tags: ["reviews (好差评)"],
    summary: "Rates through the link (JSON {rating 1-5, comment}, or the page's form); a bad rating opens a rectification",
    request: { params: token, body: { content: { "application/json": { schema: reviewInput }, "application/x-www-form-urlencoded": { schema: reviewInput } } } },
    responses: {
      201: json(z.object({ reviewId: z.uuid(), rectification: z.object({ id: z.uuid(), dueOn: z.string(), departmentCode: z.string() }).nullable() }), "Recorded"),
      400: problem("Bad input"),
      404: problem("Not a rating link"),
      409: problem("Already rated, or the link expired"),
    },
  });

  app.route("/", api);
  const document = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Steward notification (通知) API", version: "1.0.0", description: "The in-app inbox (bearer token of the region) and the rating page of the tokenized review links." },
  });
  app.get("/openapi.json", (c) => c.json(document));
}
