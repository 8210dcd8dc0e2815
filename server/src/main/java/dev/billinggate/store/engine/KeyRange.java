package dev.billinggate.store.engine;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/** The key window of a scan or count: keys starting with a prefix, strictly after a cursor. */
record KeyRange(String prefix, String afterKey) {
  KeyRange {
    Objects.requireNonNull(prefix, "prefix");
  }

  static KeyRange of(String prefix) {
    return new KeyRange(prefix, null);
  }

  /** Entries of {@code map} from the range's start on; callers stop at the first key outside. */
  <V> Iterable<Map.Entry<String, V>> tail(NavigableMap<String, V> map) {
    NavigableMap<String, V> tail =
        afterKey != null && afterKey.compareTo(prefix) >= 0
            ? map.tailMap(afterKey, false)
            : map.tailMap(prefix, true);
    return tail.entrySet();
  }

  /** Keys with the prefix are contiguous in the sort order, so the first miss ends the range. */
  boolean contains(String key) {
    return key.startsWith(prefix);
  }

  /** Up to {@code limit} committed records of {@code state} in this range, in key order. */
  <V> List<ReadTx.Entry<V>> scan(Table<V> table, TableState state, int limit) {
    checkLimit(limit);
    List<ReadTx.Entry<V>> out = new ArrayList<>(Math.min(limit, 128));
    for (Map.Entry<String, Row> row : tail(state.rows())) {
      if (out.size() == limit || !contains(row.getKey())) {
        break;
      }
      Object value = row.getValue().value(state, row.getKey());
      out.add(new ReadTx.Entry<>(row.getKey(), table.type().cast(value)));
    }
    return out;
  }

  int count(NavigableMap<String, ?> map) {
    int count = 0;
    for (Map.Entry<String, ?> row : tail(map)) {
      if (!contains(row.getKey())) {
        break;
      }
      count++;
    }
    return count;
  }

  static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative scan limit " + limit);
    }
  }
}
