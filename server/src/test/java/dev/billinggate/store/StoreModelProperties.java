package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.TestRecords.Counter;
import dev.billinggate.store.memory.InMemoryStore;
import dev.billinggate.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random transactions against both stores agree with a {@link TreeMap} model, inside the
 * transaction (own writes) and after it (committed, or rolled back when the work throws), and the
 * SQLite store reopens to the model's final state.
 */
class StoreModelProperties {

  sealed interface Op permits Put, Delete, Scan, Count {}

  record Put(String key, long value) implements Op {}

  record Delete(String key) implements Op {}

  record Scan(String prefix, String afterKey, int limit) implements Op {}

  record Count(String prefix) implements Op {}

  record Tx(List<Op> ops, boolean fails) {}

  static final class Rollback extends RuntimeException {}

  @Property(tries = 60)
  void storesAgreeWithTheModel(@ForAll("transactions") List<Tx> transactions) throws IOException {
    Path dir = Files.createTempDirectory("store-model");
    try {
      TreeMap<String, Long> model = new TreeMap<>();
      try (Store memory = new InMemoryStore();
          Store sqlite = SqliteStore.open(dir)) {
        for (Tx tx : transactions) {
          TreeMap<String, Long> next = run(memory, tx, model);
          assertThat(run(sqlite, tx, model)).isEqualTo(next);
          model = next;
          assertThat(contents(memory)).isEqualTo(model);
          assertThat(contents(sqlite)).isEqualTo(model);
        }
      }
      try (Store reopened = SqliteStore.open(dir)) {
        assertThat(contents(reopened)).isEqualTo(model);
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** Runs {@code tx}, checking every read against the model; the model after the transaction. */
  private static TreeMap<String, Long> run(Store store, Tx tx, TreeMap<String, Long> before) {
    TreeMap<String, Long> during = new TreeMap<>(before);
    try {
      store.write(
          w -> {
            for (Op op : tx.ops()) {
              apply(w, op, during);
            }
            if (tx.fails()) {
              throw new Rollback();
            }
            return null;
          });
      return during;
    } catch (Rollback expected) {
      return before;
    }
  }

  private static void apply(WriteTx tx, Op op, TreeMap<String, Long> model) {
    if (op instanceof Put p) {
      tx.put(COUNTERS, p.key(), new Counter(p.value()));
      model.put(p.key(), p.value());
    } else if (op instanceof Delete d) {
      tx.delete(COUNTERS, d.key());
      model.remove(d.key());
    } else if (op instanceof Scan s) {
      assertThat(tx.scan(COUNTERS, s.prefix(), s.afterKey(), s.limit()))
          .isEqualTo(modelScan(model, s));
    } else if (op instanceof Count c) {
      assertThat(tx.count(COUNTERS, c.prefix()))
          .isEqualTo(modelScan(model, new Scan(c.prefix(), null, Integer.MAX_VALUE)).size());
    }
  }

  private static List<ReadTx.Entry<Counter>> modelScan(TreeMap<String, Long> model, Scan s) {
    List<ReadTx.Entry<Counter>> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : model.entrySet()) {
      boolean after = s.afterKey() == null || e.getKey().compareTo(s.afterKey()) > 0;
      if (out.size() < s.limit() && after && e.getKey().startsWith(s.prefix())) {
        out.add(new ReadTx.Entry<>(e.getKey(), new Counter(e.getValue())));
      }
    }
    return out;
  }

  private static TreeMap<String, Long> contents(Store store) {
    TreeMap<String, Long> out = new TreeMap<>();
    store.read(tx -> tx.scan(COUNTERS, "", null, Integer.MAX_VALUE))
        .forEach(e -> out.put(e.key(), e.value().value()));
    return out;
  }

  @Provide
  Arbitrary<List<Tx>> transactions() {
    // Few, short keys over a small alphabet so prefixes, cursors and keys collide often.
    Arbitrary<String> key = Arbitraries.strings().withChars("ab/").ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> prefix = Arbitraries.strings().withChars("ab/").ofMaxLength(2);
    Arbitrary<Op> op =
        Arbitraries.oneOf(
            Combinators.combine(key, Arbitraries.longs().between(0, 9)).as(Put::new),
            Combinators.combine(key, Arbitraries.longs().between(0, 9)).as(Put::new),
            key.map(Delete::new),
            Combinators.combine(prefix, key.injectNull(0.3), Arbitraries.integers().between(0, 6))
                .as(Scan::new),
            prefix.map(Count::new));
    Arbitrary<Tx> tx =
        Combinators.combine(op.list().ofMaxSize(8), Arbitraries.of(false, false, false, true))
            .as(Tx::new);
    return tx.list().ofMaxSize(12);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StoreModelProperties::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
