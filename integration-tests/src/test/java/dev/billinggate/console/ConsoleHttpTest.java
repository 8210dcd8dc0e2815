package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's HTTP contract: sessions, cookies, CSRF, sign-in failures, expiry, language. */
@BillingGateTest
class ConsoleHttpTest {
  static BillingGateHandle emulator;
  ConsoleHttp browser;

  @BeforeEach
  void fresh() {
    emulator.clock().reset();
    browser = new ConsoleHttp(emulator.endpoint());
  }

  @Test
  void pagesRedirectToSignInWithoutSession() {
    HttpResponse<String> response = browser.get("/console/billing/bills");
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("location")).hasValue("/console/signin");
  }

  @Test
  void sessionCookieIsHttpOnlyLaxAndScopedToConsole() {
    HttpResponse<String> form = browser.get("/console/signin");
    assertThat(ConsoleHttp.setCookies(form)).singleElement().satisfies(cookie -> assertThat(cookie)
        .startsWith("bg_console_session=").contains("; Path=/console", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure"));
    HttpResponse<String> signedIn = browser.signInRoot("root@example.com", "root-Passw0rd!");
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(ConsoleHttp.setCookies(signedIn)).singleElement()
        .satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/console"));
    assertThat(form.headers().firstValue("content-security-policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'none'"));
  }

  @Test
  void signInRotatesTheSessionId() {
    browser.get("/console/signin");
    String anonymous = browser.cookies.get("bg_console_session");
    browser.signInRoot("root@example.com", "root-Passw0rd!");
    assertThat(browser.cookies.get("bg_console_session")).isNotEqualTo(anonymous);
  }

  @Test
  void postWithoutOrWithWrongCsrfTokenIsForbidden() {
    browser.signInRoot("root@example.com", "root-Passw0rd!");
    HttpResponse<String> refused = browser.post("/console/billing/account/iam-access", Map.of("activate", "on"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(refused.body()).contains("<h1>Your request couldn&#39;t be completed</h1>", "Nothing was changed.",
        "href=\"/console/billing/account/iam-access\"");
    assertThat(browser.post("/console/billing/account/iam-access", Map.of("activate", "on", "csrf", "wrong"))
        .statusCode()).isEqualTo(403);
    assertThat(browser.post("/console/signout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(new ConsoleHttp(emulator.endpoint()).post("/console/signin",
        Map.of("signInAs", "root", "email", "root@example.com", "password", "root-Passw0rd!")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongPasswordUnknownUserAndUnknownAccountFailAlike() {
    for (HttpResponse<String> failed : new HttpResponse[] {
        browser.signInRoot("root@example.com", "wrong"),
        browser.signInRoot("nobody@example.com", "root-Passw0rd!"),
        browser.signInUser("123456789012", "admin", "wrong"),
        browser.signInUser("123456789012", "nobody", "admin-Passw0rd!"),
        browser.signInUser("999999999999", "admin", "admin-Passw0rd!")}) {
      assertThat(failed.statusCode()).isEqualTo(200);
      assertThat(failed.body()).contains("Your authentication information is incorrect");
      assertThat(ConsoleHttp.setCookies(failed)).isEmpty();
    }
    assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(303);
  }

  @Test
  void iamUserSignsInWithAccountIdAndSignsOut() {
    assertThat(browser.signInUser("123456789012", "admin", "admin-Passw0rd!").headers().firstValue("location"))
        .hasValue("/console/billing/home");
    HttpResponse<String> out = browser.post("/console/signout", Map.of("csrf", browser.csrf("/console/switchrole")));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(ConsoleHttp.setCookies(out)).singleElement().satisfies(c -> assertThat(c).contains("Max-Age=0"));
    assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(303);
  }

  @Test
  void sessionsExpireAfterAnHourIdleAndTwelveHoursInAll() {
    browser.signInRoot("root@example.com", "root-Passw0rd!");
    emulator.clock().advance(Duration.ofMinutes(59));
    assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(200);
    emulator.clock().advance(Duration.ofMinutes(61));
    assertThat(browser.get("/console/billing/home").headers().firstValue("location")).hasValue("/console/signin");

    browser = new ConsoleHttp(emulator.endpoint());
    browser.signInRoot("root@example.com", "root-Passw0rd!");
    for (int i = 0; i < 12; i++) {
      emulator.clock().advance(Duration.ofMinutes(59));
      assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(200);
    }
    emulator.clock().advance(Duration.ofMinutes(59));
    assertThat(browser.get("/console/billing/home").statusCode()).isEqualTo(303);
  }

  @Test
  void languageComesFromParameterCookieOrAcceptLanguage() {
    assertThat(browser.get("/console/signin?lang=ja").body()).contains("サインイン");
    assertThat(browser.cookies).containsEntry("bg_console_lang", "ja");
    assertThat(browser.get("/console/signin").body()).contains("<html lang=\"ja\"");
    assertThat(browser.get("/console/signin?lang=en").body()).contains("<html lang=\"en\"");
    assertThat(Console.language(null, null, "ja-JP,ja;q=0.9,en;q=0.8")).isEqualTo("ja");
    assertThat(Console.language(null, null, "en-US,en")).isEqualTo("en");
  }

  @Test
  void apiRequestsStillReachTheGateway() {
    assertThat(browser.get("/").statusCode()).isNotEqualTo(303);
    assertThat(browser.get("/consoleX").body()).doesNotContain("<html");
  }
}
