package dev.billinggate.console.web;

import dev.billinggate.console.session.ConsoleSession;
import dev.billinggate.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * One console request as the pages see it: parameters, language, the session (absent before
 * sign-in) and the path below {@code /console}.
 */
public record Exchange(HttpRequest request, String path, Params query, Params form, Messages messages,
    ConsoleSession session) {

  public static Exchange of(HttpRequest request, String path, Messages messages, ConsoleSession session) {
    String contentType = request.header("content-type");
    Params form = "POST".equals(request.method()) && contentType != null
        && contentType.startsWith("application/x-www-form-urlencoded")
        ? Params.parse(new String(request.body(), StandardCharsets.UTF_8)) : Params.parse("");
    return new Exchange(request, path, Params.parse(request.rawQuery()), form, messages, session);
  }

  public boolean post() {
    return "POST".equals(request.method());
  }

  public boolean secure() {
    return request.secure();
  }

  public String msg(String key, Object... args) {
    return messages.get(key, args);
  }
}
