package dev.billinggate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.testing.Chromium;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS lock-out repaired from the console: a member's queue policy denies everyone; the
 * management account's administrator opens Root access management, takes the privileged action
 * "Delete SQS queue policy", sees the policy, deletes it, and the member's administrator can use the
 * queue again.
 */
class QueueLockoutBrowserTest {
  private static final String DENY_ALL = """
      {"Version":"2012-10-17","Statement":[{"Sid":"LockOut","Effect":"Deny","Principal":"*","Action":"sqs:*",
      "Resource":"*"}]}""";

  @Test
  void theManagementAccountDeletesALockingQueuePolicy() {
    try (BillingGateHandle emulator = BillingGateHandle.start(); Chromium chromium = Chromium.startOrSkip()) {
      OrganizationsClient organizations = emulator.organizations(BillingGateHandle.ADMIN);
      organizations.createOrganization(r -> r.featureSet("ALL"));
      organizations.enableAWSServiceAccess(r -> r.servicePrincipal("iam.amazonaws.com"));
      emulator.iam(BillingGateHandle.ADMIN).enableOrganizationsRootCredentialsManagement(r -> {});
      emulator.iam(BillingGateHandle.ADMIN).enableOrganizationsRootSessions(r -> {});
      String request = organizations.createAccount(r -> r.accountName("payments").email("payments@example.com"))
          .createAccountStatus().id();
      emulator.clock().advance(Duration.ofSeconds(3));
      String member = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
          .createAccountStatus().accountId();
      SqsClient memberAdmin = emulator.sqs(BillingGateHandle.session(emulator.sts(BillingGateHandle.ADMIN)
          .assumeRole(r -> r.roleSessionName("admin")
              .roleArn("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole")).credentials()));
      String url = memberAdmin.createQueue(r -> r.queueName("settlements")).queueUrl();
      memberAdmin.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", DENY_ALL)));

      BrowserSteps steps = new BrowserSteps(emulator.endpoint());
      Page admin = chromium.newPerson("en-US");
      steps.signInUser(admin, BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");
      steps.open(admin, "/console/iam/root-access");
      admin.locator("form[action='/console/iam/root-access/queue-policy'] input[name=account]").fill(member);
      admin.click("button:has-text('Browse queues')");
      assertThat(admin.locator("main table tbody tr")).hasCount(1);
      assertThat(admin.locator("main table tbody code")).hasText(url);
      assertThat(admin.locator("main table tbody pre")).containsText("LockOut");
      Chromium.screenshot(admin, "root-delete-queue-policy.png");
      admin.click("button:has-text('Delete queue policy')");
      assertThat(admin.locator("[role=status]")).hasText("Deleted the policy of " + url + ".");
      assertThat(admin.locator("main table tbody")).containsText("No policy");

      memberAdmin.sendMessage(r -> r.queueUrl(url).messageBody("works again"));
      org.assertj.core.api.Assertions.assertThat(memberAdmin.receiveMessage(r -> r.queueUrl(url)).messages())
          .hasSize(1);
    }
  }
}
