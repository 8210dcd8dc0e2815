package dev.billinggate.service.iam;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Test-only in-memory store until {@code store.memory.InMemoryStore} lands in main: sorted maps per
 * table, a write works on a copy and replaces the state only when it returns.
 */
public final class TestStore implements Store {
  private Map<String, TreeMap<String, Object>> state = new HashMap<>();

  @Override
  public synchronized <T> T read(Function<ReadTx, T> work) {
    return work.apply(new Tx(state));
  }

  @Override
  public synchronized <T> T write(Function<WriteTx, T> work) {
    Map<String, TreeMap<String, Object>> copy = new HashMap<>();
    state.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    T result = work.apply(new Tx(copy));
    state = copy;
    return result;
  }

  @Override
  public void close() {}

  private record Tx(Map<String, TreeMap<String, Object>> tables) implements WriteTx {
    private TreeMap<String, Object> table(Table<?> table) {
      return tables.computeIfAbsent(table.name(), k -> new TreeMap<>());
    }

    @Override
    public <V> Optional<V> get(Table<V> table, String key) {
      return Optional.ofNullable(table.type().cast(table(table).get(key)));
    }

    @Override
    public <V> List<Entry<V>> scan(Table<V> table, String prefix, String afterKey, int limit) {
      List<Entry<V>> out = new ArrayList<>();
      for (var e : table(table).tailMap(afterKey == null ? prefix : afterKey, afterKey == null).entrySet()) {
        if (!e.getKey().startsWith(prefix) || out.size() >= limit) {
          break;
        }
        out.add(new Entry<>(e.getKey(), table.type().cast(e.getValue())));
      }
      return out;
    }

    @Override
    public int count(Table<?> table, String prefix) {
      return scan(table, prefix, null, Integer.MAX_VALUE).size();
    }

    @Override
    public <V> void put(Table<V> table, String key, V value) {
      table(table).put(key, value);
    }

    @Override
    public void delete(Table<?> table, String key) {
      table(table).remove(key);
    }
  }
}
