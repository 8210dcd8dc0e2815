package dev.billinggate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(Main.forArguments("serve", "--in-memory").getSubcommands()).containsOnlyKeys("serve");
    assertThat(Main.forArguments("root", "plan").getSubcommands()).containsOnlyKeys("root");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "servee", "--version"})
  void anythingElseGetsEverySubcommand(String first) {
    assertThat(Main.forArguments(first).getSubcommands())
        .containsOnlyKeys("serve", "import-costs", "audit", "vend", "root", "explain", "state", "train", "twin");
    assertThat(Main.forArguments().getSubcommands()).hasSize(9);
  }

  @Test
  void theSubcommandAloneStillHelpsUnderItsFullName() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.forArguments("serve", "--help");
    line.setOut(new PrintWriter(out, true));
    assertThat(line.execute("serve", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Usage: billing-gate serve ");
  }

  @Test
  void aMistypedSubcommandIsAUsageErrorWithASuggestion() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.forArguments("servee");
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("servee")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("serve");
  }
}
