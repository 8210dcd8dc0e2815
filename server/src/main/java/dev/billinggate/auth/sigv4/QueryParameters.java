package dev.billinggate.auth.sigv4;

import dev.billinggate.core.CommonError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** A raw query string decoded into names and values, in the order sent. */
final class QueryParameters {
  private QueryParameters() {}

  /** Names without {@code =} get an empty value, as the SDK's canonicalization expects. */
  static Map<String, List<String>> decode(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    try {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = SdkHttpUtils.urlDecode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : SdkHttpUtils.urlDecode(pair.substring(equals + 1));
        parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      }
    } catch (IllegalArgumentException e) {
      throw CommonError.MALFORMED_QUERY_STRING.exception("Invalid query string: %s", rawQuery);
    }
    return parameters;
  }

  static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
