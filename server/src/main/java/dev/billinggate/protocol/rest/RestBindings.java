package dev.billinggate.protocol.rest;

import dev.billinggate.core.CommonError;
import dev.billinggate.protocol.ScalarText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** What both REST protocols share: members bound to query parameters, headers and path labels. */
final class RestBindings {
  private RestBindings() {}

  /** A label, header or query value as the member's type; a list arrives comma-separated. */
  static Object bound(SdkField<?> field, String text) {
    if (field.marshallingType() == MarshallingType.LIST) {
      return List.of(text.split(","));
    }
    try {
      return ScalarText.parse(text, field.marshallingType());
    } catch (IllegalArgumentException e) {
      throw CommonError.SERIALIZATION.exception("Invalid value for %s", field.locationName());
    }
  }

  /** The first value of each query parameter, decoded; a parameter without {@code =} has the value "". */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        try {
          query.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw CommonError.SERIALIZATION.exception("Invalid percent-encoding in the query string");
        }
      }
    }
    return query;
  }
}
