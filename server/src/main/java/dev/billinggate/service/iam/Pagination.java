package dev.billinggate.service.iam;

import dev.billinggate.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's {@code Marker}/{@code MaxItems} paging over an already sorted list. Markers are opaque: the
 * base64 of the sort key of the first item of the next page, so a page stays correct when items
 * before it are deleted between calls.
 */
public final class Pagination {
  private Pagination() {}

  public static final int DEFAULT_MAX_ITEMS = 100;

  /** One page: {@code marker} is {@code null} unless {@code truncated}. */
  public record Page<T>(List<T> items, boolean truncated, String marker) {}

  /** Tells markers issued here from arbitrary text, which AWS refuses. */
  private static final String MARKER_TAG = "m1:";

  public static <T> Page<T> page(List<T> sorted, Function<T, String> sortKey, String marker, Integer maxItems) {
    int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    if (max < 1 || max > 1000) {
      throw IamError.VALIDATION_ERROR.exception(
          "1 validation error detected: Value '%d' at 'maxItems' failed to satisfy constraint: "
              + "Member must have value %s", max, max < 1 ? "greater than or equal to 1" : "less than or equal to 1000");
    }
    int start = 0;
    if (marker != null) {
      String from = decode(marker);
      while (start < sorted.size() && sortKey.apply(sorted.get(start)).compareTo(from) < 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + max);
    boolean truncated = end < sorted.size();
    return new Page<>(List.copyOf(sorted.subList(start, end)), truncated,
        truncated ? encode(sortKey.apply(sorted.get(end))) : null);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((MARKER_TAG + key).getBytes(StandardCharsets.UTF_8));
  }

  /** A marker this code did not issue is AWS's ValidationError (recorded answers: ListVirtualMFADevices). */
  private static String decode(String marker) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidMarker();
    }
    if (!decoded.startsWith(MARKER_TAG)) {
      throw invalidMarker();
    }
    return decoded.substring(MARKER_TAG.length());
  }

  private static AwsException invalidMarker() {
    return IamError.VALIDATION_ERROR.exception("Invalid Marker.");
  }
}
