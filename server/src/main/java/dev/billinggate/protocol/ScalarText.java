package dev.billinggate.protocol;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * A scalar member's value from its text form, the same for every protocol: awsQuery parameters,
 * restJson1 labels, query strings and headers, and the JSON members sent as strings (blobs,
 * timestamps, string-typed decimals). Each protocol turns a failure into its own error.
 */
public final class ScalarText {
  private ScalarText() {}

  /**
   * @throws IllegalArgumentException when {@code text} is not a value of {@code type}, or {@code type}
   *     is not a scalar
   */
  public static Object parse(String text, MarshallingType<?> type) {
    try {
      if (type == MarshallingType.STRING) {
        return text;
      }
      if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(text);
      }
      if (type == MarshallingType.LONG) {
        return Long.valueOf(text);
      }
      if (type == MarshallingType.DOUBLE) {
        return Double.valueOf(text);
      }
      if (type == MarshallingType.FLOAT) {
        return Float.valueOf(text);
      }
      if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(text);
      }
      if (type == MarshallingType.BOOLEAN) {
        // Boolean.valueOf would read any other text as false.
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(text);
      }
      if (type == MarshallingType.INSTANT) {
        return Timestamps.parseText(text);
      }
      if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(text));
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    throw new IllegalArgumentException("not a scalar type: " + type);
  }
}
