package dev.billinggate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.OrganizationFixture;
import dev.billinggate.testing.Chromium;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 lock-out repaired from the console: a member's bucket policy denies everyone; the
 * management account's administrator opens Root access management, takes the privileged action
 * "Delete S3 bucket policy", sees the policy, deletes it, and the member's administrator can read
 * the bucket again.
 */
class BucketLockoutBrowserTest {
  private static final String DENY_ALL = """
      {"Version":"2012-10-17","Statement":[{"Sid":"LockOut","Effect":"Deny","Principal":"*","Action":"s3:*",
      "Resource":["arn:aws:s3:::statements","arn:aws:s3:::statements/*"]}]}""";

  @Test
  void theManagementAccountDeletesALockingBucketPolicy() {
    try (BillingGateHandle emulator = BillingGateHandle.start(); Chromium chromium = Chromium.startOrSkip()) {
      OrganizationFixture organization = emulator.organization();
      organization.create();
      organization.enableCentralizedRootAccess();
      String member = organization.createAccount("finance", IAMUserAccessToBilling.ALLOW);
      S3Client memberAdmin = emulator.s3(organization.assumeOrganizationAccountAccessRole(member));
      memberAdmin.createBucket(r -> r.bucket("statements"));
      memberAdmin.createBucket(r -> r.bucket("statements-archive"));
      memberAdmin.putObject(r -> r.bucket("statements").key("2026-11.pdf"), RequestBody.fromString("pdf"));
      memberAdmin.putBucketPolicy(r -> r.bucket("statements").policy(DENY_ALL));

      BrowserSteps steps = new BrowserSteps(emulator.endpoint());
      Page admin = chromium.newPerson("en-US");
      steps.signInUser(admin, BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");
      steps.open(admin, "/console/iam/root-access");
      admin.locator("form[action='/console/iam/root-access/bucket-policy'] input[name=account]").fill(member);
      admin.click("button:has-text('Browse buckets')");
      assertThat(admin.locator("main table tbody tr")).hasCount(2);
      assertThat(admin.locator("main table tbody tr").first().locator("code")).hasText("statements");
      assertThat(admin.locator("main table tbody pre").first()).containsText("LockOut");
      assertThat(admin.locator("main table tbody tr").nth(1)).containsText("No policy");
      Chromium.screenshot(admin, "root-delete-bucket-policy.png");
      admin.click("button:has-text('Delete bucket policy')");
      assertThat(admin.locator("[role=status]")).hasText("Deleted the policy of statements.");
      assertThat(admin.locator("main table tbody tr").first()).containsText("No policy");

      org.assertj.core.api.Assertions.assertThat(memberAdmin.getObjectAsBytes(r -> r.bucket("statements")
          .key("2026-11.pdf")).asUtf8String()).isEqualTo("pdf");
    }
  }
}
