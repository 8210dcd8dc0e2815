package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one pagination helper of every List operation: a prefix scan that resumes after the last key
 * returned, so a page costs O(page) however large the organization is. The NextToken is the table and
 * last key, base64url-encoded: opaque to clients, and checked to belong to the listing it is presented to.
 */
final class Pages {
  /** What AWS returns when MaxResults is omitted; the model caps MaxResults at 20 too. */
  static final int DEFAULT_MAX = 20;

  private Pages() {}

  record Page<V>(List<V> items, String nextToken) {}

  static <V> Page<V> scan(ReadTx tx, Table<V> table, String prefix, String nextToken, Integer maxResults) {
    return scan(tx, table, prefix, nextToken, maxResults, v -> true);
  }

  /** Like {@link #scan(ReadTx, Table, String, String, Integer)}, keeping only values that pass {@code filter}. */
  static <V> Page<V> scan(
      ReadTx tx, Table<V> table, String prefix, String nextToken, Integer maxResults, Predicate<V> filter) {
    int max = maxResults == null ? DEFAULT_MAX : maxResults;
    if (max < 1 || max > DEFAULT_MAX) {
      throw OrganizationsError.invalidInput(max < 1 ? "MIN_VALUE_EXCEEDED" : "MAX_VALUE_EXCEEDED",
          "You provided a value that is outside the range allowed for MaxResults.");
    }
    String after = nextToken == null ? null : decode(nextToken, table, prefix);
    List<V> items = new ArrayList<>(max);
    String lastKey = after;
    while (true) {
      List<ReadTx.Entry<V>> chunk = tx.scan(table, prefix, after, max + 1);
      for (ReadTx.Entry<V> entry : chunk) {
        if (!filter.test(entry.value())) {
          after = entry.key();
          continue;
        }
        if (items.size() == max) {
          return new Page<>(items, encode(table, lastKey));
        }
        items.add(entry.value());
        lastKey = entry.key();
        after = entry.key();
      }
      if (chunk.size() <= max) {
        return new Page<>(items, null);
      }
    }
  }

  private static String encode(Table<?> table, String key) {
    String raw = table.name() + "\n" + key;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, Table<?> table, String prefix) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String expected = table.name() + "\n" + prefix;
      if (raw.startsWith(expected)) {
        return raw.substring(table.name().length() + 1);
      }
    } catch (IllegalArgumentException e) {
      // fall through: not one of our tokens
    }
    throw OrganizationsError.invalidInput("INVALID_NEXT_TOKEN", "The NextToken value is not valid.");
  }
}
