package dev.billinggate.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to send, independent of the server library. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

  public HttpResponse {
    headers = Map.copyOf(headers);
  }

  public static HttpResponse of(int status, String contentType, byte[] body) {
    return new HttpResponse(status, Map.of("content-type", contentType), body);
  }

  public static HttpResponse of(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body);
  }
}
