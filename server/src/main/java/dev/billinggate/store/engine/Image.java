package dev.billinggate.store.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committed rows of every table at one commit point, never changed after it is built. Rows are
 * shared with the live tables (a {@link Row} is a value: commits replace rows, never change them),
 * so capturing or installing an image copies map entries, not records.
 */
final class Image {
  private final Map<String, NavigableMap<String, Row>> tables;
  private final int records;

  private Image(Map<String, NavigableMap<String, Row>> tables) {
    this.tables = Collections.unmodifiableMap(tables);
    this.records = tables.values().stream().mapToInt(Map::size).sum();
  }

  static Image of(Map<String, NavigableMap<String, Row>> live) {
    Map<String, NavigableMap<String, Row>> copy = new HashMap<>();
    live.forEach((table, rows) -> {
      if (!rows.isEmpty()) {
        copy.put(table, Collections.unmodifiableNavigableMap(new TreeMap<>(rows)));
      }
    });
    return new Image(copy);
  }

  static Image encoded(Map<String, ? extends Map<String, String>> rows) {
    Map<String, NavigableMap<String, Row>> tables = new HashMap<>();
    rows.forEach((table, encoded) -> {
      NavigableMap<String, Row> byKey = new TreeMap<>();
      encoded.forEach((key, json) -> byKey.put(key, Row.encoded(json)));
      if (!byKey.isEmpty()) {
        tables.put(table, Collections.unmodifiableNavigableMap(byKey));
      }
    });
    return new Image(tables);
  }

  Map<String, NavigableMap<String, Row>> tables() {
    return tables;
  }

  int records() {
    return records;
  }
}
