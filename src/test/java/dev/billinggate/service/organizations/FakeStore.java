package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * Test-only stand-in for {@code store.memory.InMemoryStore} until that lands on main: sorted maps,
 * serialized writers, writes buffered and applied only when the work returns.
 */
final class FakeStore implements Store {
  private static final Object DELETED = new Object();
  private final Map<String, ConcurrentSkipListMap<String, Object>> tables = new HashMap<>();

  private synchronized NavigableMap<String, Object> table(Table<?> t) {
    return tables.computeIfAbsent(t.name(), n -> new ConcurrentSkipListMap<>());
  }

  @Override
  public <T> T read(Function<ReadTx, T> work) {
    return work.apply(new Tx(Map.of()));
  }

  @Override
  public synchronized <T> T write(Function<WriteTx, T> work) {
    Map<String, TreeMap<String, Object>> changes = new HashMap<>();
    T result = work.apply(new Tx(changes));
    changes.forEach((name, rows) -> {
      NavigableMap<String, Object> target = tables.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>());
      rows.forEach((k, v) -> {
        if (v == DELETED) {
          target.remove(k);
        } else {
          target.put(k, v);
        }
      });
    });
    return result;
  }

  @Override
  public void close() {}

  private final class Tx implements WriteTx {
    private final Map<String, TreeMap<String, Object>> changes;

    Tx(Map<String, TreeMap<String, Object>> changes) {
      this.changes = changes;
    }

    @Override
    public <V> Optional<V> get(Table<V> t, String key) {
      TreeMap<String, Object> mine = changes.get(t.name());
      Object v = mine != null && mine.containsKey(key) ? mine.get(key) : table(t).get(key);
      return v == null || v == DELETED ? Optional.empty() : Optional.of(t.type().cast(v));
    }

    @Override
    public <V> List<Entry<V>> scan(Table<V> t, String prefix, String afterKey, int limit) {
      String from = afterKey != null && afterKey.compareTo(prefix) >= 0 ? afterKey : prefix;
      boolean inclusive = afterKey == null || afterKey.compareTo(prefix) < 0;
      NavigableMap<String, Object> base = table(t).tailMap(from, inclusive);
      TreeMap<String, Object> mine = changes.getOrDefault(t.name(), new TreeMap<>());
      NavigableMap<String, Object> overlay = mine.tailMap(from, inclusive);
      List<Entry<V>> out = new ArrayList<>();
      var bi = base.entrySet().iterator();
      var oi = overlay.entrySet().iterator();
      Map.Entry<String, Object> b = bi.hasNext() ? bi.next() : null;
      Map.Entry<String, Object> o = oi.hasNext() ? oi.next() : null;
      while (out.size() < limit && (b != null || o != null)) {
        Map.Entry<String, Object> next;
        int cmp = b == null ? 1 : o == null ? -1 : b.getKey().compareTo(o.getKey());
        if (cmp < 0) {
          next = b;
          b = bi.hasNext() ? bi.next() : null;
        } else {
          next = o;
          if (cmp == 0) {
            b = bi.hasNext() ? bi.next() : null;
          }
          o = oi.hasNext() ? oi.next() : null;
        }
        if (!next.getKey().startsWith(prefix)) {
          if (next.getKey().compareTo(prefix) > 0) {
            break;
          }
          continue;
        }
        if (next.getValue() != DELETED) {
          out.add(new Entry<>(next.getKey(), t.type().cast(next.getValue())));
        }
      }
      return out;
    }

    @Override
    public int count(Table<?> t, String prefix) {
      return scan(t, prefix, null, Integer.MAX_VALUE).size();
    }

    @Override
    public <V> void put(Table<V> t, String key, V value) {
      changes.computeIfAbsent(t.name(), n -> new TreeMap<>()).put(key, value);
    }

    @Override
    public void delete(Table<?> t, String key) {
      changes.computeIfAbsent(t.name(), n -> new TreeMap<>()).put(key, DELETED);
    }
  }
}
