package dev.billinggate.store.engine;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Table;
import java.util.List;
import java.util.Optional;

/** Reads of committed state; valid only while the engine's read lock is held. */
final class SnapshotReadTx implements ReadTx {
  private final Tables tables;
  private boolean open = true;

  SnapshotReadTx(Tables tables) {
    this.tables = tables;
  }

  void close() {
    open = false;
  }

  @Override
  public <V> Optional<V> get(Table<V> table, String key) {
    checkOpen();
    return Optional.ofNullable(table.type().cast(tables.get(table).get(key)));
  }

  @Override
  public <V> List<Entry<V>> scan(Table<V> table, String prefix, String afterKey, int limit) {
    checkOpen();
    return new KeyRange(prefix, afterKey).scan(table, tables.get(table), limit);
  }

  @Override
  public int count(Table<?> table, String prefix) {
    checkOpen();
    return KeyRange.of(prefix).count(tables.get(table).rows());
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("read transaction used after it ended");
    }
  }
}
