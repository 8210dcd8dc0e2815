package dev.billinggate.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.billinggate.protocol.SdkTypes;
import dev.billinggate.protocol.Timestamps;
import dev.billinggate.protocol.WireError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** Writes SDK objects and errors as AWS JSON bodies: unset members omitted, timestamps as epoch seconds. */
public final class JsonOutput {
  private JsonOutput() {}

  /** The payload members of {@code pojo} as a JSON object. */
  public static byte[] write(SdkPojo pojo) {
    return generate(generator -> structure(generator, pojo));
  }

  /**
   * AWS's JSON error body: {@code {"__type": ..., "<message key>": ..., <modeled extras>}}; the message
   * key's casing follows the error shape ({@code Message} for Organizations, {@code message} for Billing).
   * Framework errors without a message, such as {@code UnknownOperationException}, carry no message key.
   */
  public static byte[] error(WireError error) {
    return generate(generator -> {
      generator.writeStartObject();
      generator.writeStringField("__type", error.jsonType());
      if (!error.message().isEmpty()) {
        generator.writeStringField(error.messageKey(), error.message());
      }
      for (Map.Entry<String, String> field : error.fields().entrySet()) {
        generator.writeStringField(field.getKey(), field.getValue());
      }
      generator.writeEndObject();
    });
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] generate(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = JsonInput.FACTORY.createGenerator(out)) {
      body.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void structure(JsonGenerator generator, SdkPojo pojo) throws IOException {
    generator.writeStartObject();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = SdkTypes.value(field, pojo);
      if (value != null && field.location() == MarshallLocation.PAYLOAD) {
        generator.writeFieldName(field.locationName());
        value(generator, field, value);
      }
    }
    generator.writeEndObject();
  }

  private static void value(JsonGenerator generator, SdkField<?> field, Object value) throws IOException {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      structure(generator, (SdkPojo) value);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      generator.writeStartArray();
      for (Object item : (List<?>) value) {
        nullable(generator, member, item);
      }
      generator.writeEndArray();
    } else if (type == MarshallingType.MAP) {
      SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        nullable(generator, valueField, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Instant instant) {
      TimestampFormatTrait.Format format = Timestamps.format(field, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
      switch (format) {
        case ISO_8601 -> generator.writeString(Timestamps.iso8601(instant));
        case RFC_822 -> generator.writeString(Timestamps.rfc822(instant));
        default -> generator.writeNumber(Timestamps.epochSeconds(instant));
      }
    } else if (value instanceof SdkBytes bytes) {
      generator.writeString(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigDecimal decimal) {
      // String shapes the SDK types as BigDecimal (Budgets' "Amount": "100.5"): AWS sends strings.
      generator.writeString(decimal.toPlainString());
    } else {
      generator.writeString(value.toString());
    }
  }

  private static void nullable(JsonGenerator generator, SdkField<?> field, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      value(generator, field, value);
    }
  }
}
