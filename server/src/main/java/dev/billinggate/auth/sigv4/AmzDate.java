package dev.billinggate.auth.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** SigV4's ISO-8601 basic timestamps ({@code 20240101T000000Z}). */
final class AmzDate {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private AmzDate() {}

  /**
   * Parses by hand because this runs on every request and {@link DateTimeFormatter#parse} costs
   * more than the rest of the date handling together.
   *
   * @return the instant, or {@code null} when {@code value} is not in basic format
   */
  static Instant parse(String value) {
    if (value == null || value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
      return null;
    }
    for (int i = 0; i < 15; i++) {
      if (i != 8 && !Character.isDigit(value.charAt(i))) {
        return null;
      }
    }
    try {
      return LocalDateTime.of(
              digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8),
              digits(value, 9, 11), digits(value, 11, 13), digits(value, 13, 15))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  private static int digits(String value, int from, int to) {
    int result = 0;
    for (int i = from; i < to; i++) {
      result = result * 10 + (value.charAt(i) - '0');
    }
    return result;
  }
}
