/**
 * Errors are values: domain code returns a `Result`, adapters turn a failed one into a gRPC status
 * or a problem+json response. The codes mirror google.rpc codes so that mapping is one table.
 */
export type ErrorCode =
  | "invalid_argument"
  | "not_found"
  | "already_exists"
  | "failed_precondition"
  | "permission_denied"
  | "unauthenticated"
  | "resource_exhausted"
  | "unavailable"
  | "internal";

export interface FieldViolation {
  /** Dotted path of the offending field as the caller spelled it, e.g. "items[1].itemCode". */
  field: string;
  description: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  violations?: FieldViolation[];
  /**
   * A stable, documented UPPER_SNAKE_CASE reason (google.rpc.ErrorInfo.reason), e.g.
   * ITEM_STATE_CONFLICT or REQUEST_ID_REUSED, so clients branch without parsing the message.
   */
  reason?: string;
  /** Facts about the refusal for machines (google.rpc.ErrorInfo.metadata), e.g. { state: "approved" }. */
  metadata?: Record<string, string>;
}

export type Result<T, E extends AppError = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends AppError>(error: E): Result<never, E> => ({ ok: false, error });

export const invalidArgument = (violations: FieldViolation[], message?: string): AppError => ({
  code: "invalid_argument",
  message: message ?? `invalid ${violations.map((v) => v.field).join(", ")}`,
  violations,
});
export const notFound = (what: string): AppError => ({ code: "not_found", message: `${what} not found` });
export const failedPrecondition = (message: string): AppError => ({ code: "failed_precondition", message });
export const permissionDenied = (message: string): AppError => ({ code: "permission_denied", message });
export const alreadyExists = (message: string): AppError => ({ code: "already_exists", message });

/** Thrown by adapters to carry an AppError through code that only knows exceptions. */
export class AppErrorException extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = "AppErrorException";
  }
}

/** Returns the value of a successful result, or throws its error for the adapter to map. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppErrorException(result.error);
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

/** Stops an adapter with an AppError; the gRPC and HTTP layers map it to a status. */
export function raise(error: AppError): never {
  throw new AppErrorException(error);
}

export { isDependencyUnavailable, dependencyUnavailable } from "./unavailable.js";
