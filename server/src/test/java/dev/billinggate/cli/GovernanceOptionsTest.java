package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovernanceOptionsTest {
  /** Parsed before any client exists: no endpoint, no credentials, still exit 2 with the reason. */
  @ParameterizedTest
  @CsvSource({
    "audit, --concurrency, 0, --concurrency must be at least 1, not 0",
    "root plan, --max-attempts, -3, --max-attempts must be at least 1, not -3",
    "vend, --rate-limit, -0.5, --rate-limit must not be negative, not -0.5"})
  void badNumbersAreUsageErrors(String command, String option, String value, String message) {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    String[] words = (command + " " + option + " " + value).split(" ");
    assertThat(cli.execute(words)).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("billing-gate " + command + ": error: " + message)
        .contains("usage: billing-gate " + command + " [OPTIONS]").contains("billing-gate " + command + " --help");
  }
}
