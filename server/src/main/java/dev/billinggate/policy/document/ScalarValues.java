package dev.billinggate.policy.document;

/**
 * Parsing of Numeric and Date condition values without exceptions or allocation, because request
 * values are parsed on the evaluation path. Invalid input yields a sentinel.
 */
public final class ScalarValues {
  /** Returned by {@link #epochMillis} for text that is not a date. */
  public static final long INVALID_DATE = Long.MIN_VALUE;

  private ScalarValues() {}

  /** A decimal number ({@code -12}, {@code 3.5}, {@code 1e3}), or NaN. */
  public static double number(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return Double.NaN;
      }
    }
    return i == n && n <= 64 ? Double.parseDouble(s) : Double.NaN;
  }

  /**
   * Milliseconds since the epoch for the W3C profile of ISO 8601 IAM accepts ({@code 2020-01-31},
   * {@code 2020-01-31T12:00Z}, {@code 2020-01-31T12:00:00.123+02:00}; no zone means UTC) or for
   * epoch seconds ({@code 1580472000}); {@link #INVALID_DATE} otherwise.
   */
  public static long epochMillis(String s) {
    int n = s.length();
    if (n == 0) {
      return INVALID_DATE;
    }
    if (allDigits(s, 0, n)) {
      return n <= 12 ? Long.parseLong(s) * 1000L : INVALID_DATE;
    }
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !allDigits(s, 0, 4)) {
      return INVALID_DATE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return INVALID_DATE;
    }
    long millis = daysFromCivil(year, month, day) * 86_400_000L;
    if (n == 10) {
      return millis;
    }
    if (s.charAt(10) != 'T' || n < 16 || s.charAt(13) != ':') {
      return INVALID_DATE;
    }
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = 0;
    int fraction = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, i + 3);
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int kept = 0;
        // Milliseconds are the engine's resolution; finer digits are read and dropped.
        for (; i < n && isDigit(s.charAt(i)); i++) {
          if (kept < 3) {
            fraction = fraction * 10 + (s.charAt(i) - '0');
            kept++;
          }
        }
        if (kept == 0) {
          return INVALID_DATE;
        }
        for (; kept < 3; kept++) {
          fraction *= 10;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return INVALID_DATE;
    }
    millis += ((hour * 60L + minute) * 60L + second) * 1000L + fraction;
    if (i == n || (i == n - 1 && s.charAt(i) == 'Z')) {
      return millis;
    }
    char sign = s.charAt(i);
    if ((sign != '+' && sign != '-') || (n - i != 6 && n - i != 5)) {
      return INVALID_DATE;
    }
    int offH = digits(s, i + 1, i + 3);
    int offM = n - i == 6 ? (s.charAt(i + 3) == ':' ? digits(s, i + 4, i + 6) : -1) : digits(s, i + 3, i + 5);
    if (offH < 0 || offH > 18 || offM < 0 || offM > 59) {
      return INVALID_DATE;
    }
    long offset = (offH * 60L + offM) * 60_000L;
    return sign == '+' ? millis - offset : millis + offset;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number in {@code [from, to)}, or -1 when out of range or not all digits. */
  private static int digits(String s, int from, int to) {
    if (to > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  // Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01.
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
