package dev.billinggate.store.engine;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.store.StoreException;
import dev.billinggate.store.Table;
import dev.billinggate.store.TestRecords.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryEngineTest {
  /** A backend whose disk can fail, recording what it was asked to persist. */
  private static final class FlakySink implements CommitSink {
    final List<List<Change>> persisted = new ArrayList<>();
    boolean failing;

    @Override
    public void persist(List<Change> changes) {
      if (failing) {
        throw new StoreException("disk full");
      }
      persisted.add(changes);
    }

    @Override
    public void close() {}
  }

  record Opaque(Object payload) {}

  private static Optional<Counter> get(MemoryEngine engine, String key) {
    return engine.read(tx -> tx.get(COUNTERS, key));
  }

  @Test
  void aFailedCommitLeavesMemoryUnchanged() {
    FlakySink sink = new FlakySink();
    MemoryEngine engine = new MemoryEngine(Map.of(), sink);
    engine.write(tx -> { tx.put(COUNTERS, "a", new Counter(1)); return null; });
    sink.failing = true;

    assertThatThrownBy(
            () -> engine.write(tx -> { tx.put(COUNTERS, "a", new Counter(2)); return null; }))
        .isInstanceOf(StoreException.class);

    assertThat(get(engine, "a")).contains(new Counter(1));
  }

  @Test
  void persistsOnlyRealChangesAsJson() {
    FlakySink sink = new FlakySink();
    MemoryEngine engine = new MemoryEngine(Map.of(), sink);
    engine.write(tx -> tx.get(COUNTERS, "a"));
    engine.write(tx -> { tx.delete(COUNTERS, "never-existed"); return null; });
    engine.write(
        tx -> {
          tx.put(COUNTERS, "a", new Counter(7));
          tx.put(COUNTERS, "b", new Counter(8));
          tx.delete(COUNTERS, "b");
          return null;
        });

    assertThat(sink.persisted)
        .containsExactly(List.of(new Change(COUNTERS.name(), "a", "{\"value\":7}")));
  }

  @Test
  void decodesLoadedRowsOnFirstReadAndLeavesUnknownTablesAlone() {
    MemoryEngine engine =
        new MemoryEngine(
            Map.of(
                COUNTERS.name(), Map.of("a", "{\"value\":3}"),
                "future.table", Map.of("x", "{\"anything\":true}")),
            CommitSink.NONE);

    assertThat(get(engine, "a")).contains(new Counter(3));
  }

  @Test
  void rejectsRecordsJacksonCannotStoreAtPut() {
    MemoryEngine engine = new MemoryEngine(Map.of(), CommitSink.NONE);
    Table<Opaque> opaque = Table.of("test.opaque", Opaque.class);

    assertThatThrownBy(
            () -> engine.write(tx -> { tx.put(opaque, "k", new Opaque(new Object())); return null; }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.opaque/k");
  }
}
