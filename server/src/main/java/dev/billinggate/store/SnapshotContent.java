package dev.billinggate.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot's records as JSON text, by table then key, both in key order so an export is stable.
 *
 * @param createdAt when the state was captured
 * @param tables JSON text of each record, by table name then key
 */
public record SnapshotContent(Instant createdAt, SortedMap<String, SortedMap<String, String>> tables) {
  public SnapshotContent {
    SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>();
    tables.forEach((table, rows) -> {
      if (!rows.isEmpty()) {
        copy.put(table, Collections.unmodifiableSortedMap(new TreeMap<>(rows)));
      }
    });
    tables = Collections.unmodifiableSortedMap(copy);
  }

  public static SnapshotContent of(Instant createdAt, Map<String, ? extends Map<String, String>> tables) {
    SortedMap<String, SortedMap<String, String>> sorted = new TreeMap<>();
    tables.forEach((table, rows) -> sorted.put(table, new TreeMap<>(rows)));
    return new SnapshotContent(createdAt, sorted);
  }

  public int records() {
    return tables.values().stream().mapToInt(Map::size).sum();
  }
}
