package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * {@code root check} and {@code root enable} from an organization without centralized root access, then
 * the machine output of every governance command: {@code --output json} parses from its first byte, and
 * table rows stay within the set width.
 */
class GovernanceOutputIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The bootstrap admin of the management account: explain needs a principal that exists. */
  static final String ADMIN = "arn:aws:iam::123456789012:user/admin";
  @TempDir static Path state;
  static BillingGateHandle emulator;
  static GovernanceCli cli;
  static String account;
  static JsonNode checkedBefore;
  static JsonNode enabled;

  @BeforeAll
  static void enableCentralizedRootAccessThroughTheCli() throws Exception {
    emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig().withOrganizations(OrganizationsSettings.defaults()
        .withDelays(Duration.ZERO, Duration.ZERO)));
    cli = new GovernanceCli(emulator, state);
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    var check = cli.run("root", "check", "-o", "json");
    assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
    checkedBefore = json(check.out());
    var enable = cli.run("root", "enable", "--root-sessions", "-o", "json");
    assertThat(enable.exitCode()).as(enable.err()).isZero();
    enabled = json(enable.out());
    var vend = cli.run("vend", "--account", "Dev=dev@example.com", "-o", "json");
    assertThat(vend.exitCode()).as(vend.err()).isZero();
    account = json(vend.out()).get(0).get("accountId").asText();
  }

  @AfterAll
  static void stop() {
    cli.close();
    emulator.close();
  }

  /** The whole of stdout, from its first byte, is one JSON document. */
  static JsonNode json(String out) throws Exception {
    assertThat(out).as("stdout").matches("(?s)^[\\[{].*");
    return JSON.readTree(out);
  }

  @Test
  void checkNamesWhatIsMissingAndEnableTurnsItOnInOrder() {
    assertThat(checkedBefore.get("prerequisites").findValuesAsText("id")).containsExactly("trusted-access-iam",
        "root-credentials-management", "root-sessions", "caller-may-assume-root");
    assertThat(checkedBefore.get("prerequisites").findValues("met")).extracting(JsonNode::asBoolean)
        .containsExactly(false, false, false, true);
    assertThat(enabled.get("changed").toString()).isEqualTo("[\"Organizations EnableAWSServiceAccess iam.amazonaws.com\","
        + "\"IAM EnableOrganizationsRootCredentialsManagement\",\"IAM EnableOrganizationsRootSessions\"]");
    assertThat(enabled.get("before").findValues("met")).extracting(JsonNode::asBoolean)
        .containsExactly(false, false, false, true);
    assertThat(enabled.get("prerequisites").findValues("met")).extracting(JsonNode::asBoolean).containsOnly(true);

    var again = cli.run("root", "enable");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).contains("PREREQUISITE").contains("BEFORE").contains("AFTER").doesNotContain("MISSING");
  }

  @Test
  void everyCommandsJsonParsesFromItsFirstByte() throws Exception {
    Path plan = state.resolve("plan.json");
    List<String[]> commands = List.of(
        new String[] {"audit", "-o", "json"},
        new String[] {"audit", "-o", "json", "--query", "accounts[].accountId"},
        new String[] {"root", "check", "-o", "json"},
        new String[] {"root", "enable", "-o", "json"},
        new String[] {"root", "plan", "-o", "json", "--out", plan.toString()},
        new String[] {"root", "apply", "--plan", plan.toString(), "--yes", "-o", "json"},
        new String[] {"explain", "--principal", ADMIN, "--page", "bills",
            "-o", "json"},
        new String[] {"vend", "--account", "Ops=ops@example.com", "-o", "json"});
    for (String[] command : commands) {
      var result = cli.run(command);
      assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isIn(0, 1);
      json(result.out());
    }
  }

  @Test
  void tableRowsStayWithinTheWidth() {
    int width = System.getenv("COLUMNS") != null && System.getenv("COLUMNS").matches("\\d+")
        && Integer.parseInt(System.getenv("COLUMNS")) >= 40 ? Integer.parseInt(System.getenv("COLUMNS")) : 120;
    for (String[] command : List.of(new String[] {"audit"}, new String[] {"root", "plan"}, new String[] {"root", "check"},
        new String[] {"explain", "--principal", ADMIN, "--page", "bills"})) {
      var result = cli.run(command);
      assertThat(result.out()).as(String.join(" ", command)).isNotBlank();
      // The table: from its header row (upper-case words) to the first blank line.
      List<String> rows = result.out().lines().dropWhile(l -> !l.matches("[A-Z]{6,}\\s.*")).takeWhile(l -> !l.isBlank())
          .toList();
      assertThat(rows).as(String.join(" ", command)).hasSizeGreaterThan(1)
          .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(width));
    }
  }
}
