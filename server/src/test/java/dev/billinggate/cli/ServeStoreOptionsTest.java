package dev.billinggate.cli;

import static dev.billinggate.cli.ServeMotoCompatOptionsTest.serve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.store.postgres.PostgresTarget;
import dev.billinggate.testing.PostgresCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --store}: what it refuses before connecting, and the clean failures of a start. */
class ServeStoreOptionsTest {
  @TempDir Path dir;

  @Test
  void aPasswordInTheUrlIsAUsageErrorThatDoesNotRepeatIt() {
    String[] result = serve("serve", "--port", "0", "--store", "postgresql://gate:s3cret-pw@127.0.0.1:5432/billing");

    assertThat(result[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
    assertThat(result[1]).contains("--store: the URL must not contain a password").doesNotContain("s3cret-pw");
  }

  @Test
  void storeExcludesInMemoryAndThePasswordFileNeedsAStore() {
    assertThat(serve("serve", "--port", "0", "--in-memory", "--store", "postgresql://gate@127.0.0.1/billing")[1])
        .contains("--in-memory and --store exclude each other");
    assertThat(serve("serve", "--port", "0", "--store-password-file", dir.resolve("pw").toString())[1])
        .contains("--store-password-file needs --store");
  }

  @Test
  void poolAndTimeoutOptionsOutOfRangeAreUsageErrorsNamingTheOption() {
    String store = "postgresql://gate@127.0.0.1:5432/billing";
    String[][] cases = {
        {"--store-pool-size", "0", "--store-pool-size: the pool size must be between 1 and 1000, not 0"},
        {"--store-pool-size", "1001", "--store-pool-size: the pool size must be between 1 and 1000, not 1001"},
        {"--store-connect-timeout", "0",
            "--store-connect-timeout: the connect timeout must be a whole number of seconds from 1 to 3600, not 0 s"},
        {"--store-statement-timeout", "-5",
            "--store-statement-timeout: the statement timeout must be a whole number of seconds from 1 to 3600, not -5 s"},
        {"--store-statement-timeout", "3601", "not 3601 s"},
        {"--store-lease", "199", "--store-lease: the lease must be from 200 to 60000 ms, not 199 ms"},
        {"--store-lease", "60001", "not 60001 ms"},
    };
    for (String[] c : cases) {
      String[] result = serve("serve", "--port", "0", "--store", store, c[0], c[1]);
      assertThat(result[0]).as(c[0] + " " + c[1]).isEqualTo(String.valueOf(ExitCodes.USAGE));
      assertThat(result[1]).as(c[0] + " " + c[1]).contains(c[2]);
    }
    String[] notANumber = serve("serve", "--port", "0", "--store", store, "--store-pool-size", "many");
    assertThat(notANumber[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
    assertThat(notANumber[1]).contains("--store-pool-size").contains("many");
  }

  @Test
  void poolAndTimeoutOptionsNeedAStore() {
    for (String option : new String[] {"--store-pool-size", "--store-connect-timeout", "--store-statement-timeout",
        "--store-lease"}) {
      String[] result = serve("serve", "--port", "0", "--in-memory", option, "4");
      assertThat(result[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
      assertThat(result[1]).contains(option + " needs --store");
    }
  }

  @Test
  void theHelpListsThePoolAndTimeoutOptions() {
    StringWriter help = new StringWriter();
    Main.commandLine().getSubcommands().get("serve").usage(new PrintWriter(help));
    assertThat(help.toString()).contains("--store-pool-size=N", "--store-connect-timeout=SECONDS",
        "--store-statement-timeout=SECONDS", "--store-lease=MILLIS");
  }

  @Test
  void anUnreachableDatabaseIsAConfigurationErrorAtStart() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String[] result = serve("serve", "--port", "0", "--store", "postgresql://gate@127.0.0.1:" + closed + "/billing");

    assertThat(result[0]).isEqualTo(String.valueOf(ExitCodes.CONFIGURATION));
    assertThat(result[1]).contains("cannot open the store: cannot connect to postgresql://gate@127.0.0.1:" + closed);
  }

  @Test
  void aWrongPasswordFromThePasswordFileIsAConfigurationErrorAtStart() throws Exception {
    PostgresTarget database = PostgresCluster.sharedOrSkip().newDatabase();
    Path passwordFile = Files.writeString(dir.resolve("pw"), "not-the-password\n");

    String[] result = serve("serve", "--port", "0", "--store-password-file", passwordFile.toString(),
        "--store", "postgresql://" + database.user() + "@127.0.0.1:" + database.port() + "/" + database.database());

    assertThat(result[0]).isEqualTo(String.valueOf(ExitCodes.CONFIGURATION));
    assertThat(result[1]).contains("password authentication failed").doesNotContain("not-the-password");
  }
}
