package dev.billinggate.store;

import static dev.billinggate.store.TestRecords.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.TestRecords.User;
import dev.billinggate.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSnapshotContractTest extends SnapshotContract {
  @TempDir Path dataDir;

  @Override
  protected Store newStore() {
    return SqliteStore.open(dataDir);
  }

  @Test
  void snapshotsAndRestoredStateSurviveARestart() {
    put("1/a");
    store.snapshots().save("one", AT);
    put("1/b");
    store.close();

    store = SqliteStore.open(dataDir);
    assertThat(store.snapshots().list()).containsExactly(new SnapshotInfo("one", AT, 1));
    assertThat(users()).containsExactly("1/a", "1/b");
    store.snapshots().restore("one");
    store.close();

    store = SqliteStore.open(dataDir);
    assertThat(users()).containsExactly("1/a");
    assertThat(user("1/a")).contains(User.named("1/a"));
    assertThat(store.snapshots().delete("one")).isTrue();
    store.close();

    store = SqliteStore.open(dataDir);
    assertThat(store.snapshots().list()).isEmpty();
  }
}
