package gov.steward.adapter;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client branches on when a call fails: the status code, the stable reason of
 * google.rpc.ErrorInfo (steward.errors.v1.ErrorReason without its prefix) with its metadata, and
 * the fields google.rpc.BadRequest names, read with the standard proto-google-common-protos classes.
 */
record Refusal(Status.Code code, String reason, String domain, Map<String, String> metadata, String message, List<String> violations) {
  static Refusal of(Throwable error) {
    Status status = Status.fromThrowable(error);
    String reason = "";
    String domain = "";
    Map<String, String> metadata = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    com.google.rpc.Status details = StatusProto.fromThrowable(error);
    if (details != null) {
      for (Any detail : details.getDetailsList()) {
        try {
          if (detail.is(ErrorInfo.class)) {
            ErrorInfo info = detail.unpack(ErrorInfo.class);
            reason = info.getReason();
            domain = info.getDomain();
            metadata.putAll(info.getMetadataMap());
          } else if (detail.is(BadRequest.class)) {
            for (BadRequest.FieldViolation violation : detail.unpack(BadRequest.class).getFieldViolationsList()) {
              violations.add(violation.getField() + ": " + violation.getDescription());
            }
          }
        } catch (InvalidProtocolBufferException ignored) {
          // a detail this client cannot read: the code and message still tell what happened
        }
      }
    }
    return new Refusal(status.getCode(), reason, domain, metadata, status.getDescription() == null ? "" : status.getDescription(), violations);
  }

  /** Worth retrying: the service went away or the call could not complete; refusals will not change. */
  static boolean transient_(Throwable error) {
    return switch (Status.fromThrowable(error).getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, INTERNAL, UNKNOWN, RESOURCE_EXHAUSTED, ABORTED -> true;
      default -> false;
    };
  }

  /** e.g. "FAILED_PRECONDITION ITEM_STATE_CONFLICT (steward.gov) action=approve state=routed: cannot approve an item that is routed". */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(code.name());
    if (!reason.isEmpty()) line.append(' ').append(reason).append(" (").append(domain).append(')');
    metadata.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    line.append(": ").append(message);
    for (String violation : violations) line.append("\n  field ").append(violation);
    return line.toString();
  }
}
