import { OpenAPIHono, z } from "@hono/zod-openapi";
import { requireRole, type Role } from "@steward/platform/auth";
import { AppErrorException, invalidArgument, raise, unwrap, type Result } from "@steward/platform/errors";
import { pageRequest, encodePageToken, type PageCursor } from "@steward/platform/grpc";
import type { AppEnv } from "@steward/platform/http";
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
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppErrorException(invalidArgument(result.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), description: issue.message }))));
      }
    },
  });
}

/** The caller, refused unless its role is one of `roles`. */
export function caller(c: Context<AppEnv>, ...roles: Role[]): Actor {
  const principal = c.get("principal");
  unwrap(requireRole(principal, ...roles));
  return actorOf(principal);
}

export const idParam = z.object({ id: z.uuid({ error: "must be an id (UUID)" }).openapi({ param: { name: "id", in: "path" } }) });

export const pageQuery = {
  pageSize: z.coerce.number({ error: "must be a number" }).int().min(0).max(200).optional().openapi({ description: "0 or absent: 50" }),
  pageToken: z.string().max(500).optional(),
};

/** The page window of a list request (opaque tokens, as the gRPC APIs have). */
export function pageOf(query: { pageSize?: number | undefined; pageToken?: string | undefined }): { limit: number; after: PageCursor | undefined } {
  try {
    return pageRequest({ pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? "" }, { default: 50, max: 200 });
  } catch {
    return raise(invalidArgument([{ field: "pageToken", description: "is not a token this service issued" }]));
  }
}

export const nextToken = (next: PageCursor | undefined) => encodePageToken(next);

export const value = <T>(result: Result<T>): T => unwrap(result);
