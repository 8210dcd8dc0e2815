package dev.billinggate.console;

import com.microsoft.playwright.Page;
import java.net.URI;

/** What a person does in the console, step by step, through the real pages. */
final class BrowserSteps {
  private final URI base;

  BrowserSteps(URI base) {
    this.base = base;
  }

  void open(Page page, String path) {
    page.navigate(base.resolve(path).toString());
  }

  void signInRoot(Page page, String email, String password) {
    open(page, "/console/signin");
    page.check("input[name=signInAs][value=root]");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", password);
    page.click("form.stack button[type=submit]");
    page.waitForURL("**/console/billing/home");
  }

  void signInUser(Page page, String account, String user, String password) {
    open(page, "/console/signin");
    page.check("input[name=signInAs][value=iam]");
    page.fill("input[name=account]", account);
    page.fill("input[name=username]", user);
    page.fill("input[name=password]", password);
    page.click("form.stack button[type=submit]");
    page.waitForURL("**/console/billing/home");
  }

  void switchRole(Page page, String account, String role) {
    open(page, "/console/switchrole");
    page.fill("input[name=account]", account);
    page.fill("input[name=roleName]", role);
    page.click("form.stack button[type=submit]");
    page.waitForURL("**/console/billing/home");
  }
}
