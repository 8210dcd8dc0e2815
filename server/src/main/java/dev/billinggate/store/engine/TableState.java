package dev.billinggate.store.engine;

import dev.billinggate.store.Table;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committed rows of one table. The record type is bound by the first {@link Table} that uses
 * the name, because only services know record types; tables no service uses stay untouched.
 */
final class TableState {
  private final String name;
  private final RecordCodec codec;
  private final NavigableMap<String, Row> rows = new TreeMap<>();
  private volatile Class<?> type;

  TableState(String name, Map<String, String> encoded, RecordCodec codec) {
    this.name = name;
    this.codec = codec;
    encoded.forEach((key, json) -> rows.put(key, Row.encoded(json)));
  }

  TableState(String name, NavigableMap<String, Row> rows, RecordCodec codec, Class<?> type) {
    this.name = name;
    this.codec = codec;
    this.rows.putAll(rows);
    this.type = type;
  }

  Class<?> boundType() {
    return type;
  }

  /**
   * Binds the record type on first use.
   *
   * @throws IllegalArgumentException if the table was first used with a different record type
   */
  TableState checkType(Table<?> table) {
    Class<?> bound = type;
    if (bound == null) {
      synchronized (this) {
        if (type == null) {
          type = table.type();
        }
        bound = type;
      }
    }
    if (bound != table.type()) {
      throw new IllegalArgumentException(
          "table " + name + " holds " + bound.getName() + ", not " + table.type().getName());
    }
    return this;
  }

  /** The live committed rows; callers hold the engine's read lock, or are the writer. */
  NavigableMap<String, Row> rows() {
    return rows;
  }

  /** The committed record at {@code key}, or null. */
  Object get(String key) {
    Row row = rows.get(key);
    return row == null ? null : row.value(this, key);
  }

  Object decode(String key, String json) {
    return codec.decode(name, key, json, type);
  }

  /** Decodes every row now, to fail on an unreadable record before serving requests. */
  void decodeAll() {
    rows.forEach((key, row) -> row.value(this, key));
  }
}
