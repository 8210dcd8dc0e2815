package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.TestRecords.User;
import dev.billinggate.store.postgres.PostgresSettings;
import dev.billinggate.store.postgres.PostgresStore;
import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snapshot contract on PostgreSQL, and snapshots shared by two servers on one database. */
class PostgresSnapshotContractTest extends SnapshotContract {
  private PostgresTarget database;

  @Override
  protected Store newStore() {
    database = PostgresCluster.sharedOrSkip().newDatabase();
    return PostgresStore.open(database, PostgresSettings.defaults());
  }

  @Test
  void snapshotsAndRestoresAreSharedByEveryServerOnTheDatabase() {
    put("1/a");
    try (Store other = PostgresStore.open(database, PostgresSettings.defaults())) {
      store.snapshots().save("one", AT);
      assertThat(other.snapshots().list()).containsExactly(new SnapshotInfo("one", AT, 1));

      other.write(tx -> {
        tx.put(USERS, "1/b", User.named("1/b"));
        return null;
      });
      store.sync();
      assertThat(users()).containsExactly("1/a", "1/b");

      store.snapshots().restore("one");
      other.sync();
      Optional<User> b = other.read(tx -> tx.get(USERS, "1/b"));
      Optional<User> a = other.read(tx -> tx.get(USERS, "1/a"));
      assertThat(b).isEmpty();
      assertThat(a).contains(User.named("1/a"));

      assertThat(other.snapshots().delete("one")).isTrue();
      assertThat(store.snapshots().list()).isEmpty();
    }
  }
}
