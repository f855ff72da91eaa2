import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { reasonOf, type AppError, type ErrorCode, type ErrorReason } from "../errors/index.js";

/** RFC 9457 problem details. `invalid-params` carries field violations, as the RFC's example does. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  "invalid-params"?: { name: string; reason: string }[];
  /** The stable reason (steward.errors.v1.ErrorReason without its prefix), as gRPC's ErrorInfo carries it. */
  reason: ErrorReason;
  /** ErrorInfo's metadata: facts about the refusal, where the reason names them. */
  metadata?: Record<string, string>;
}

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 409,
  resource_exhausted: 429,
  unavailable: 503,
  internal: 500,
};

const titles: Record<ErrorCode, string> = {
  invalid_argument: "Invalid request",
  unauthenticated: "Authentication required",
  permission_denied: "Forbidden",
  not_found: "Not found",
  already_exists: "Already exists",
  failed_precondition: "Not allowed in the current state",
  resource_exhausted: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export function problemFromError(error: AppError, instance?: string): Problem {
  const problem: Problem = {
    type: `https://steward.invalid/problems/${error.code.replace(/_/g, "-")}`,
    title: titles[error.code],
    status: statusOf[error.code],
    detail: error.message,
    reason: reasonOf(error),
    ...(error.metadata ? { metadata: error.metadata } : {}),
  };
  if (instance) problem.instance = instance;
  if (error.violations?.length) {
    problem["invalid-params"] = error.violations.map((v) => ({ name: v.field, reason: v.description }));
  }
  return problem;
}

export function problemResponse(c: Context, error: AppError): Response {
  const problem = problemFromError(error, c.req.path);
  return c.body(JSON.stringify(problem), statusOf[error.code], { "content-type": "application/problem+json" });
}
