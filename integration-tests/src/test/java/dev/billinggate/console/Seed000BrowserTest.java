package dev.billinggate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.testing.Chromium;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Seed 000 end to end in a real browser: an administrator is refused the billing pages until the
 * root user activates IAM access; afterwards policies decide, page by page.
 */
class Seed000BrowserTest {
  private static final String ACCOUNT = BillingGateHandle.ACCOUNT;
  private static final String DENIED_EN = "You don't have permission to perform this action";
  private static final String DENIED_JA = "このアクションを実行する権限がありません";

  @Test
  void rootActivatesIamAccessAndPoliciesTakeOver() {
    try (BillingGateHandle emulator = BillingGateHandle.start(); Chromium chromium = Chromium.startOrSkip()) {
      BrowserSteps steps = new BrowserSteps(emulator.endpoint());

      Page admin = chromium.newPerson("en-US");
      steps.signInUser(admin, ACCOUNT, "admin", "admin-Passw0rd!");
      steps.open(admin, "/console/billing/bills");
      assertThat(admin.locator("[role=alert] h2")).hasText(DENIED_EN);
      assertThat(admin.locator("main")).containsText("Only the account root user can activate it");
      Chromium.screenshot(admin, "bills-denied-en.png");
      steps.open(admin, "/console/billing/bills?lang=ja");
      assertThat(admin.locator("[role=alert] h2")).hasText(DENIED_JA);
      Chromium.screenshot(admin, "bills-denied-ja.png");
      steps.open(admin, "/console/billing/account?lang=en");
      assertThat(admin.locator("[role=alert] h2")).hasText(DENIED_EN);

      Page root = chromium.newPerson("en-US");
      steps.signInRoot(root, "root@example.com", "root-Passw0rd!");
      steps.open(root, "/console/billing/account");
      assertThat(root.locator("#iam-access-status")).hasText("IAM user/role access to billing information is deactivated.");
      root.click("#iam-access a:has-text('Edit')");
      root.check("#activate-iam-access");
      Chromium.screenshot(root, "account-activate.png");
      root.click("button:has-text('Update')");
      assertThat(root.locator("#iam-access-status")).hasText("IAM user/role access to billing information is activated.");

      steps.open(admin, "/console/billing/bills");
      assertThat(admin.locator("h2:has-text('Charges by service')")).isVisible();
      assertThat(admin.locator("#bill-total")).containsText("$");
      Chromium.screenshot(admin, "bills.png");
      steps.open(admin, "/console/costexplorer?granularity=DAILY&groupBy=SERVICE");
      assertThat(admin.locator("figure.chart svg rect.bar").first()).isVisible();
      Chromium.screenshot(admin, "cost-explorer.png");

      IamClient iam = emulator.iam(BillingGateHandle.ADMIN);
      iam.createUser(r -> r.userName("reader"));
      iam.attachUserPolicy(r -> r.userName("reader").policyArn("arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess"));
      iam.createLoginProfile(r -> r.userName("reader").password("reader-Passw0rd!"));
      Page reader = chromium.newPerson("en-US");
      steps.signInUser(reader, ACCOUNT, "reader", "reader-Passw0rd!");
      steps.open(reader, "/console/billing/bills");
      assertThat(reader.locator("h2:has-text('Charges by service')")).isVisible();
      steps.open(reader, "/console/billing/home");
      assertThat(reader.locator("main")).containsText("You need permissions: ce:GetCostForecast");
      steps.open(reader, "/console/billing/account");
      assertThat(reader.locator("#iam-access-status")).hasText("IAM user/role access to billing information is activated.");
      reader.click("#iam-access a:has-text('Edit')");
      assertThat(reader.locator("[role=alert] h2")).hasText(DENIED_EN);
      assertThat(reader.locator("main")).containsText("You need permissions: billing:UpdateIAMAccessPreference");

      // An administrator may not activate (root-only) but may deactivate: the default setting.
      steps.open(admin, "/console/billing/account/iam-access");
      admin.click("button:has-text('Update')");
      assertThat(admin.locator("[role=alert]")).hasText("Only the root user of this account can make this change.");
      admin.uncheck("#activate-iam-access");
      admin.click("button:has-text('Update')");
      // Deactivated: the administrator's own redirect to the Account page is already refused.
      assertThat(admin.locator("[role=alert] h2")).hasText(DENIED_EN);
      steps.open(root, "/console/billing/account");
      assertThat(root.locator("#iam-access-status")).hasText("IAM user/role access to billing information is deactivated.");
    }
  }
}
