package dev.billinggate.protocol.query;

import dev.billinggate.core.CommonError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameters of an awsQuery request: the query string merged with the form body. Sorted, so
 * "is anything under {@code Tags.member.1.}" is one range lookup.
 */
final class QueryParams {
  private final NavigableMap<String, String> values = new TreeMap<>();

  static QueryParams parse(String rawQuery, byte[] body) {
    QueryParams params = new QueryParams();
    params.add(rawQuery);
    if (body != null && body.length > 0) {
      params.add(new String(body, StandardCharsets.UTF_8));
    }
    return params;
  }

  private void add(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw CommonError.MALFORMED_QUERY_STRING.exception("Invalid percent-encoding in the request: " + e.getMessage());
    }
  }

  String get(String name) {
    return values.get(name);
  }

  /** Whether any parameter name starts with {@code prefix}. */
  boolean hasPrefix(String prefix) {
    SortedMap<String, String> tail = values.tailMap(prefix, true);
    return !tail.isEmpty() && tail.firstKey().startsWith(prefix);
  }

  int size() {
    return values.size();
  }
}
