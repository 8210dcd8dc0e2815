package dev.billinggate.store;

import java.util.List;
import java.util.Optional;

/** Consistent reads. Values are shared immutable records: never mutate them. */
public interface ReadTx {
  <V> Optional<V> get(Table<V> table, String key);

  /**
   * Up to {@code limit} records whose keys start with {@code prefix} and sort after
   * {@code afterKey} ({@code null} for the start), in key order.
   */
  <V> List<Entry<V>> scan(Table<V> table, String prefix, String afterKey, int limit);

  /** Number of records whose keys start with {@code prefix}. */
  int count(Table<?> table, String prefix);

  record Entry<V>(String key, V value) {}
}
