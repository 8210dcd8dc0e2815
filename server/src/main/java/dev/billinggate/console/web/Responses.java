package dev.billinggate.console.web;

import dev.billinggate.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's HTTP answers, all with headers that keep pages out of caches and frames. */
public final class Responses {
  private Responses() {}

  public static HttpResponse html(int status, Html page) {
    return new HttpResponse(status, headers("text/html; charset=utf-8"), page.text().getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse redirect(String location) {
    Map<String, String> headers = headers("text/plain; charset=utf-8");
    headers.put("location", location);
    return new HttpResponse(303, headers, new byte[0]);
  }

  public static HttpResponse text(int status, String body) {
    return new HttpResponse(status, headers("text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResponse asset(String contentType, byte[] body) {
    Map<String, String> headers = headers(contentType);
    headers.put("cache-control", "public, max-age=3600");
    return new HttpResponse(200, headers, body);
  }

  /** Adds a {@code Set-Cookie}; several cookies travel as one value with line breaks (see NettyMessages). */
  public static HttpResponse withCookie(HttpResponse response, String cookie) {
    String existing = response.headers().get("set-cookie");
    return response.withHeader("set-cookie", existing == null ? cookie : existing + "\n" + cookie);
  }

  private static Map<String, String> headers(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", contentType);
    headers.put("cache-control", "no-store");
    headers.put("x-frame-options", "DENY");
    headers.put("x-content-type-options", "nosniff");
    headers.put("referrer-policy", "same-origin");
    // Pages are server-rendered without scripts: none may run, styles come from the console only.
    headers.put("content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    return headers;
  }
}
