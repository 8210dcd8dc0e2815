package dev.billinggate.bench;

import dev.billinggate.auth.sigv4.SdkSignedRequests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The wire bytes of one signed request, re-signed by the SDK's signer once {@code maxAge} has
 * passed so the server always sees a current signature without paying for signing per request.
 */
final class SignedRequestBytes {
  private static final Map<String, List<String>> FORM_HEADERS =
      Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));

  private final SdkSignedRequests signer;
  private final BenchOperation operation;
  private final String hostAndPort;
  private final long maxAgeNanos;
  private byte[] bytes;
  private long signedAt;

  SignedRequestBytes(BenchTarget target, BenchOperation operation, long maxAgeMillis) {
    this.signer = SdkSignedRequests.signer(Clock.systemUTC(), target.region(), operation.service())
        .credentials(target.accessKeyId(), target.secretAccessKey());
    this.operation = operation;
    this.hostAndPort = target.hostAndPort();
    this.maxAgeNanos = maxAgeMillis * 1_000_000;
  }

  byte[] current(long nowNanos) {
    if (bytes == null || nowNanos - signedAt > maxAgeNanos) {
      bytes = sign();
      signedAt = nowNanos;
    }
    return bytes;
  }

  private byte[] sign() {
    byte[] body = operation.body();
    SdkHttpRequest signed = signer.sign("POST", hostAndPort, "/", FORM_HEADERS, body);
    StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
    signed.forEachHeader((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }
}
