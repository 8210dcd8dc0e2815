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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code root unlock-bucket} and the bucket half of {@code audit --check-lockouts}: a member's bucket
 * locked by its policy, found by the audit, repaired through AssumeRoot, recorded beside queue repairs.
 */
class GovernanceUnlockBucketIntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"LockOut\",\"Effect\":\"Deny\","
      + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::vault\",\"arn:aws:s3:::vault/*\"]}]}";
  static final String TLS_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
      + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::guarded/*\","
      + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

  @TempDir Path state;
  BillingGateHandle emulator;
  GovernanceCli cli;
  OrganizationFixture org;
  String member;
  S3Client memberAdmin;

  @BeforeEach
  void lockABucket() {
    emulator = BillingGateHandle.start(BillingGateHandle.defaultConfig().withOrganizations(OrganizationsSettings.defaults()
        .withDelays(Duration.ZERO, Duration.ZERO)));
    cli = new GovernanceCli(emulator, state);
    org = emulator.organization();
    org.create();
    org.enableCentralizedRootAccess();
    member = org.createAccount("Treasury", IAMUserAccessToBilling.ALLOW);
    memberAdmin = emulator.s3(org.assumeOrganizationAccountAccessRole(member));
    memberAdmin.createBucket(r -> r.bucket("vault"));
    memberAdmin.putObject(r -> r.bucket("vault").key("gold.txt"), RequestBody.fromString("gold"));
    memberAdmin.putBucketPolicy(r -> r.bucket("vault").policy(DENY_ALL));
    memberAdmin.createBucket(r -> r.bucket("guarded"));
    memberAdmin.putBucketPolicy(r -> r.bucket("guarded").policy(TLS_ONLY));
  }

  @AfterEach
  void stop() {
    cli.close();
    emulator.close();
  }

  @Test
  void showsThePolicyDeletesItAndRecordsItBesideQueueRepairs() throws Exception {
    var refused = cli.run("root", "unlock-bucket", member, "vault");
    assertThat(refused.exitCode()).as("not a terminal and no --yes").isEqualTo(2);

    var unlocked = cli.run("root", "unlock-bucket", member, "vault", "--yes", "--output", "json");
    assertThat(unlocked.exitCode()).as(unlocked.err()).isZero();
    assertThat(unlocked.err()).contains("Bucket policy of vault").contains("LockOut");
    JsonNode result = JSON.readTree(unlocked.out());
    assertThat(result.get("bucket").asText()).isEqualTo("vault");
    assertThat(result.get("accountId").asText()).isEqualTo(member);
    assertThat(result.get("deletedPolicy").asText()).isEqualTo(DENY_ALL);
    assertThat(result.get("deletedBy").asText()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("vault").key("gold.txt")).asUtf8String()).isEqualTo("gold");

    SqsClient queues = emulator.sqs(org.assumeOrganizationAccountAccessRole(member));
    String url = queues.createQueue(r -> r.queueName("locked")).queueUrl();
    queues.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sqs:*\","
            + "\"Resource\":\"*\"}]}")));
    assertThat(cli.run("root", "unlock-queue", member, url, "--yes").exitCode()).isZero();
    JsonNode records = JSON.readTree(state.resolve("unlocks.json").toFile()).get("unlocked");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("bucket").asText()).isEqualTo("vault");
    assertThat(records.get(1).get("queueUrl").asText()).isEqualTo(url);

    var again = cli.run("root", "unlock-bucket", member, "vault", "--yes");
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("has no bucket policy; nothing to delete");
  }

  @Test
  void auditCheckLockoutsReportsOnlyTheLockedBucketAndPassesOnceRepaired() throws Exception {
    var audit = cli.run("audit", "--check-lockouts", "--accounts", member, "--output", "json");
    JsonNode check = lockoutCheck(audit.out());
    assertThat(check.get("status").asText()).isEqualTo("FAIL");
    assertThat(check.get("evidence").asText()).isEqualTo("bucket policy denies the account's administrators: vault");
    assertThat(check.get("remediation").asText()).isEqualTo("billing-gate root unlock-bucket " + member + " vault");
    assertThat(audit.exitCode()).as("a lock-out is a finding").isEqualTo(1);

    assertThat(cli.run("root", "unlock-bucket", member, "vault", "--yes").exitCode()).isZero();
    JsonNode repaired = lockoutCheck(cli.run("audit", "--check-lockouts", "--accounts", member, "--output", "json")
        .out());
    assertThat(repaired.get("status").asText()).isEqualTo("PASS");
    assertThat(repaired.get("evidence").asText()).isEqualTo("2 bucket(s), none locked by its policy");
  }

  @Test
  void anUnknownBucketIsAnAwsErrorAndNothingIsRecorded() {
    var missing = cli.run("root", "unlock-bucket", member, "no-such-bucket", "--yes");
    assertThat(missing.exitCode()).isEqualTo(5);
    assertThat(missing.err()).contains("The specified bucket does not exist");
    assertThat(state.resolve("unlocks.json")).doesNotExist();
  }

  private static JsonNode lockoutCheck(String auditJson) throws Exception {
    for (JsonNode check : JSON.readTree(auditJson).get("accounts").get(0).get("checks")) {
      if (check.get("id").asText().equals("no-bucket-lockouts")) {
        return check;
      }
    }
    throw new AssertionError("no no-bucket-lockouts check in " + auditJson);
  }
}
