package dev.billinggate.store.engine;

import dev.billinggate.store.Table;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** All committed tables by name, including ones this release does not know (left untouched). */
final class Tables {
  private final Map<String, TableState> byName = new ConcurrentHashMap<>();
  private final RecordCodec codec;

  Tables(Map<String, ? extends Map<String, String>> rows, RecordCodec codec) {
    this.codec = codec;
    rows.forEach((table, encoded) -> byName.put(table, new TableState(table, encoded, codec)));
  }

  private Tables(RecordCodec codec) {
    this.codec = codec;
  }

  /**
   * Live tables holding {@code image}'s rows. Record types stay bound as they were in {@code
   * previous}, since the services that bound them keep running.
   */
  static Tables of(Image image, Tables previous) {
    Tables tables = new Tables(previous.codec);
    image.tables().forEach((name, rows) ->
        tables.byName.put(name, new TableState(name, rows, previous.codec, previous.boundType(name))));
    previous.byName.forEach((name, state) -> {
      if (state.boundType() != null) {
        tables.byName.computeIfAbsent(name, n -> new TableState(n, new TreeMap<>(), previous.codec, state.boundType()));
      }
    });
    return tables;
  }

  /** The committed state now; the caller holds the engine's read lock, or is the writer. */
  Image capture() {
    Map<String, NavigableMap<String, Row>> rows = new HashMap<>();
    byName.forEach((name, state) -> rows.put(name, state.rows()));
    return Image.of(rows);
  }

  /** The record type services bound to {@code name}, or null while no service used it. */
  Class<?> boundType(String name) {
    TableState state = byName.get(name);
    return state == null ? null : state.boundType();
  }

  /** A stored record's JSON text, the form snapshots are exported in. */
  String json(String table, String key, Row row) {
    return row.json(codec, table, key);
  }

  TableState get(Table<?> table) {
    return byName
        .computeIfAbsent(table.name(), name -> new TableState(name, Map.of(), codec))
        .checkType(table);
  }

  /** A table's live rows by name, for applying another process's commit; the caller holds the write lock. */
  NavigableMap<String, Row> rows(String name) {
    return byName.computeIfAbsent(name, n -> new TableState(n, Map.of(), codec)).rows();
  }

  RecordCodec codec() {
    return codec;
  }
}
