package dev.billinggate.store.memory;

import dev.billinggate.store.Table;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed records of one table. Rows arrive from the backend as JSON and are decoded the
 * first time a {@link Table} with this name is used, because only services know record types.
 */
final class TableState {
  private final String name;
  private SortedMap<String, String> undecoded; // guarded by this; null once decoded
  private volatile Class<?> type;
  private volatile NavigableMap<String, Object> rows; // published after type

  TableState(String name, SortedMap<String, String> undecoded) {
    this.name = name;
    this.undecoded = undecoded;
  }

  /**
   * The live committed rows; callers hold the engine's read lock, or are the writer.
   *
   * @throws IllegalArgumentException if the table was first used with a different record type
   */
  NavigableMap<String, Object> rows(Table<?> table, RecordCodec codec) {
    NavigableMap<String, Object> decoded = rows;
    if (decoded == null) {
      decoded = decode(table.type(), codec);
    }
    if (type != table.type()) {
      throw new IllegalArgumentException(
          "table " + name + " holds " + type.getName() + ", not " + table.type().getName());
    }
    return decoded;
  }

  private synchronized NavigableMap<String, Object> decode(Class<?> as, RecordCodec codec) {
    if (rows != null) {
      return rows;
    }
    TreeMap<String, Object> decoded = new TreeMap<>();
    for (Map.Entry<String, String> row : undecoded.entrySet()) {
      decoded.put(row.getKey(), codec.decode(name, row.getKey(), row.getValue(), as));
    }
    undecoded = null;
    type = as;
    rows = decoded;
    return decoded;
  }
}
