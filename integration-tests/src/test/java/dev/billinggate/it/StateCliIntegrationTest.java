package dev.billinggate.it;

import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.billinggate.junit5.BillingGateHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

/** {@code ./billing-gate state ...} against a running server, credentials from the default chain. */
class StateCliIntegrationTest {
  private static final JsonMapper JSON = new JsonMapper();
  static BillingGateHandle emulator;
  static IamClient iam;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    emulator = BillingGateHandle.start();
    iam = emulator.iam(ADMIN);
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    iam.close();
    emulator.close();
  }

  @BeforeEach
  void asAdmin() {
    System.setProperty("aws.accessKeyId", ADMIN.accessKeyId());
    System.setProperty("aws.secretAccessKey", ADMIN.secretAccessKey());
    emulator.server().reset();
    emulator.server().listSnapshots().forEach(s -> emulator.server().deleteSnapshot(s.name()));
  }

  static GovernanceCli.Result state(String... args) {
    List<String> all = new ArrayList<>(List.of("state"));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint-url", emulator.endpoint().toString()));
    return GovernanceCli.main(all);
  }

  static JsonNode json(GovernanceCli.Result result) throws Exception {
    assertThat(result.out()).startsWith("{");
    return JSON.readTree(result.out());
  }

  static List<String> users() {
    return iam.listUsers().users().stream().map(User::userName).toList();
  }

  @Test
  void saveRestoreListDeleteAndReset() throws Exception {
    iam.createUser(r -> r.userName("alice"));
    JsonNode saved = json(state("save", "alice", "--output", "json"));
    assertThat(saved.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(saved.path("name").asText()).isEqualTo("alice");

    GovernanceCli.Result reset = state("reset");
    assertThat(reset.exitCode()).isZero();
    assertThat(reset.out()).isEmpty();
    assertThat(reset.err()).contains("first-start state");
    assertThat(users()).containsExactly("admin");

    assertThat(state("restore", "alice").exitCode()).isZero();
    assertThat(users()).containsExactly("admin", "alice");

    JsonNode list = json(state("list", "--output", "json"));
    assertThat(list.path("snapshots").get(0).path("name").asText()).isEqualTo("alice");
    assertThat(state("list").out()).startsWith("NAME").contains("alice");

    assertThat(json(state("delete", "alice", "--output", "json")).path("deleted").asText()).isEqualTo("alice");
    assertThat(json(state("list", "--output", "json")).path("snapshots")).isEmpty();
  }

  @Test
  void exportThenImportIsAFixtureATeamCanCommit() throws Exception {
    iam.createUser(r -> r.userName("bob"));
    emulator.server().saveSnapshot("org");
    Path file = dir.resolve("org.json");
    assertThat(state("export", "org", file.toString()).exitCode()).isZero();
    assertThat(JSON.readTree(file.toFile()).path("schemaVersion").asInt()).isEqualTo(1);

    emulator.server().reset();
    GovernanceCli.Result imported = state("import", file.toString(), "fixture", "--output", "json");
    assertThat(imported.exitCode()).isZero();
    assertThat(json(imported).path("records").asInt()).isPositive();
    assertThat(users()).containsExactly("admin");
    assertThat(state("restore", "fixture").exitCode()).isZero();
    assertThat(users()).containsExactly("admin", "bob");
  }

  @Test
  void badInputIsAClearErrorAndChangesNothing() throws Exception {
    GovernanceCli.Result unknown = state("restore", "nope");
    assertThat(unknown.exitCode()).isEqualTo(5);
    assertThat(unknown.err()).contains("ResourceNotFoundException: Snapshot nope does not exist.");

    assertThat(state("save", "bad/name").exitCode()).isEqualTo(2);
    assertThat(state("save", "bad/name").err()).contains("Invalid snapshot name");

    Path malformed = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"kind\"");
    GovernanceCli.Result bad = state("import", malformed.toString(), "bad");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("not valid JSON");

    Path newer = Files.writeString(dir.resolve("newer.json"),
        "{\"schemaVersion\": 9, \"kind\": \"billing-gate-snapshot\", \"createdAt\": \"2026-01-01T00:00:00Z\", \"tables\": {}}");
    GovernanceCli.Result future = state("import", newer.toString(), "newer");
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("schemaVersion 9, written by a newer billing-gate");

    GovernanceCli.Result missing = state("import", dir.resolve("absent.json").toString(), "x");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(emulator.server().listSnapshots()).isEmpty();
  }

  @Test
  void aUserWhoMayNotChangeTheStateIsDenied() {
    iam.createUser(r -> r.userName("reader"));
    var key = iam.createAccessKey(r -> r.userName("reader")).accessKey();
    System.setProperty("aws.accessKeyId", key.accessKeyId());
    System.setProperty("aws.secretAccessKey", key.secretAccessKey());
    GovernanceCli.Result denied = state("reset");
    assertThat(denied.exitCode()).isEqualTo(5);
    assertThat(denied.err()).contains("AccessDeniedException").contains("billing-gate:ResetState");
    assertThat(users()).contains("reader");
  }
}
