package dev.billinggate.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a botocore model into plain maps, lists, strings, numbers and booleans with Jackson's
 * streaming parser, dropping {@code documentation} text (most of a model's bytes). Avoids
 * {@code ObjectMapper}, whose class initialization alone costs more than the first-request budget.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  static Map<String, Object> read(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a model must be a JSON object");
      }
      return object(parser);
    }
  }

  private static Map<String, Object> object(JsonParser parser) throws IOException {
    // Member order matters (validation messages follow it), so structures keep insertion order.
    Map<String, Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (name.equals("documentation") || name.equals("documentationUrl")) {
        parser.skipChildren();
      } else {
        object.put(name, value(parser));
      }
    }
    return object;
  }

  private static Object value(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> node, String field) {
    Object value = node.get(field);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new HashMap<>();
  }

  static List<?> list(Map<String, Object> node, String field) {
    Object value = node.get(field);
    return value instanceof List<?> list ? list : List.of();
  }

  static String text(Map<String, Object> node, String field) {
    Object value = node.get(field);
    return value == null ? null : value.toString();
  }
}
