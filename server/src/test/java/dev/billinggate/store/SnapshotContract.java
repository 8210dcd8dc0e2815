package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.store.TestRecords.Counter;
import dev.billinggate.store.TestRecords.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Snapshots} semantics every backend must have; one subclass per backend. */
abstract class SnapshotContract {
  static final Instant AT = Instant.parse("2026-12-07T20:00:00Z");
  protected Store store;

  protected abstract Store newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  void put(String key) {
    store.write(tx -> {
      tx.put(USERS, key, User.named(key));
      return null;
    });
  }

  java.util.Optional<User> user(String key) {
    return store.read(tx -> tx.get(USERS, key));
  }

  java.util.Optional<Counter> counter(String key) {
    return store.read(tx -> tx.get(COUNTERS, key));
  }

  List<String> users() {
    return store.read(tx -> tx.scan(USERS, "", null, 1000)).stream().map(ReadTx.Entry::key).toList();
  }

  @Test
  void restoreBringsBackExactlyTheSavedState() {
    put("1/a");
    store.write(tx -> {
      tx.put(COUNTERS, "c", new Counter(7));
      return null;
    });
    SnapshotInfo info = store.snapshots().save("one", AT);
    assertThat(info).isEqualTo(new SnapshotInfo("one", AT, 2));

    put("1/b");
    store.write(tx -> {
      tx.delete(COUNTERS, "c");
      tx.put(COUNTERS, "d", new Counter(1));
      return null;
    });
    assertThat(store.snapshots().restore("one")).isTrue();

    assertThat(users()).containsExactly("1/a");
    assertThat(counter("c")).contains(new Counter(7));
    assertThat(counter("d")).isEmpty();
    assertThat(user("1/a")).contains(User.named("1/a"));
  }

  @Test
  void writesAfterARestoreDoNotChangeTheSnapshot() {
    put("1/a");
    store.snapshots().save("one", AT);
    store.snapshots().restore("one");
    put("1/b");
    store.snapshots().restore("one");
    assertThat(users()).containsExactly("1/a");
  }

  @Test
  void unknownSnapshotsChangeNothing() {
    put("1/a");
    assertThat(store.snapshots().restore("none")).isFalse();
    assertThat(store.snapshots().delete("none")).isFalse();
    assertThat(store.snapshots().content("none")).isEmpty();
    assertThat(users()).containsExactly("1/a");
  }

  @Test
  void listsReplacesAndDeletes() {
    put("1/a");
    store.snapshots().save("b", AT);
    store.snapshots().save("a", AT);
    put("1/b");
    store.snapshots().save("b", AT.plusSeconds(1));
    assertThat(store.snapshots().list())
        .containsExactly(new SnapshotInfo("a", AT, 1), new SnapshotInfo("b", AT.plusSeconds(1), 2));
    assertThat(store.snapshots().delete("a")).isTrue();
    assertThat(store.snapshots().list()).extracting(SnapshotInfo::name).containsExactly("b");
  }

  @Test
  void contentRoundTripsThroughPut() {
    put("1/a");
    store.snapshots().save("one", AT);
    SnapshotContent content = store.snapshots().content("one").orElseThrow();
    assertThat(content.tables().keySet()).containsExactly("test.users");
    assertThat(content.tables().get("test.users").get("1/a")).contains("\"name\":\"1/a\"");

    store.snapshots().put("copy", content);
    put("1/z");
    store.snapshots().restore("copy");
    assertThat(users()).containsExactly("1/a");
    assertThat(user("1/a")).contains(User.named("1/a"));
    assertThat(store.snapshots().content("copy")).contains(content);
  }

  @Test
  void putRefusesRecordsThatAreNotValidAndStoresNothing() {
    store.read(tx -> tx.get(USERS, "bind the type"));
    for (String json : List.of("{not json", "[1]", "{\"created\":\"yesterday\"}")) {
      SortedMap<String, SortedMap<String, String>> tables = new TreeMap<>();
      tables.put("test.users", new TreeMap<>(Map.of("1/a", json)));
      assertThatThrownBy(() -> store.snapshots().put("bad", new SnapshotContent(AT, tables)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.users/1/a");
    }
    assertThat(store.snapshots().list()).isEmpty();
  }

  @Test
  void readsDuringARestoreSeeOneStateOrTheOther() throws Exception {
    store.write(tx -> {
      for (int i = 0; i < 500; i++) {
        tx.put(USERS, "old/" + i, User.named("old"));
      }
      return null;
    });
    store.snapshots().save("old", AT);
    store.write(tx -> {
      for (int i = 0; i < 500; i++) {
        tx.delete(USERS, "old/" + i);
        tx.put(USERS, "new/" + i, User.named("new"));
      }
      return null;
    });
    store.snapshots().save("new", AT);
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        int[] counts = store.read(tx -> new int[] {tx.count(USERS, "old/"), tx.count(USERS, "new/")});
        if (!(counts[0] == 500 && counts[1] == 0) && !(counts[0] == 0 && counts[1] == 500)) {
          failures.add(counts[0] + " old, " + counts[1] + " new");
        }
      }
    });
    reader.start();
    for (int i = 0; i < 50; i++) {
      store.snapshots().restore(i % 2 == 0 ? "old" : "new");
    }
    done.set(true);
    reader.join();
    assertThat(failures).isEmpty();
  }
}
