package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.cli.Main;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * The launcher's recording run: {@code train} drives a running server through the SDK, leaves it
 * in its first-start state, and exits cleanly.
 */
class TrainCommandIntegrationTest {
  @Test
  void oneRoundAgainstARunningServerSucceedsAndResetsIt() {
    try (BillingGateHandle server = BillingGateHandle.start(BillingGateHandle.defaultConfig()
        .withOrganizations(OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO)))) {
      assertThat(Main.commandLine().execute("train", "--rounds", "1", "--endpoint-url", server.endpoint().toString()))
          .isZero();
      assertThatThrownBy(() -> server.organizations().describeOrganization())
          .isInstanceOf(AwsOrganizationsNotInUseException.class);
    }
  }

  @Test
  void fewerThanOneRoundOrNoEndpointIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("train", "--rounds", "0", "--endpoint-url", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--rounds must be at least 1, not 0");
    assertThat(line.execute("train")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--endpoint-url=URL'");
  }

  @Test
  void anUnreachableServerIsAConfigurationErrorInOneLine() {
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute("train", "--rounds", "1", "--endpoint-url", "http://127.0.0.1:1")).isEqualTo(4);
    assertThat(err.toString()).startsWith("billing-gate train: cannot reach billing-gate at http://127.0.0.1:1: ")
        .doesNotContain("\tat ");
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
