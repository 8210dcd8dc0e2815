package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's recording run: {@code train} drives a real server through the SDK and exits cleanly. */
class TrainCommandIntegrationTest {
  @Test
  void oneRoundAgainstAnInMemoryServerSucceeds() {
    assertThat(Main.commandLine().execute("train", "--rounds", "1")).isZero();
  }

  @Test
  void fewerThanOneRoundIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("train", "--rounds", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--rounds must be at least 1, not 0");
  }

  @Test
  void helpDoesNotListIt() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.execute("--help");
    assertThat(out.toString()).contains("serve").doesNotContain("train");
  }
}
