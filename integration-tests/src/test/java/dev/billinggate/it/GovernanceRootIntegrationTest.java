package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateExtension;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/** {@code root plan}, {@code root apply} and {@code root recover} against the emulator. */
class GovernanceRootIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final BillingGateExtension gate = BillingGateExtension.configured(config -> config.withOrganizations(
      OrganizationsSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO).withAccountQuota(20)));
  @TempDir Path state;
  BillingGateHandle emulator;
  GovernanceCli cli;
  String allow;
  String deny;
  String invited;
  String keyId;
  String mfaSerial;

  @BeforeEach
  void buildTheOrganization() throws Exception {
    cli = new GovernanceCli(emulator, state);
    OrganizationFixture org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    org.enableCentralizedRootAccess();
    var vend = cli.run("vend", "--account", "Allow=allow@example.com", "--output", "json");
    allow = JSON.readTree(vend.out()).get(0).get("accountId").asText();
    deny = JSON.readTree(cli.run("vend", "--account", "Deny=deny@example.com", "--deny-billing-access",
        "--output", "json").out()).get(0).get("accountId").asText();
    invited = org.createAccount("Invited", IAMUserAccessToBilling.ALLOW);
    // Root credentials appear after vending (someone recovered the password and made a key and an MFA).
    for (String account : new String[] {allow, deny, invited}) {
      var key = emulator.server().iam().memberAccounts().giveStandaloneRootCredentials(account, "Root-Passw0rd!");
      if (account.equals(allow)) {
        keyId = key.accessKeyId();
        mfaSerial = emulator.server().iam().enableRootVirtualDevice(account).serialNumber();
      }
    }
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  private JsonNode entry(JsonNode plan, String account) {
    for (JsonNode e : plan.get("accounts")) {
      if (e.get("accountId").asText().equals(account)) {
        return e;
      }
    }
    throw new AssertionError("no plan entry for " + account);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void applyDeletesExactlyWhatThePlanShowedAndRefusesUnknownOrOffBilling() throws Exception {
    Path planFile = state.resolve("plan.json");
    var plan = cli.run("root", "plan", "--out", planFile.toString());
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(1);
    assertThat(plan.out()).contains("delete").contains("access-key:" + keyId).contains("refuse");
    JsonNode planned = JSON.readTree(planFile.toFile());
    assertThat(strings(entry(planned, allow).get("delete")))
        .containsExactly("password", "access-key:" + keyId, "mfa:" + mfaSerial);
    assertThat(entry(planned, allow).get("refused").isNull()).isTrue();
    assertThat(entry(planned, deny).get("refused").asText()).contains("billing access is OFF");
    assertThat(entry(planned, invited).get("refused").asText()).contains("billing access is UNKNOWN");

    // Not a terminal and no --yes: nothing happens.
    assertThat(cli.run("root", "apply", "--plan", planFile.toString()).exitCode()).isEqualTo(2);

    var apply = cli.run("root", "apply", "--plan", planFile.toString(), "--yes", "--output", "json");
    assertThat(apply.exitCode()).as(apply.err()).isEqualTo(1);
    // stdout is the results alone, JSON from its first byte; the plan shown before deleting went to stderr.
    assertThat(apply.out()).startsWith("[");
    assertThat(apply.err()).contains("access-key:" + keyId);
    JsonNode results = JSON.readTree(apply.out());
    assertThat(results).hasSize(1);
    assertThat(results.get(0).get("accountId").asText()).isEqualTo(allow);
    assertThat(results.get(0).get("credentials").findValuesAsText("outcome")).containsOnly("DELETED").hasSize(3);

    JsonNode after = GovernanceAuditIntegrationTest.JSON.readTree(cli.run("audit", "--output", "json").out());
    for (JsonNode a : after.get("accounts")) {
      boolean any = a.get("credentials").get("password").asBoolean() || a.get("credentials").get("accessKeys").size() > 0;
      assertThat(any).as(a.get("accountId").asText()).isEqualTo(!a.get("accountId").asText().equals(allow));
    }

    // The same plan again: the account is finished, nothing is called twice.
    var again = cli.run("root", "apply", "--plan", planFile.toString(), "--yes", "--output", "json");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already applied on ").contains("nothing to do");
    assertThat(JSON.readTree(again.out()).get(0).get("alreadyApplied").asBoolean()).isTrue();
    var againTable = cli.run("root", "apply", "--plan", planFile.toString(), "--yes");
    assertThat(againTable.out()).contains("ALREADY_APPLIED").contains("already applied on ").doesNotContain("DELETED");
    // A fresh plan of the same account finds nothing left to delete.
    var fresh = cli.run("root", "plan", "--accounts", allow, "--output", "json");
    assertThat(fresh.exitCode()).isZero();
    assertThat(JSON.readTree(fresh.out()).get("accounts").get(0).get("delete")).isEmpty();
  }

  @Test
  void acceptingTheBillingRiskCleansAnUnknownAccountAndRecoveryReopensIt() throws Exception {
    var apply = cli.run("root", "apply", "--accounts", invited, "--accept-billing-risk", "--yes");
    assertThat(apply.exitCode()).as(apply.err() + apply.out()).isZero();
    assertThat(apply.out()).contains("password").contains("DELETED");
    JsonNode audit = JSON.readTree(cli.run("audit", "--accounts", invited, "--output", "json").out());
    assertThat(audit.get("accounts").get(0).get("credentials").get("password").asBoolean()).isFalse();

    var recover = cli.run("root", "recover", invited);
    assertThat(recover.exitCode()).as(recover.err()).isZero();
    assertThat(recover.out()).contains("recovery is now allowed").contains("Activate IAM Access");
  }

  @Test
  void anAttestedActivationMakesAnUnknownAccountReady() throws Exception {
    JsonNode before = JSON.readTree(cli.run("audit", "--accounts", invited, "--output", "json").out());
    assertThat(before.get("accounts").get(0).get("billingAccess").asText()).isEqualTo("UNKNOWN");
    assertThat(cli.run("root", "plan", "--accounts", invited).exitCode()).isEqualTo(1);
    // Keeping the password keeps the way to turn billing access on: no billing risk, no refusal.
    var keysOnly = cli.run("root", "plan", "-a", invited, "--only", "keys", "-o", "json");
    assertThat(keysOnly.exitCode()).as(keysOnly.out()).isZero();
    JsonNode keys = JSON.readTree(keysOnly.out());
    assertThat(keys.get("only").toString()).isEqualTo("[\"keys\"]");
    assertThat(keys.get("accounts").get(0).get("delete").toString()).startsWith("[\"access-key:").doesNotContain("password");
    // Nothing of the chosen kinds to delete is a note, not a refusal.
    var mfaOnly = cli.run("root", "plan", "-a", invited, "--only", "mfa");
    assertThat(mfaOnly.exitCode()).as(mfaOnly.out()).isZero();
    assertThat(mfaOnly.out()).contains("nothing to delete of mfa").contains("0 refused; 1 with nothing to delete");

    var typo = cli.run("root", "recover", "999999999999", "--billing-activated");
    assertThat(typo.exitCode()).isEqualTo(5);
    assertThat(typo.err()).contains("AccountNotFoundException");

    var attest = cli.run("root", "recover", invited, "--billing-activated");
    assertThat(attest.exitCode()).as(attest.err()).isZero();
    assertThat(attest.out()).contains("Recorded: billing access ON for " + invited);

    JsonNode after = JSON.readTree(cli.run("audit", "--accounts", invited, "--output", "json").out())
        .get("accounts").get(0);
    assertThat(after.get("billingAccess").asText()).isEqualTo("ON");
    assertThat(after.get("billingSource").asText()).startsWith("attested by arn:aws:iam::");
    assertThat(after.get("verdict").asText()).isEqualTo("READY");
    // No --accept-billing-risk needed any more: the plan now covers the account.
    var plan = cli.run("root", "plan", "--accounts", invited, "--output", "json");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
    assertThat(JSON.readTree(plan.out()).get("accounts").get(0).get("refused").isNull()).isTrue();
  }
}
