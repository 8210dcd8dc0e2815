package dev.billinggate.core.http;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, independent of the server library.
 *
 * @param method upper-case method
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when absent
 * @param headers header values by lower-case name, in arrival order
 * @param body the full body
 * @param remoteAddress the client's IP address
 * @param secure whether the request arrived over TLS
 */
public record HttpRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress,
    boolean secure) {

  /** First value of the header, or {@code null}. {@code name} must be lower-case. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
