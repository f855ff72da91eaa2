import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppError, ErrorCode } from "../errors/index.js";
import defaultMessages from "./messages.zh-CN.json" with { type: "json" };

/**
 * RFC 9457 problem details. `invalid-params` carries field violations, as the RFC's example does.
 * Two extension members serve the two kinds of reader: `code`, a stable UPPER_SNAKE code for
 * machines (the error's reason, else its code), and `message`, a zh-CN sentence for people.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  message: string;
  detail?: string;
  instance?: string;
  "invalid-params"?: { name: string; reason: string }[];
}

/** zh-CN messages by reason or error code; `{fields}` and `{<metadata key>}` are filled in. */
export type ProblemMessages = Readonly<Record<string, string>>;

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

const platformMessages: ProblemMessages = defaultMessages;

/** The platform's messages with a service's on top (a service's reason wins). */
export function problemMessages(service: ProblemMessages = {}): ProblemMessages {
  return { ...platformMessages, ...service };
}

function messageFor(error: AppError, messages: ProblemMessages): string {
  const template = (error.reason ? messages[error.reason] : undefined) ?? messages[error.code] ?? platformMessages[error.code] ?? platformMessages.internal!;
  const fields = (error.violations ?? []).map((violation) => violation.field || "（请求整体）");
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name === "fields" ? [...new Set(fields)].join("、") : (error.metadata?.[name] ?? whole)));
}

export function problemFromError(error: AppError, instance?: string, messages: ProblemMessages = platformMessages): Problem {
  const problem: Problem = {
    type: `https://steward.invalid/problems/${error.code.replace(/_/g, "-")}`,
    title: titles[error.code],
    status: statusOf[error.code],
    code: error.reason ?? error.code.toUpperCase(),
    message: messageFor(error, messages),
    detail: error.message,
  };
  if (instance) problem.instance = instance;
  if (error.violations?.length) {
    problem["invalid-params"] = error.violations.map((v) => ({ name: v.field, reason: v.description }));
  }
  return problem;
}

export function problemResponse(c: Context, error: AppError): Response {
  const messages = (c.get("problemMessages") as ProblemMessages | undefined) ?? platformMessages;
  const problem = problemFromError(error, c.req.path, messages);
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  // RFC 9110 §10.2.3: a 503 says when to come back; dependencies usually return within seconds.
  if (error.code === "unavailable") headers["retry-after"] = "1";
  return c.body(JSON.stringify(problem), statusOf[error.code], headers);
}
