package dev.billinggate.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** Timestamp wire formats: the member's modeled format wins over the protocol's default. */
public final class Timestamps {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static TimestampFormatTrait.Format format(SdkField<?> field, TimestampFormatTrait.Format protocolDefault) {
    return field.getOptionalTrait(TimestampFormatTrait.class).map(TimestampFormatTrait::format).orElse(protocolDefault);
  }

  /** Epoch seconds with millisecond fraction, as AWS JSON protocols send them ({@code 1700000000.123}). */
  public static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
  }

  public static Instant fromEpochSeconds(BigDecimal seconds) {
    return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
  }

  /** ISO-8601 in UTC; whole seconds print without a fraction, as AWS prints them. */
  public static String iso8601(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  public static String rfc822(Instant instant) {
    return RFC_822.format(instant);
  }

  /** Parses a timestamp in whichever text format it arrives in; {@link java.time.DateTimeException} when none fits. */
  public static Instant parseText(String text) {
    if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) && text.indexOf('-') < 0)) {
      return fromEpochSeconds(new BigDecimal(text));
    }
    if (!text.isEmpty() && Character.isLetter(text.charAt(0))) {
      return Instant.from(RFC_822.parse(text));
    }
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
  }
}
