package dev.billinggate.it;

import static dev.billinggate.testing.RunningEmulator.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.SnapshotInfo;
import dev.billinggate.store.sqlite.SqliteStore;
import dev.billinggate.testing.RunningEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/** With --data, snapshots, restores and the first-start state survive restarts. */
class StateDurabilityIntegrationTest {
  @TempDir Path dataDir;

  private static List<String> users(RunningEmulator emulator) {
    try (IamClient iam = emulator.iam(ADMIN)) {
      return iam.listUsers().users().stream().map(User::userName).toList();
    }
  }

  private static void createUser(RunningEmulator emulator, String name) {
    try (IamClient iam = emulator.iam(ADMIN)) {
      iam.createUser(r -> r.userName(name));
    }
  }

  @Test
  void snapshotsRestoresAndResetSurviveARestart() {
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      createUser(emulator, "saved");
      emulator.gate().saveSnapshot("one");
      createUser(emulator, "later");
    }
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      assertThat(emulator.gate().listSnapshots()).extracting(SnapshotInfo::name).containsExactly("one");
      assertThat(users(emulator)).containsExactly("admin", "later", "saved");
      emulator.gate().restoreSnapshot("one");
    }
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      assertThat(users(emulator)).containsExactly("admin", "saved");
      emulator.gate().reset();
    }
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      assertThat(users(emulator)).containsExactly("admin");
      assertThat(emulator.gate().listSnapshots()).extracting(SnapshotInfo::name).containsExactly("one");
    }
  }

  @Test
  void aDataDirectoryWithoutAFirstStartStateRebuildsItOnItsFirstReset() {
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      createUser(emulator, "old");
    }
    // As a data directory bootstrapped before billing-gate kept its first-start state.
    try (SqliteStore store = SqliteStore.open(dataDir)) {
      assertThat(store.snapshots().delete("_first-start")).isTrue();
    }
    try (RunningEmulator emulator = RunningEmulator.durable(dataDir)) {
      emulator.gate().reset();
      assertThat(users(emulator)).containsExactly("admin");
      try (IamClient iam = emulator.iam(ADMIN)) {
        assertThat(iam.getLoginProfile(r -> r.userName("admin")).loginProfile().userName()).isEqualTo("admin");
      }
      createUser(emulator, "again");
      emulator.gate().reset();
      assertThat(users(emulator)).containsExactly("admin");
    }
  }
}
