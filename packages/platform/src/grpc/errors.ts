import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { Any, BadRequest, RpcStatus } from "@steward/proto";
import type { AppError, ErrorCode } from "../errors/index.js";

const codes: Record<ErrorCode, status> = {
  invalid_argument: status.INVALID_ARGUMENT,
  not_found: status.NOT_FOUND,
  already_exists: status.ALREADY_EXISTS,
  failed_precondition: status.FAILED_PRECONDITION,
  aborted: status.ABORTED,
  permission_denied: status.PERMISSION_DENIED,
  unauthenticated: status.UNAUTHENTICATED,
  resource_exhausted: status.RESOURCE_EXHAUSTED,
  unavailable: status.UNAVAILABLE,
  internal: status.INTERNAL,
};

const badRequestType = "type.googleapis.com/google.rpc.BadRequest";

/**
 * An AppError as a gRPC error. Field violations travel as google.rpc.BadRequest in the standard
 * grpc-status-details-bin trailer, so any gRPC client (buf curl, grpcurl, Go, Java) can read them.
 */
export function toServiceError(error: AppError): Partial<ServiceError> {
  const code = codes[error.code];
  const metadata = new Metadata();
  if (error.violations?.length) {
    const badRequest = BadRequest.encode({
      fieldViolations: error.violations.map((v) => ({ field: v.field, description: v.description, reason: "" })),
    }).finish();
    const details = RpcStatus.encode({
      code,
      message: error.message,
      details: [Any.fromPartial({ typeUrl: badRequestType, value: Buffer.from(badRequest) })],
    }).finish();
    metadata.set("grpc-status-details-bin", Buffer.from(details));
  }
  return { code, details: error.message, metadata };
}

/** The field violations a server attached to an error, for clients and tests. */
export function fieldViolationsOf(error: { metadata?: Metadata }): { field: string; description: string }[] {
  const raw = error.metadata?.get("grpc-status-details-bin")[0];
  if (!raw || typeof raw === "string") return [];
  const decoded = RpcStatus.decode(raw);
  return decoded.details
    .filter((detail) => detail.typeUrl === badRequestType)
    .flatMap((detail) => BadRequest.decode(detail.value).fieldViolations.map((v) => ({ field: v.field, description: v.description })));
}

export const grpcCodeName = (code: number): string => status[code] ?? String(code);
