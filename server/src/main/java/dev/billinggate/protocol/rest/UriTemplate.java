package dev.billinggate.protocol.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A restJson {@code requestUri} such as {@code /v1/things/{ThingId}/items/{Key+}}: literal segments,
 * {@code {Label}} segments and one trailing greedy {@code {Label+}}. The model's literal query part
 * ({@code ?x=y}) does not take part in matching.
 */
final class UriTemplate {
  private final String method;
  private final List<String> segments;

  UriTemplate(String method, String requestUri) {
    this.method = method;
    int query = requestUri.indexOf('?');
    this.segments = split(query < 0 ? requestUri : requestUri.substring(0, query));
  }

  /** The label values when {@code method} and {@code rawPath} match, else {@code null}. */
  Map<String, String> match(String method, String rawPath) {
    if (!this.method.equals(method)) {
      return null;
    }
    List<String> actual = split(rawPath);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.endsWith("+}")) {
        if (i >= actual.size()) {
          return null;
        }
        labels.put(segment.substring(1, segment.length() - 2), decode(String.join("/", actual.subList(i, actual.size()))));
        return labels;
      }
      if (i >= actual.size()) {
        return null;
      }
      if (segment.startsWith("{")) {
        labels.put(segment.substring(1, segment.length() - 1), decode(actual.get(i)));
      } else if (!segment.equals(actual.get(i))) {
        return null;
      }
    }
    return actual.size() == segments.size() ? labels : null;
  }

  private static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /** Path labels are percent-encoded; '+' is a literal plus in a path, unlike in a form. */
  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
