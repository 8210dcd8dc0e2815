package dev.billinggate.console.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Request cookies and the console's {@code Set-Cookie} values. Every console cookie is scoped to
 * {@code /console}, HttpOnly and SameSite=Lax (top-level links from elsewhere keep the session, while
 * cross-site POSTs carry no cookie; forms also carry a CSRF token), and Secure over TLS.
 */
public final class Cookies {
  public static final String SESSION = "bg_console_session";
  public static final String LANGUAGE = "bg_console_lang";

  private Cookies() {}

  public static Map<String, String> parse(String header) {
    Map<String, String> cookies = new HashMap<>();
    if (header == null) {
      return cookies;
    }
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        cookies.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return cookies;
  }

  /** A cookie for the browser session's lifetime (the server enforces the console session's expiry). */
  public static String set(String name, String value, boolean secure) {
    return name + "=" + value + "; Path=/console; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }

  public static String clear(String name, boolean secure) {
    return name + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }
}
