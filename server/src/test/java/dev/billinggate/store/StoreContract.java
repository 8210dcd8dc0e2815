package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.COUNTERS;
import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.store.TestRecords.Counter;
import dev.billinggate.store.TestRecords.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Store} semantics every backend must have; one subclass per backend. */
abstract class StoreContract {
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

  private void putAll(String... keys) {
    store.write(
        tx -> {
          for (String key : keys) {
            tx.put(USERS, key, User.named(key));
          }
          return null;
        });
  }

  private List<String> keys(List<ReadTx.Entry<User>> entries) {
    return entries.stream().map(ReadTx.Entry::key).toList();
  }

  private List<String> scanKeys(String prefix, String afterKey, int limit) {
    return keys(store.read(tx -> tx.scan(USERS, prefix, afterKey, limit)));
  }

  private Optional<User> get(String key) {
    return store.read(tx -> tx.get(USERS, key));
  }

  private int count(Table<?> table, String prefix) {
    return store.read(tx -> tx.count(table, prefix));
  }

  @Test
  void roundTripsNestedRecordsCollectionsAndInstants() {
    User alice = User.named("alice");
    store.write(tx -> { tx.put(USERS, "111/alice", alice); return null; });

    assertThat(get("111/alice")).contains(alice);
    assertThat(get("111/bob")).isEmpty();
  }

  @Test
  void scansInKeyOrderWithinPrefixAfterCursorUpToLimit() {
    putAll("222/a", "111/c", "111/a", "111/b", "1110/x", "111/d");

    assertThat(scanKeys("111/", null, 10))
        .containsExactly("111/a", "111/b", "111/c", "111/d");
    assertThat(scanKeys("111/", "111/b", 10))
        .containsExactly("111/c", "111/d");
    assertThat(scanKeys("111/", "000", 2))
        .containsExactly("111/a", "111/b");
    assertThat(scanKeys("111/", "111/d", 10)).isEmpty();
    assertThat(scanKeys("", null, 100)).hasSize(6);
    assertThat(scanKeys("111/", null, 0)).isEmpty();
  }

  @Test
  void countsByPrefix() {
    putAll("111/a", "111/b", "1110/x", "222/a");

    assertThat(count(USERS, "111/")).isEqualTo(2);
    assertThat(count(USERS, "111")).isEqualTo(3);
    assertThat(count(USERS, "")).isEqualTo(4);
    assertThat(count(COUNTERS, "")).isZero();
  }

  @Test
  void writeSeesItsOwnPutsAndDeletesInGetScanAndCount() {
    putAll("111/a", "111/c", "111/e");

    store.write(
        tx -> {
          tx.put(USERS, "111/b", User.named("b"));
          tx.delete(USERS, "111/c");
          tx.put(USERS, "111/e", User.named("e2"));
          tx.put(USERS, "111/f", User.named("f"));
          tx.delete(USERS, "111/f");
          tx.delete(USERS, "111/zz");

          assertThat(tx.get(USERS, "111/c")).isEmpty();
          assertThat(tx.get(USERS, "111/e").map(User::name)).contains("e2");
          assertThat(keys(tx.scan(USERS, "111/", null, 10)))
              .containsExactly("111/a", "111/b", "111/e");
          assertThat(keys(tx.scan(USERS, "111/", "111/a", 1))).containsExactly("111/b");
          assertThat(tx.count(USERS, "111/")).isEqualTo(3);
          return null;
        });

    assertThat(scanKeys("111/", null, 10))
        .containsExactly("111/a", "111/b", "111/e");
  }

  @Test
  void workThatThrowsKeepsNothingAndPropagatesTheSameException() {
    putAll("111/a");
    IllegalStateException thrown = new IllegalStateException("EntityAlreadyExists");

    assertThatThrownBy(
            () ->
                store.write(
                    tx -> {
                      tx.put(USERS, "111/b", User.named("b"));
                      tx.delete(USERS, "111/a");
                      throw thrown;
                    }))
        .isSameAs(thrown);

    assertThat(scanKeys("", null, 10)).containsExactly("111/a");
  }

  @Test
  void readsDoNotSeeAWriteBeforeItCommits() {
    store.write(
        tx -> {
          tx.put(USERS, "111/a", User.named("a"));
          assertThat(get("111/a")).isEmpty();
          return null;
        });
    assertThat(get("111/a")).isPresent();
  }

  @Test
  void returnsTheWorkResult() {
    int written = store.write(tx -> 42);
    String read = store.read(tx -> "x");
    assertThat(written).isEqualTo(42);
    assertThat(read).isEqualTo("x");
  }

  @Test
  void storedValuesDoNotChangeWhenTheCallersCollectionsDo() {
    List<String> groups = new ArrayList<>(List.of("admins"));
    User user = new User("a", null, groups, null, null);
    store.write(tx -> { tx.put(USERS, "k", user); return null; });
    groups.add("intruders");

    assertThat(get("k").map(User::groups))
        .contains(List.of("admins"));
  }

  @Test
  void rejectsNestedWritesWritesInsideReadsAndEscapedTransactions() {
    assertThatThrownBy(() -> store.write(tx -> store.write(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read(tx -> store.write(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);

    ReadTx escapedRead = store.read(tx -> tx);
    assertThatThrownBy(() -> escapedRead.get(USERS, "k")).isInstanceOf(IllegalStateException.class);
    WriteTx escapedWrite = store.write(tx -> tx);
    assertThatThrownBy(() -> escapedWrite.put(USERS, "k", User.named("k")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void allowsReadsInsideReadsAndInsideWrites() {
    putAll("111/a");
    int nested = store.read(outer -> store.read(inner -> inner.count(USERS, "")));
    int fromWrite = store.write(tx -> store.read(inner -> inner.count(USERS, "")));
    assertThat(nested).isEqualTo(1);
    assertThat(fromWrite).isEqualTo(1);
  }

  @Test
  void rejectsOneTableNameWithTwoRecordTypes() {
    store.write(tx -> { tx.put(COUNTERS, "k", new Counter(1)); return null; });
    Table<User> clash = Table.of(COUNTERS.name(), User.class);

    assertThatThrownBy(() -> store.read(tx -> tx.get(clash, "k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(COUNTERS.name());
  }

  @Test
  void rejectsEmptyKeysAndNegativeLimits() {
    assertThatThrownBy(() -> store.write(tx -> { tx.put(USERS, "", User.named("x")); return null; }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.read(tx -> tx.scan(USERS, "", null, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesUseAfterClose() {
    store.close();
    assertThatThrownBy(() -> store.read(tx -> Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    store = newStore();
  }
}
