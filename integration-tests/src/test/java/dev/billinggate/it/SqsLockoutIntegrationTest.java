package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.DELETE;
import static dev.billinggate.it.OrganizationRootAccess.assertDenied;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.junit5.BillingGateTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The SQS lock-out and its repair, as a CCoE lives it: a member's administrator puts a queue policy
 * that denies every principal and loses the queue; a root session for another task cannot touch it;
 * an AssumeRoot session with SQSUnlockQueuePolicy reads and deletes the policy, and access returns.
 */
@BillingGateTest(snapshot = "locked")
class SqsLockoutIntegrationTest {
  static final String UNLOCK_QUEUE = "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy";
  static final String DENY_ALL = """
      {"Version":"2012-10-17","Statement":[{"Sid":"LockOut","Effect":"Deny","Principal":"*",
       "Action":"sqs:*","Resource":"*"}]}""";

  static BillingGateHandle emulator;
  static OrganizationFixture org;
  static String member;
  static SqsClient memberAdmin;
  static String url;

  @BeforeAll
  static void lockTheQueue() {
    org = emulator.organization();
    emulator.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    org.enableCentralizedRootAccess();
    member = org.createAccount("Workloads", IAMUserAccessToBilling.ALLOW);
    Credentials admin = emulator.sts(ADMIN).assumeRole(r -> r.roleSessionName("admin")
        .roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")).credentials();
    memberAdmin = emulator.sqs(BillingGateHandle.session(admin));
    url = memberAdmin.createQueue(r -> r.queueName("payments")).queueUrl();
    memberAdmin.sendMessage(r -> r.queueUrl(url).messageBody("before the lock-out"));
    memberAdmin.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", DENY_ALL)));
    emulator.saveSnapshot("locked");
  }

  @Test
  void theLockOutStopsTheAccountsAdministratorsEvenFromRepairingIt() {
    assertDenied(() -> memberAdmin.receiveMessage(r -> r.queueUrl(url)));
    assertDenied(() -> memberAdmin.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY)));
    assertDenied(() -> memberAdmin.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", ""))));
    assertDenied(() -> memberAdmin.deleteQueue(r -> r.queueUrl(url)));
  }

  @Test
  void onlyAnUnlockQueueRootSessionRepairsItAndAccessReturns() {
    SqsClient wrongTask = emulator.sqs(org.assumeRoot(ADMIN, member, DELETE));
    assertDenied(() -> wrongTask.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", ""))));

    AwsCredentials unlock = org.assumeRoot(ADMIN, member, UNLOCK_QUEUE);
    SqsClient root = emulator.sqs(unlock);
    assertThat(root.listQueues().queueUrls()).containsExactly(url);
    assertThat(root.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
        .attributesAsStrings().get("Policy")).contains("LockOut");
    assertDenied(() -> root.receiveMessage(r -> r.queueUrl(url)));
    assertDenied(() -> root.deleteQueue(r -> r.queueUrl(url)));
    root.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", "")));

    assertThat(memberAdmin.receiveMessage(r -> r.queueUrl(url)).messages())
        .extracting(m -> m.body()).isEqualTo(List.of("before the lock-out"));
  }
}
