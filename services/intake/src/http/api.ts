import { OpenAPIHono, z } from "@hono/zod-openapi";
import { unwrap, type Result } from "@steward/platform/errors";
import { pageRequest, type PageRequest } from "@steward/platform/grpc";
import { pageScope, refuseInvalidInput, type AppEnv } from "@steward/platform/http";
import type { Context } from "hono";
import type { IntakeDeps } from "../commands/deps.js";
import { actorOf } from "../commands/deps.js";
import type { Actor } from "../domain/actor.js";
import type { RoutingClients } from "../clients/routing.js";

export type IntakeApi = OpenAPIHono<AppEnv>;

/** What the routes need: the commands' dependencies and, for case views, approval routing. */
export interface ApiDeps extends IntakeDeps {
  routing: Pick<RoutingClients, "routing"> | undefined;
}

/**
 * A sub-app whose typed routes refuse bad input the platform's way: 400 problem+json naming every
 * bad field (the same field rules as the domain's commands), before any handler runs.
 */
export function newApi(): IntakeApi {
  return new OpenAPIHono<AppEnv>({ defaultHook: refuseInvalidInput });
}

/**
 * The caller. The platform's access gate has already refused every role the access table does not
 * allow for the route (packages/platform/src/auth/access-table.ts); the routes scope what it reaches.
 */
export function caller(c: Context<AppEnv>): Actor {
  return actorOf(c.get("principal"));
}

export const idParam = z.object({ id: z.uuid({ error: "must be an id (UUID)" }).openapi({ param: { name: "id", in: "path" } }) });

export const pageQuery = {
  pageSize: z.coerce.number({ error: "must be a number" }).int().min(0).max(200).optional().openapi({ description: "0 or absent: 50" }),
  pageToken: z.string().max(500).optional(),
};

/**
 * The page window of a list request: opaque tokens signed by the platform, as the gRPC APIs have,
 * bound to this route, the caller and the rest of the query (a token is refused with other filters).
 */
export function pageOf(c: Context<AppEnv>, query: { pageSize?: number | undefined; pageToken?: string | undefined } & Record<string, unknown>): PageRequest {
  const { pageSize, pageToken, ...rest } = query;
  const filters = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof entry[1])));
  return pageRequest(pageScope(c), { pageSize: pageSize ?? 0, pageToken: pageToken ?? "" }, { default: 50, max: 200 }, filters, { size: "pageSize", token: "pageToken" });
}

export const value = <T>(result: Result<T>): T => unwrap(result);
