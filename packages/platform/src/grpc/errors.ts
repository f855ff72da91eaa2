import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { Any, BadRequest, ErrorInfo, RpcStatus } from "@steward/proto";
import { errorDomain, reasonOf, type AppError, type ErrorCode } from "../errors/index.js";

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

/**
 * How much of a refusal goes into its trailers. Clients refuse trailers past their metadata limit
 * (grpc-java's default is 8 KiB for all of them; a Node client's HTTP/2 session resets the stream
 * with PROTOCOL_ERROR), and a client that cannot read the refusal sees INTERNAL instead of
 * INVALID_ARGUMENT. A plan of 200 items each with a bad field made trailers of tens of KiB. So
 * the message is cut to `maxMessageBytes` (percent-encoded it may triple), each description to
 * `maxDescriptionBytes`, and field violations are sent while the encoded details stay within
 * `maxDetailsBytes` (base64 adds a third): the first ones, in order, and ErrorInfo's metadata says
 * how many were left out (`omittedViolations`).
 */
export const refusalLimits = { maxMessageBytes: 512, maxDescriptionBytes: 256, maxDetailsBytes: 3072 } as const;

/** `text` cut to at most `maxBytes` of UTF-8, on a character boundary, marked with "…" when cut. */
function cutUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let cut = "";
  let bytes = Buffer.byteLength("…");
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    cut += character;
  }
  return `${cut}…`;
}

const errorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";
const badRequestType = "type.googleapis.com/google.rpc.BadRequest";

/**
 * An AppError as a google.rpc.Status: its code, its message and its details — google.rpc.ErrorInfo
 * (domain, stable reason, metadata) always, google.rpc.BadRequest with field violations. What a
 * refused call carries in its trailer, and what a batch call answers per entry.
 */
export function toRpcStatus(error: AppError): RpcStatus {
  const message = cutUtf8(error.message, refusalLimits.maxMessageBytes);
  const violations: { field: string; description: string; reason: string }[] = [];
  let violationBytes = 0;
  for (const violation of error.violations ?? []) {
    const bounded = { field: cutUtf8(violation.field, refusalLimits.maxDescriptionBytes), description: cutUtf8(violation.description, refusalLimits.maxDescriptionBytes), reason: "" };
    const size = BadRequest.encode({ fieldViolations: [bounded] }).finish().length;
    if (violationBytes + size > refusalLimits.maxDetailsBytes - refusalLimits.maxMessageBytes) break;
    violations.push(bounded);
    violationBytes += size;
  }
  const omitted = (error.violations?.length ?? 0) - violations.length;
  const metadata = { ...(error.metadata ?? {}), ...(omitted > 0 ? { omittedViolations: String(omitted) } : {}) };
  const info = ErrorInfo.encode({ reason: reasonOf(error), domain: errorDomain, metadata }).finish();
  const details = [Any.fromPartial({ typeUrl: errorInfoType, value: Buffer.from(info) })];
  if (violations.length > 0) {
    details.push(Any.fromPartial({ typeUrl: badRequestType, value: Buffer.from(BadRequest.encode({ fieldViolations: violations }).finish()) }));
  }
  return { code: codes[error.code], message, details };
}

/**
 * An AppError as a gRPC error. Every refusal carries google.rpc.ErrorInfo (domain, stable reason,
 * metadata) and, with field violations, google.rpc.BadRequest, in the standard
 * grpc-status-details-bin trailer, so any gRPC client (buf curl, grpcurl, Go, Java) can read them.
 */
export function toServiceError(error: AppError): Partial<ServiceError> {
  const rpcStatus = toRpcStatus(error);
  const metadata = new Metadata();
  metadata.set("grpc-status-details-bin", Buffer.from(RpcStatus.encode(rpcStatus).finish()));
  return { code: rpcStatus.code, details: rpcStatus.message, metadata };
}

/** A status's details as a client reads them: from an error's trailer, or a batch entry's google.rpc.Status. */
function detailsOf(source: { metadata?: Metadata } | RpcStatus) {
  if ("details" in source && Array.isArray(source.details)) return source.details;
  return statusDetails(source as { metadata?: Metadata });
}

function statusDetails(error: { metadata?: Metadata }) {
  const raw = error.metadata?.get("grpc-status-details-bin")[0];
  return !raw || typeof raw === "string" ? [] : RpcStatus.decode(raw).details;
}

/** The field violations a server attached to an error, for clients and tests. */
export function fieldViolationsOf(error: { metadata?: Metadata } | RpcStatus): { field: string; description: string }[] {
  return detailsOf(error)
    .filter((detail) => detail.typeUrl === badRequestType)
    .flatMap((detail) => BadRequest.decode(detail.value).fieldViolations.map((v) => ({ field: v.field, description: v.description })));
}

/** The google.rpc.ErrorInfo a server attached to an error (reason, domain, metadata), if any. */
export function errorInfoOf(error: { metadata?: Metadata } | RpcStatus): { reason: string; domain: string; metadata: Record<string, string> } | undefined {
  const detail = detailsOf(error).find((candidate) => candidate.typeUrl === errorInfoType);
  return detail ? ErrorInfo.decode(detail.value) : undefined;
}

export const grpcCodeName = (code: number): string => status[code] ?? String(code);
