package dev.billinggate.console.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} parameters, from a query string or a form body; first value wins. */
public final class Params {
  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  public static Params parse(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.putIfAbsent(name, value);
      }
    }
    return new Params(values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The value, or {@code null} when absent. */
  public String get(String name) {
    return values.get(name);
  }

  /** The trimmed value, or {@code fallback} when absent or blank. */
  public String get(String name, String fallback) {
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
