package dev.billinggate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.testing.Chromium;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 end to end: the management account turns on linked account access and creates member
 * accounts from the Organizations page. A member created without IamUserAccessToBilling (default
 * ALLOW) shows its own costs, and only its own, to a role switched into it; one created with DENY
 * shows the permission page and explains that only its root user can fix it.
 */
class Seed003BrowserTest {
  private static final String MANAGEMENT = BillingGateHandle.ACCOUNT;
  private static final Pattern ACCOUNT_ID = Pattern.compile("account ID (\\d{12})");

  @Test
  void membersSeeOwnCostsOnlyAndDenyNeedsTheirRoot() {
    try (BillingGateHandle emulator = BillingGateHandle.start(); Chromium chromium = Chromium.startOrSkip()) {
      BrowserSteps steps = new BrowserSteps(emulator.endpoint());
      emulator.organizations(BillingGateHandle.ADMIN).createOrganization(r -> r.featureSet("ALL"));

      Page root = chromium.newPerson("en-US");
      steps.signInRoot(root, "root@example.com", "root-Passw0rd!");
      steps.open(root, "/console/costmanagement/preferences");
      root.check("#linkedAccountAccess");
      root.click("button:has-text('Save preferences')");
      assertThat(root.locator("[role=status]")).hasText("Preferences saved.");

      Page admin = chromium.newPerson("en-US");
      steps.signInUser(admin, MANAGEMENT, "admin", "admin-Passw0rd!");
      String allowed = createAccount(steps, admin, emulator, "workload-a", "a@example.com", "");
      String denied = createAccount(steps, admin, emulator, "workload-d", "d@example.com", "DENY");
      steps.open(admin, "/console/organizations");
      assertThat(admin.locator("[data-account='" + allowed + "'] .badge")).hasText("IAM billing access on");
      assertThat(admin.locator("[data-account='" + denied + "'] .badge")).hasText("IAM billing access off");
      Chromium.screenshot(admin, "organizations.png");

      steps.switchRole(admin, allowed, "OrganizationAccountAccessRole");
      assertThat(admin.locator("header .who")).containsText("OrganizationAccountAccessRole @ " + allowed);
      steps.open(admin, "/console/costexplorer?groupBy=LINKED_ACCOUNT");
      assertThat(admin.locator("main table tbody tr")).hasCount(1);
      assertThat(admin.locator("main table tbody th")).hasText(allowed);
      steps.open(admin, "/console/billing/bills");
      assertThat(admin.locator("h2:has-text('Charges by account')")).hasCount(0);

      // Linked account access off: members can no longer open Cost Explorer, whatever their policies.
      steps.open(root, "/console/costmanagement/preferences");
      root.uncheck("#linkedAccountAccess");
      root.click("button:has-text('Save preferences')");
      steps.open(admin, "/console/costexplorer");
      assertThat(admin.locator("main")).containsText("Your account is part of consolidated billing");

      admin.click("button:has-text('Switch back')");
      steps.switchRole(admin, denied, "OrganizationAccountAccessRole");
      steps.open(admin, "/console/billing/bills");
      assertThat(admin.locator("[role=alert] h2")).hasText("You don't have permission to perform this action");
      assertThat(admin.locator("main")).containsText("only the root user of account " + denied + " can fix it");
      assertThat(admin.locator("main")).containsText("IAMCreateRootUserPassword");

      // The management account's consolidated bill lists every member.
      steps.open(root, "/console/billing/bills");
      assertThat(root.locator("main table").nth(1).locator("tbody tr")).hasCount(3);
    }
  }

  /** Creates a member account from the Organizations page and returns its id once the request succeeded. */
  private static String createAccount(BrowserSteps steps, Page page, BillingGateHandle emulator, String name,
      String email, String iamUserAccessToBilling) {
    steps.open(page, "/console/organizations");
    page.fill("input[name=accountName]", name);
    page.fill("input[name=email]", email);
    page.check("input[name=iamUserAccessToBilling][value='" + iamUserAccessToBilling + "']");
    page.click("button:has-text('Create AWS account')");
    page.waitForURL("**/console/organizations?request=*");
    emulator.clock().advance(Duration.ofSeconds(3));
    page.reload();
    assertThat(page.locator("#create-status")).containsText("SUCCEEDED");
    Matcher id = ACCOUNT_ID.matcher(page.locator("#create-status").textContent());
    if (!id.find()) {
      throw new AssertionError("no account id in " + page.locator("#create-status").textContent());
    }
    return id.group(1);
  }
}
