import { failedPrecondition, type AppError, type ErrorReason } from "@steward/platform/errors";

/**
 * A FAILED_PRECONDITION refusal of a routing rule, with its stable UPPER_SNAKE reason (sent as
 * google.rpc.ErrorInfo.reason) and the facts behind it (ErrorInfo.metadata). The message names the
 * rule and the dates, so a department or steward reading it knows what to do.
 */
export function ruleRefusal(reason: ErrorReason, message: string, metadata: Record<string, string> = {}): AppError {
  return failedPrecondition(message, reason, metadata);
}
