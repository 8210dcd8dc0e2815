package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.emulator.SnapshotFile;
import dev.billinggate.app.BillingGate;
import dev.billinggate.app.ServerConfig;
import java.io.OutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve} refuses before it starts anything: --moto-compat off loopback, a bad --from-snapshot. */
class ServeMotoCompatOptionsTest {
  @TempDir Path dir;

  @Test
  void loopbackIsEveryAddressOfTheHostBeingLoopback() {
    assertThat(MotoCompat.loopback("127.0.0.1")).isTrue();
    assertThat(MotoCompat.loopback("::1")).isTrue();
    assertThat(MotoCompat.loopback("localhost")).isTrue();
    assertThat(MotoCompat.loopback("0.0.0.0")).isFalse();
    assertThat(MotoCompat.loopback("10.1.2.3")).isFalse();
    assertThat(MotoCompat.loopback("no-such-host.invalid")).isFalse();
  }

  static String[] serve(String... args) {
    String[] out = new String[2];
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      out[0] = String.valueOf(Main.commandLine().execute(args));
    } finally {
      System.setErr(err);
    }
    out[1] = captured.toString(StandardCharsets.UTF_8);
    return out;
  }

  @Test
  void motoCompatRefusesANonLoopbackHost() {
    String[] result = serve("serve", "--in-memory", "--moto-compat", "--host", "0.0.0.0", "--port", "0");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[1]).contains("--moto-compat").contains("loopback only, not on 0.0.0.0");
  }

  @Test
  void aBadStartingSnapshotIsAUsageErrorBeforeStarting() throws Exception {
    String[] missing = serve("serve", "--in-memory", "--port", "0", "--from-snapshot", dir.resolve("none.json").toString());
    assertThat(missing[0]).isEqualTo("2");
    assertThat(missing[1]).contains("cannot read the file");

    Path newer = Files.writeString(dir.resolve("org.json"),
        "{\"schemaVersion\": 2, \"kind\": \"billing-gate-snapshot\", \"createdAt\": \"2026-01-01T00:00:00Z\", \"tables\": {}}");
    String[] future = serve("serve", "--in-memory", "--port", "0", "--from-snapshot", newer.toString());
    assertThat(future[0]).isEqualTo("2");
    assertThat(future[1]).contains("schemaVersion 2");
  }

  @Test
  void aStartingSnapshotIsImportedUnderItsFileNameAndBecomesTheState() throws Exception {
    try (BillingGate gate = BillingGate.start(ServerConfig.inMemory(0), new PrintStream(OutputStream.nullOutputStream()));
        IamClient iam = IamClient.builder().endpointOverride(gate.endpoint()).region(Region.AWS_GLOBAL)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      iam.createUser(r -> r.userName("fixture-user"));
      gate.saveSnapshot("source");
      Path file = dir.resolve("team-org.json");
      Files.write(file, SnapshotFile.write(gate.state().export("source").orElseThrow()));
      gate.reset();

      StartingSnapshot snapshot = StartingSnapshot.read(file);
      snapshot.apply(gate.state());

      assertThat(snapshot.name()).isEqualTo("team-org");
      assertThat(iam.getUser(r -> r.userName("fixture-user")).user().userName()).isEqualTo("fixture-user");
      assertThat(gate.listSnapshots()).extracting(s -> s.name()).contains("team-org");
    }
  }
}
