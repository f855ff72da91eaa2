import type { errorsV1 } from "@steward/proto";

/**
 * Errors are values: domain code returns a `Result`, adapters turn a failed one into a gRPC status
 * or a problem+json response. The codes mirror google.rpc codes so that mapping is one table.
 */
export type ErrorCode =
  | "invalid_argument"
  | "not_found"
  | "already_exists"
  | "failed_precondition"
  /** A conflict with a concurrent request; retrying the same request may succeed. */
  | "aborted"
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
   * ITEM_STATE_CONFLICT or REQUEST_ID_REUSED, so clients branch without parsing the message. The
   * reasons are the values of steward.errors.v1.ErrorReason (proto/steward/errors/v1), where each
   * is documented: a new one is added there first. Without one, the code's default applies.
   */
  reason?: ErrorReason;
  /** Facts about the refusal for machines (google.rpc.ErrorInfo.metadata), e.g. { state: "approved" }. */
  metadata?: Record<string, string>;
}

/** The reasons of proto/steward/errors/v1/error_reason.proto, without their ERROR_REASON_ prefix. */
export type ErrorReason = Exclude<keyof typeof errorsV1.ErrorReason extends infer Name ? (Name extends `ERROR_REASON_${infer Reason}` ? Reason : never) : never, "UNSPECIFIED">;

/** google.rpc.ErrorInfo.domain of every Steward refusal. */
export const errorDomain = "steward.gov";

/** The reason a refusal carries when it names none: its code's name, as the gRPC spec spells it. */
export const defaultReasons: Record<ErrorCode, ErrorReason> = {
  invalid_argument: "INVALID_ARGUMENT",
  not_found: "NOT_FOUND",
  already_exists: "ALREADY_EXISTS",
  failed_precondition: "FAILED_PRECONDITION",
  aborted: "ABORTED",
  permission_denied: "PERMISSION_DENIED",
  unauthenticated: "UNAUTHENTICATED",
  resource_exhausted: "RESOURCE_EXHAUSTED",
  unavailable: "UNAVAILABLE",
  internal: "INTERNAL",
};

/** The reason an error carries on the wire: its own, else its code's default. */
export const reasonOf = (error: AppError): ErrorReason => error.reason ?? defaultReasons[error.code];

export type Result<T, E extends AppError = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends AppError>(error: E): Result<never, E> => ({ ok: false, error });

export const invalidArgument = (violations: FieldViolation[], message?: string): AppError => ({
  code: "invalid_argument",
  message: message ?? `invalid ${violations.map((v) => v.field).join(", ")}`,
  violations,
});
export const notFound = (what: string): AppError => ({ code: "not_found", message: `${what} not found` });

/** An AppError of `code` with a specific reason and its metadata, where given. */
const refusal = (code: ErrorCode, message: string, reason?: ErrorReason, metadata?: Record<string, string>): AppError => ({
  code,
  message,
  ...(reason ? { reason } : {}),
  ...(metadata ? { metadata } : {}),
});
export const failedPrecondition = (message: string, reason?: ErrorReason, metadata?: Record<string, string>): AppError => refusal("failed_precondition", message, reason, metadata);
export const permissionDenied = (message: string, reason?: ErrorReason, metadata?: Record<string, string>): AppError => refusal("permission_denied", message, reason, metadata);
export const alreadyExists = (message: string, reason?: ErrorReason, metadata?: Record<string, string>): AppError => refusal("already_exists", message, reason, metadata);
export const aborted = (message: string, reason?: ErrorReason, metadata?: Record<string, string>): AppError => refusal("aborted", message, reason, metadata);
export const unauthenticated = (message: string, reason?: ErrorReason): AppError => refusal("unauthenticated", message, reason);

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
