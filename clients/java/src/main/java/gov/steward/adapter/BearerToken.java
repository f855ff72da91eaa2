package gov.steward.adapter;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.concurrent.Executor;

/**
 * Sends {@code authorization: Bearer <token>} with every call: over TLS, or in plaintext only to a
 * loopback address (the local development stack).
 */
final class BearerToken extends CallCredentials {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;
  private final boolean loopback;

  BearerToken(String token, boolean loopback) {
    this.token = token;
    this.loopback = loopback;
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    if (info.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY && !loopback) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("refusing to send the token over a plaintext connection to a non-loopback address"));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }

  /** Whether host:port names a loopback address (127.0.0.0/8, ::1 or localhost). */
  static boolean isLoopback(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
  }
}
