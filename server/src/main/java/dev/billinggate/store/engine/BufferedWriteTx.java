package dev.billinggate.store.engine;

import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A write transaction: changes are buffered per table and read back over the committed rows, which
 * only this transaction's thread (the single writer) may change, so reading them needs no lock.
 */
final class BufferedWriteTx implements WriteTx {
  /**
   * A buffered put of {@code value}, with its JSON when the store keeps records (otherwise encoded
   * only if asked for), or a delete.
   */
  private record Pending(String json, Object value, boolean deleted) {
    static final Pending DELETED = new Pending(null, null, true);
  }

  private record TableChanges(Table<?> table, TreeMap<String, Pending> byKey) {}

  private final Tables tables;
  private final boolean encode;
  private final Map<String, TableChanges> changes = new LinkedHashMap<>();
  private boolean open = true;

  /** @param encode whether the records are going to a backend that keeps them (as JSON) */
  BufferedWriteTx(Tables tables, boolean encode) {
    this.tables = tables;
    this.encode = encode;
  }

  @Override
  public <V> void put(Table<V> table, String key, V value) {
    checkOpen();
    checkKey(key);
    Objects.requireNonNull(value, "value");
    if (!table.type().isInstance(value)) {
      throw new IllegalArgumentException(
          "table " + table.name() + " holds " + table.type().getName() + ", not "
              + value.getClass().getName());
    }
    // No caller-held list inside the record may change committed state later. A store that keeps
    // nothing stores an immutable copy; otherwise what a restart would read back, so the records
    // this process sees are the records it persisted.
    Optional<Object> copy = encode ? Optional.empty() : RecordCopies.immutable(value);
    if (copy.isPresent()) {
      changesOf(table).put(key, new Pending(null, copy.get(), false));
      return;
    }
    RecordCodec codec = tables.codec();
    String json = codec.encode(table.name(), key, value);
    changesOf(table).put(key, new Pending(json, codec.decode(table.name(), key, json, table.type()), false));
  }

  @Override
  public void delete(Table<?> table, String key) {
    checkOpen();
    checkKey(key);
    TreeMap<String, Pending> pending = changesOf(table);
    if (tables.get(table).rows().containsKey(key)) {
      pending.put(key, Pending.DELETED);
    } else {
      pending.remove(key);
    }
  }

  @Override
  public <V> Optional<V> get(Table<V> table, String key) {
    checkOpen();
    TableChanges buffered = changes.get(table.name());
    Pending pending = buffered == null ? null : buffered.byKey().get(key);
    Object value = pending != null ? pending.value() : tables.get(table).get(key);
    return Optional.ofNullable(table.type().cast(value));
  }

  @Override
  public <V> List<Entry<V>> scan(Table<V> table, String prefix, String afterKey, int limit) {
    checkOpen();
    KeyRange.checkLimit(limit);
    KeyRange range = new KeyRange(prefix, afterKey);
    TableChanges buffered = changes.get(table.name());
    TableState committed = tables.get(table);
    if (buffered == null) {
      return range.scan(table, committed, limit);
    }
    return mergedScan(table, range, limit, committed, buffered.byKey());
  }

  private static <V> List<Entry<V>> mergedScan(
      Table<V> table,
      KeyRange range,
      int limit,
      TableState committed,
      NavigableMap<String, Pending> pending) {
    List<Entry<V>> out = new ArrayList<>(Math.min(limit, 128));
    Iterator<Map.Entry<String, Row>> c = range.tail(committed.rows()).iterator();
    Iterator<Map.Entry<String, Pending>> p = range.tail(pending).iterator();
    Map.Entry<String, Row> nextCommitted = nextInRange(c, range);
    Map.Entry<String, Pending> nextPending = nextInRange(p, range);
    while (out.size() < limit && (nextCommitted != null || nextPending != null)) {
      int order =
          nextCommitted == null ? 1
              : nextPending == null ? -1
              : nextCommitted.getKey().compareTo(nextPending.getKey());
      if (order < 0) {
        Object value = nextCommitted.getValue().value(committed, nextCommitted.getKey());
        out.add(new Entry<>(nextCommitted.getKey(), table.type().cast(value)));
        nextCommitted = nextInRange(c, range);
        continue;
      }
      if (order == 0) {
        nextCommitted = nextInRange(c, range);
      }
      if (!nextPending.getValue().deleted()) {
        out.add(new Entry<>(nextPending.getKey(), table.type().cast(nextPending.getValue().value())));
      }
      nextPending = nextInRange(p, range);
    }
    return out;
  }

  private static <E extends Map.Entry<String, ?>> E nextInRange(Iterator<E> it, KeyRange range) {
    if (!it.hasNext()) {
      return null;
    }
    E next = it.next();
    return range.contains(next.getKey()) ? next : null;
  }

  @Override
  public int count(Table<?> table, String prefix) {
    checkOpen();
    KeyRange range = KeyRange.of(prefix);
    NavigableMap<String, Row> committed = tables.get(table).rows();
    int count = range.count(committed);
    TableChanges buffered = changes.get(table.name());
    if (buffered != null) {
      for (Map.Entry<String, Pending> change : range.tail(buffered.byKey())) {
        if (!range.contains(change.getKey())) {
          break;
        }
        boolean existed = committed.containsKey(change.getKey());
        boolean exists = !change.getValue().deleted();
        count += (exists ? 1 : 0) - (existed ? 1 : 0);
      }
    }
    return count;
  }

  /** Refuses further use: the work function has returned or thrown. */
  void end() {
    open = false;
  }

  /** Whether the transaction changed anything. */
  boolean changedAnything() {
    return changes.values().stream().anyMatch(buffered -> !buffered.byKey().isEmpty());
  }

  /** What the transaction buffered, in the form a backend persists. */
  List<Change> changes() {
    List<Change> out = new ArrayList<>();
    changes.forEach(
        (name, buffered) ->
            buffered.byKey().forEach((key, p) -> out.add(new Change(name, key, json(name, key, p)))));
    return out;
  }

  private String json(String table, String key, Pending pending) {
    return pending.deleted() || pending.json() != null ? pending.json() : tables.codec().encode(table, key, pending.value());
  }

  /** Makes the buffered changes committed state; the caller holds the engine's write lock. */
  void apply() {
    for (TableChanges buffered : changes.values()) {
      NavigableMap<String, Row> committed = tables.get(buffered.table()).rows();
      buffered.byKey().forEach(
          (key, p) -> {
            if (p.deleted()) {
              committed.remove(key);
            } else {
              committed.put(key, Row.decoded(p.value()));
            }
          });
    }
  }

  private TreeMap<String, Pending> changesOf(Table<?> table) {
    tables.get(table); // rejects a table name reused with another record type
    return changes.computeIfAbsent(table.name(), n -> new TableChanges(table, new TreeMap<>()))
        .byKey();
  }

  private static void checkKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("write transaction used after it ended");
    }
  }
}
