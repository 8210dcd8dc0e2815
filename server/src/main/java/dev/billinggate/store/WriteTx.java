package dev.billinggate.store;

/** Reads that see this transaction's own writes, plus writes applied atomically on commit. */
public interface WriteTx extends ReadTx {
  <V> void put(Table<V> table, String key, V value);

  void delete(Table<?> table, String key);
}
