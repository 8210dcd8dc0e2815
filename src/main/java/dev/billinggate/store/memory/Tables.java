package dev.billinggate.store.memory;

import dev.billinggate.store.Table;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** All committed tables by name, including ones this release does not know (left untouched). */
final class Tables {
  private final Map<String, TableState> byName = new ConcurrentHashMap<>();
  private final RecordCodec codec;

  Tables(Map<String, ? extends SortedMap<String, String>> rows, RecordCodec codec) {
    this.codec = codec;
    rows.forEach(
        (table, tableRows) -> {
          tableRows.forEach((key, json) -> codec.checkSyntax(table, key, json));
          byName.put(table, new TableState(table, tableRows));
        });
  }

  NavigableMap<String, Object> rows(Table<?> table) {
    return byName
        .computeIfAbsent(table.name(), name -> new TableState(name, new TreeMap<>()))
        .rows(table, codec);
  }

  RecordCodec codec() {
    return codec;
  }
}
