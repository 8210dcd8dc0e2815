package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** {@code --query} through the real CLI against the emulator: the filtered result, and malformed expressions. */
class GovernanceQueryIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path state;
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withAccountQuota(20)))
      .restoringBeforeEach("organization");
  static BillingGateHandle emulator;
  static GovernanceCli cli;
  static OrganizationFixture org;
  static String allow;
  static String deny;

  @BeforeAll
  static void buildTheOrganization() throws Exception {
    cli = new GovernanceCli(emulator, state);
    org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    org.enableCentralizedRootAccess();
    // vend's own --query: the new account's id, as text, ready for a shell variable.
    var vend = cli.run("vend", "--account", "Allow=allow@example.com", "--output", "text", "--query", "[0].accountId");
    assertThat(vend.exitCode()).as(vend.err() + vend.out()).isZero();
    allow = vend.out().strip();
    assertThat(allow).matches("\\d{12}");
    deny = JSON.readTree(cli.run("vend", "--account", "Deny=deny@example.com", "--deny-billing-access",
        "--output", "json").out()).get(0).get("accountId").asText();
    // Someone recovered the root password of both accounts after vending.
    for (String account : new String[] {allow, deny}) {
      emulator.server().iam().memberAccounts().giveStandaloneRootCredentials(account, "Root-Passw0rd!");
    }
    emulator.saveSnapshot("organization");
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void rootPlanPrintsTheQueryResultWhileTheReportStaysComplete() throws Exception {
    Path report = state.resolve("plan-audit.json");
    var plan = cli.run("root", "plan", "--output", "json", "--query", "accounts[?refused==null].accountId",
        "--report", report.toString());
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(1);  // deny is refused: the exit code is the command's
    assertThat(strings(JSON.readTree(plan.out()))).containsExactly(allow);
    assertThat(JSON.readTree(report.toFile()).get("accounts").findValuesAsText("accountId"))
        .containsExactlyInAnyOrder(allow, deny);
    assertThat(JSON.readTree(report.toFile()).get("accounts").get(0).get("checks")).isNotEmpty();

    var text = cli.run("root", "plan", "--output", "text",
        "--query", "sort_by(accounts, &name)[].[name, billingAccess, delete[0]]");
    assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
    assertThat(text.out()).isEqualTo("Allow\tON\tpassword\nDeny\tOFF\tpassword\n");

    var csv = cli.run("root", "plan", "--output", "csv", "--query", "accounts[?refused!=null].{account: accountId, why: refused}");
    assertThat(csv.out()).startsWith("account,why\r\n" + deny + ",").contains("billing access is OFF");
  }

  @Test
  void explainPrintsTheFilteredSteps() throws Exception {
    IamClient admin = org.memberAdmin(allow);
    String reader = admin.createUser(r -> r.userName("reader")).user().arn();
    admin.attachUserPolicy(r -> r.userName("reader").policyArn("arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"));

    var full = cli.run("explain", "--principal", reader, "--page", "bills", "--output", "json");
    assertThat(full.exitCode()).as(full.err()).isZero();
    List<String> actions = JSON.readTree(full.out()).get("steps").findValuesAsText("action");
    assertThat(actions).isNotEmpty();

    var queried = cli.run("explain", "--principal", reader, "--page", "bills", "--output", "json",
        "--query", "steps[?status=='PASS'].action");
    assertThat(queried.exitCode()).as(queried.err()).isZero();
    assertThat(strings(JSON.readTree(queried.out()))).isEqualTo(actions);

    var table = cli.run("explain", "--principal", reader, "--page", "bills", "--output", "table",
        "--query", "{account: accountId, billing: billingAccess}");
    assertThat(table.out().lines().toList())
        .containsExactly("KEY      VALUE", "account  " + allow, "billing  ON");
  }

  @Test
  void aMalformedQueryIsAUsageErrorBeforeAnyAwsCall() throws Exception {
    int accountsBefore = emulator.organizations().listAccounts().accounts().size();
    byte[] recordsBefore = Files.readAllBytes(state.resolve("vending.json"));

    var vend = cli.run("vend", "--account", "Never=never@example.com", "--query", "[?accountId=='1'");
    assertThat(vend.exitCode()).isEqualTo(2);
    assertThat(vend.err()).startsWith("vend: --query: Unable to compile expression").contains("position").hasLineCount(1);
    assertThat(vend.out()).isEmpty();
    // CreateAccount was never called: no account, no vending record.
    assertThat(emulator.organizations().listAccounts().accounts()).hasSize(accountsBefore);
    assertThat(Files.readAllBytes(state.resolve("vending.json"))).isEqualTo(recordsBefore);

    Path planFile = state.resolve("never-plan.json");
    var plan = cli.run("root", "plan", "--out", planFile.toString(), "--query", "accounts[].nosuch(accountId)");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).contains("unknown function").hasLineCount(1);
    assertThat(planFile).doesNotExist();

    var recover = cli.run("root", "recover", allow, "--query", "@");
    assertThat(recover.exitCode()).isEqualTo(2);
    assertThat(recover.err()).startsWith("billing-gate root recover: error: Unknown options: '--query'");
  }

  @Test
  void aQueryThatFailsOnTheResultIsAUsageError() {
    var plan = cli.run("root", "plan", "--output", "json", "--query", "length(schemaVersion)");
    assertThat(plan.exitCode()).isEqualTo(2);
    assertThat(plan.err()).startsWith("root plan: --query: ").contains("length");
    assertThat(plan.out()).isEmpty();
  }
}
