package dev.billinggate.store.engine;

import dev.billinggate.store.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All committed tables by name, including ones this release does not know (left untouched). */
final class Tables {
  private final Map<String, TableState> byName = new ConcurrentHashMap<>();
  private final RecordCodec codec;

  Tables(Map<String, ? extends Map<String, String>> rows, RecordCodec codec) {
    this.codec = codec;
    rows.forEach((table, encoded) -> byName.put(table, new TableState(table, encoded, codec)));
  }

  TableState get(Table<?> table) {
    return byName
        .computeIfAbsent(table.name(), name -> new TableState(name, Map.of(), codec))
        .checkType(table);
  }

  RecordCodec codec() {
    return codec;
  }
}
