import type { AppError } from "./index.js";

/** postgres.js and Node socket codes of a connection that was lost, refused or never made. */
const connectionCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTCONN",
]);

/**
 * SQLSTATEs of a server that is going away or not taking sessions: class 08 (connection
 * exception), admin / crash shutdown, "the database system is starting up", too many connections.
 */
const unavailableSqlStates = /^(08...|57P0[123]|53300)$/;

/** nats.js errors of a connection that is down, closing or got no answer in time. */
const natsUnavailable = new Set(["ClosedConnectionError", "DrainingConnectionError", "ConnectionError", "TimeoutError", "NoResponders", "JetStreamNotEnabled"]);

/**
 * True when `error` says a dependency (Postgres, NATS) could not be reached or dropped the
 * connection, rather than refusing the work: the same call can succeed once it is back, so
 * clients get UNAVAILABLE / 503 (retryable) instead of INTERNAL. Follows `cause` chains.
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === "string" && (connectionCodes.has(code) || unavailableSqlStates.test(code))) return true;
  if (typeof name === "string" && natsUnavailable.has(name)) return true;
  // JetStream answers 503 when it has no leader or is not (yet) available.
  if (name === "JetStreamStatusError" || name === "JetStreamError") {
    if ((error as { code?: unknown }).code === 503 || /\b503\b/.test(String((error as Error).message))) return true;
  }
  return isDependencyUnavailable(cause, depth + 1);
}

/** What a caller is told when a dependency is down: retry the same request (same request id) later. */
export const dependencyUnavailable: AppError = {
  code: "unavailable",
  message: "a dependency of this service is unavailable; retry the request",
  reason: "DEPENDENCY_UNAVAILABLE",
};
