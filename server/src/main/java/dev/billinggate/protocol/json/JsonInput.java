package dev.billinggate.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.protocol.ScalarText;
import dev.billinggate.protocol.SdkTypes;
import dev.billinggate.protocol.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Streams a JSON body into an SDK builder through its {@link SdkField}s. Unknown members are
 * skipped (AWS ignores them); a value of the wrong JSON type is a {@code SerializationException}
 * with Coral's wording.
 */
public final class JsonInput {
  static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonInput() {}

  /** Reads the body's top-level object into {@code builder}'s payload members; an empty body is {@code {}}. */
  public static void read(byte[] body, SdkPojo builder) {
    if (body == null || body.length == 0) {
      return;
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw serialization("Expected a JSON object as the request body.");
      }
      readObject(parser, builder);
      if (parser.nextToken() != null) {
        throw serialization("Unexpected content after the request body.");
      }
    } catch (JsonProcessingException e) {
      throw serialization("Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw serialization("Unreadable request body.");
    }
  }

  private static void readObject(JsonParser parser, SdkPojo builder) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      SdkField<?> field = SdkTypes.fieldByLocation(builder, parser.currentName());
      JsonToken token = parser.nextToken();
      if (field == null || field.location() != MarshallLocation.PAYLOAD) {
        parser.skipChildren();
      } else if (token != JsonToken.VALUE_NULL) {
        field.set(builder, value(parser, field));
      }
    }
  }

  private static Object value(JsonParser parser, SdkField<?> field) throws IOException {
    MarshallingType<?> type = field.marshallingType();
    JsonToken token = parser.currentToken();
    if (type == MarshallingType.SDK_POJO) {
      expect(token, JsonToken.START_OBJECT, "Start of structure or map found where not expected.");
      SdkPojo nested = field.constructor().get();
      readObject(parser, nested);
      return SdkTypes.build(nested);
    }
    if (type == MarshallingType.LIST) {
      expect(token, JsonToken.START_ARRAY, "Start of list found where not expected.");
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : value(parser, member));
      }
      return list;
    }
    if (type == MarshallingType.MAP) {
      expect(token, JsonToken.START_OBJECT, "Start of structure or map found where not expected.");
      SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        map.put(key, parser.nextToken() == JsonToken.VALUE_NULL ? null : value(parser, valueField));
      }
      return map;
    }
    return scalar(parser, token, type, field);
  }

  private static Object scalar(JsonParser parser, JsonToken token, MarshallingType<?> type, SdkField<?> field)
      throws IOException {
    if (type == MarshallingType.STRING) {
      expect(token, JsonToken.VALUE_STRING, token.name() + " can not be converted to a String");
      return parser.getText();
    }
    if (type == MarshallingType.BOOLEAN) {
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        throw serialization(token.name() + " can not be converted to a Boolean");
      }
      return token == JsonToken.VALUE_TRUE;
    }
    if (type == MarshallingType.INSTANT) {
      return instant(parser, token);
    }
    if (type == MarshallingType.SDK_BYTES) {
      expect(token, JsonToken.VALUE_STRING, token.name() + " can not be converted to a Blob");
      return fromText(parser, type, "Base64 encoded value expected for " + field.locationName());
    }
    if (type == MarshallingType.BIG_DECIMAL && token == JsonToken.VALUE_STRING) {
      // The SDK's BigDecimals are string shapes in the model (Budgets' NumericValue), sent as strings.
      return fromText(parser, type, "VALUE_STRING can not be converted to a number");
    }
    if (!token.isNumeric()) {
      throw serialization(token.name() + " can not be converted to a number");
    }
    if (type == MarshallingType.INTEGER) {
      return integral(parser, token, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
    }
    if (type == MarshallingType.LONG) {
      return integral(parser, token, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == MarshallingType.DOUBLE) {
      return parser.getDoubleValue();
    }
    if (type == MarshallingType.FLOAT) {
      return parser.getFloatValue();
    }
    if (type == MarshallingType.BIG_DECIMAL) {
      return parser.getDecimalValue();
    }
    throw serialization("Unsupported member type for " + field.locationName());
  }

  private static Long integral(JsonParser parser, JsonToken token, long min, long max) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw serialization("Fractional value can not be converted to an integer");
    }
    BigDecimal value = parser.getDecimalValue();
    if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw serialization("Number " + value + " is out of range");
    }
    return value.longValue();
  }

  /** Clients send epoch seconds; ISO-8601 strings are accepted too, as AWS does. */
  private static Object instant(JsonParser parser, JsonToken token) throws IOException {
    if (!token.isNumeric()) {
      expect(token, JsonToken.VALUE_STRING, token.name() + " can not be converted to a Timestamp");
      return fromText(parser, MarshallingType.INSTANT, "Invalid timestamp");
    }
    try {
      return Timestamps.fromEpochSeconds(parser.getDecimalValue());
    } catch (DateTimeException | ArithmeticException e) {
      throw serialization("Invalid timestamp");
    }
  }

  private static Object fromText(JsonParser parser, MarshallingType<?> type, String error) throws IOException {
    try {
      return ScalarText.parse(parser.getText(), type);
    } catch (IllegalArgumentException e) {
      throw serialization(error);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String message) {
    if (actual != expected) {
      throw serialization(message);
    }
  }

  static AwsException serialization(String message) {
    return CommonError.SERIALIZATION.exception(message);
  }
}
