package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.sqlite.SqliteStore;
import dev.billinggate.junit5.BillingGateHandle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/** With --data, snapshots, restores and the first-start state survive restarts. */
class StateDurabilityIntegrationTest {
  @TempDir Path dataDir;

  private static List<String> users(BillingGateHandle emulator) {
    try (IamClient iam = emulator.iam(ADMIN)) {
      return iam.listUsers().users().stream().map(User::userName).toList();
    }
  }

  private static void createUser(BillingGateHandle emulator, String name) {
    try (IamClient iam = emulator.iam(ADMIN)) {
      iam.createUser(r -> r.userName(name));
    }
  }

  @Test
  void snapshotsRestoresAndResetSurviveARestart() {
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      createUser(emulator, "saved");
      emulator.server().saveSnapshot("one");
      createUser(emulator, "later");
    }
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      assertThat(emulator.server().listSnapshots()).extracting(SnapshotInfo::name).containsExactly("one");
      assertThat(users(emulator)).containsExactly("admin", "later", "saved");
      emulator.server().restoreSnapshot("one");
    }
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      assertThat(users(emulator)).containsExactly("admin", "saved");
      emulator.server().reset();
    }
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      assertThat(users(emulator)).containsExactly("admin");
      assertThat(emulator.server().listSnapshots()).extracting(SnapshotInfo::name).containsExactly("one");
    }
  }

  @Test
  void aDataDirectoryWithoutAFirstStartStateRebuildsItOnItsFirstReset() {
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      createUser(emulator, "old");
    }
    // As a data directory bootstrapped before billing-gate kept its first-start state.
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      assertThat(store.snapshots().delete("_first-start")).isTrue();
    }
    try (BillingGateHandle emulator = BillingGateHandle.start(BillingGateHandle.durableConfig(dataDir))) {
      emulator.server().reset();
      assertThat(users(emulator)).containsExactly("admin");
      try (IamClient iam = emulator.iam(ADMIN)) {
        assertThat(iam.getLoginProfile(r -> r.userName("admin")).loginProfile().userName()).isEqualTo("admin");
      }
      createUser(emulator, "again");
      emulator.server().reset();
      assertThat(users(emulator)).containsExactly("admin");
    }
  }
}
