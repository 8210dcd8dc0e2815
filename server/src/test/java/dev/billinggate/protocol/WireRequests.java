package dev.billinggate.protocol;

import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Raw HTTP requests for wire-level tests. */
final class WireRequests {
  private WireRequests() {}

  static HttpRequest form(String body) {
    return new HttpRequest("POST", "/", "", Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
        body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
  }

  static HttpRequest json(String target, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("content-type", List.of("application/x-amz-json-1.1"));
    if (target != null) {
      headers.put("x-amz-target", List.of(target));
    }
    return new HttpRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
  }

  static HttpRequest rest(String method, String path, String body) {
    return new HttpRequest(method, path, "", Map.of("content-type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
  }

  static String body(dev.billinggate.core.http.HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
