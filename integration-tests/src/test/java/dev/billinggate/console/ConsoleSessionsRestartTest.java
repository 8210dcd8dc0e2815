package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, console sessions are in the store: a restart keeps everybody signed in. */
class ConsoleSessionsRestartTest {

  @Test
  void aSignedInBrowserStaysSignedInAcrossARestart(@TempDir Path data) {
    Map<String, String> cookies;
    String csrf;
    try (BillingGateHandle before = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      ConsoleHttp browser = new ConsoleHttp(before.endpoint());
      browser.signInRoot("root@example.com", "root-Passw0rd!");
      assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(200);
      csrf = browser.csrf("/console/billing/account");
      cookies = Map.copyOf(browser.cookies);
    }
    try (BillingGateHandle after = BillingGateHandle.start(BillingGateHandle.durableConfig(data))) {
      ConsoleHttp browser = new ConsoleHttp(after.endpoint());
      browser.cookies.putAll(cookies);
      HttpResponse<String> home = browser.get("/console/billing/home");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("root@example.com");
      assertThat(browser.csrf("/console/billing/account")).isEqualTo(csrf);

      browser.post("/console/signout", Map.of("csrf", csrf));
      assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(303);
    }
  }
}
