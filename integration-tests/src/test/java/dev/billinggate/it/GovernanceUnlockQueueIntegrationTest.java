package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code root unlock-queue}: a member's queue locked by its policy, repaired through AssumeRoot. */
class GovernanceUnlockQueueIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"LockOut\",\"Effect\":\"Deny\","
      + "\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}";

  @TempDir Path state;
  BillingGateHandle emulator;
  GovernanceCli cli;
  String member;
  SqsClient memberAdmin;
  String url;

  @BeforeEach
  void lockAQueue() {
    emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig().withOrganizations(OrganizationsSettings.defaults()
        .withDelays(Duration.ZERO, Duration.ZERO)));
    cli = new GovernanceCli(emulator, state);
    OrganizationFixture org = emulator.organization();
    org.create();
    org.enableCentralizedRootAccess();
    member = org.createAccount("Payments", IAMUserAccessToBilling.ALLOW);
    memberAdmin = emulator.sqs(org.assumeOrganizationAccountAccessRole(member));
    url = memberAdmin.createQueue(r -> r.queueName("settlements")).queueUrl();
    memberAdmin.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", DENY_ALL)));
  }

  @AfterEach
  void stop() {
    cli.close();
    emulator.close();
  }

  @Test
  void showsThePolicyDeletesItAndRecordsWhatWasDeleted() throws Exception {
    var refused = cli.run("root", "unlock-queue", member, url);
    assertThat(refused.exitCode()).as("not a terminal and no --yes").isEqualTo(2);
    assertThat(refused.err()).contains("pass --yes");

    var unlocked = cli.run("root", "unlock-queue", member, url, "--yes", "--output", "json");
    assertThat(unlocked.exitCode()).as(unlocked.err()).isZero();
    assertThat(unlocked.err()).contains("Queue policy of " + url).contains("LockOut");
    JsonNode result = JSON.readTree(unlocked.out());
    assertThat(result.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(result.get("accountId").asText()).isEqualTo(member);
    assertThat(result.get("deletedPolicy").asText()).isEqualTo(DENY_ALL);
    assertThat(result.get("deletedBy").asText()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(JSON.readTree(state.resolve("unlocks.json").toFile()).get("unlocked")).hasSize(1);

    memberAdmin.sendMessage(r -> r.queueUrl(url).messageBody("works again"));
    var again = cli.run("root", "unlock-queue", member, url, "--yes");
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("has no queue policy; nothing to delete");
  }

  @Test
  void auditCheckLockoutsReportsTheLockedQueueWithItsRepairAndPassesOnceRepaired() throws Exception {
    var audit = cli.run("audit", "--check-lockouts", "--accounts", member, "--output", "json");
    JsonNode check = lockoutCheck(audit.out());
    assertThat(check.get("status").asText()).isEqualTo("FAIL");
    assertThat(check.get("evidence").asText()).contains(url);
    assertThat(check.get("remediation").asText())
        .isEqualTo("billing-gate root unlock-queue " + member + " " + url + " --region us-east-1");
    assertThat(audit.exitCode()).as("a lock-out is a finding").isEqualTo(1);

    assertThat(cli.run("root", "unlock-queue", member, url, "--yes").exitCode()).isZero();
    JsonNode repaired = lockoutCheck(cli.run("audit", "--check-lockouts", "--accounts", member, "--output", "json")
        .out());
    assertThat(repaired.get("status").asText()).isEqualTo("PASS");
    assertThat(repaired.get("evidence").asText()).isEqualTo("1 queue(s) in us-east-1, none locked by its policy");

    JsonNode without = JSON.readTree(cli.run("audit", "--accounts", member, "--output", "json").out());
    assertThat(without.toString()).doesNotContain("no-queue-lockouts");
  }

  private static JsonNode lockoutCheck(String auditJson) throws Exception {
    for (JsonNode check : JSON.readTree(auditJson).get("accounts").get(0).get("checks")) {
      if (check.get("id").asText().equals("no-queue-lockouts")) {
        return check;
      }
    }
    throw new AssertionError("no no-queue-lockouts check in " + auditJson);
  }

  @Test
  void anUnknownQueueIsAnAwsErrorAndNothingIsRecorded() {
    var missing = cli.run("root", "unlock-queue", member, emulator.endpoint() + "/" + member + "/nope", "--yes");
    assertThat(missing.exitCode()).isEqualTo(5);
    assertThat(missing.err()).contains("The specified queue does not exist.");
    assertThat(state.resolve("unlocks.json")).doesNotExist();
  }
}
