package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import org.junit.jupiter.api.Test;

/** A reset or restore signs everybody out of the console: their identities may be gone. */
class ConsoleResetTest {
  @Test
  void aResetEndsConsoleSessions() {
    try (BillingGateHandle emulator = BillingGateHandle.start()) {
      ConsoleHttp browser = new ConsoleHttp(emulator.endpoint());
      browser.signInUser(BillingGateHandle.ACCOUNT, "admin", "admin-Passw0rd!");
      var before = browser.get("/console/billing/account");
      assertThat(before.headers().firstValue("location").orElse("")).doesNotContain("/console/signin");

      emulator.server().reset();

      var after = browser.get("/console/billing/account");
      assertThat(after.statusCode() / 100).isEqualTo(3);
      assertThat(after.headers().firstValue("location").orElse("")).contains("/console/signin");
    }
  }
}
