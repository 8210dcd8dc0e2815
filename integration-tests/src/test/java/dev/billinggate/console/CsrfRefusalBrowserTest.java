package dev.billinggate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billinggate.testing.Chromium;
import dev.billinggate.junit5.BillingGateHandle;
import org.junit.jupiter.api.Test;

/**
 * A form sent from a page of a session that has since ended: the console refuses it with a page in
 * the visitor's language that says nothing changed and leads back to the form.
 */
class CsrfRefusalBrowserTest {

  @Test
  void aFormFromAnEndedSessionIsRefusedInJapaneseWithAWayBack() {
    try (BillingGateHandle emulator = BillingGateHandle.start(); Chromium chromium = Chromium.startOrSkip()) {
      BrowserSteps steps = new BrowserSteps(emulator.endpoint());
      Page first = chromium.newPerson("ja-JP");
      steps.signInUser(first, BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");
      steps.open(first, "/console/switchrole");

      // In another tab of the same browser: sign out and in again, which starts a new session.
      Page second = first.context().newPage();
      steps.open(second, "/console/billing/home");
      second.click("form[action='/console/signout'] button");
      second.waitForURL("**/console/signin");
      steps.signInUser(second, BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");

      first.fill("input[name=account]", BillingGateHandle.ACCOUNT);
      first.fill("input[name=roleName]", "SomeRole");
      first.click("form.stack button[type=submit]");

      assertThat(first.locator("h1")).hasText("リクエストを完了できませんでした");
      assertThat(first.locator("[role=alert]")).containsText("何も変更されていません");
      assertThat(first.locator("html")).hasAttribute("lang", "ja");
      Chromium.screenshot(first, "csrf-refused-ja.png");

      first.click("a:has-text('ページに戻る')");
      first.waitForURL("**/console/switchrole");
      assertThat(first.locator("input[name=roleName]")).isVisible();
    }
  }
}
