package dev.billinggate.service.s3;

import dev.billinggate.core.AwsException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range of GetObject ({@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-50}). As S3
 * does, a header it cannot read (several ranges, another unit) is ignored and the whole object sent;
 * a range that starts past the end is {@code InvalidRange} (416).
 *
 * @param first the first byte sent
 * @param last the last byte sent, inclusive
 */
record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** The range {@code header} asks of an object of {@code size} bytes; {@code null} for the whole object. */
  static ByteRange parse(String header, long size) {
    if (header == null) {
      return null;
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
      return null;
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        return suffix == 0 ? unsatisfiable(header, size) : new ByteRange(Math.max(0, size - suffix), size - 1);
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
        return null; // not a valid range: ignored, as HTTP says
      }
      return first >= size ? unsatisfiable(header, size) : new ByteRange(first, last);
    } catch (NumberFormatException e) {
      return null; // beyond a long: ignored
    }
  }

  int length() {
    return (int) (last - first + 1);
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  byte[] of(byte[] data) {
    return Arrays.copyOfRange(data, (int) first, (int) last + 1);
  }

  private static ByteRange unsatisfiable(String header, long size) {
    throw new AwsException(S3Error.INVALID_RANGE, "The requested range is not satisfiable",
        Map.of("RangeRequested", header, "ActualObjectSize", Long.toString(size)));
  }
}
