package dev.billinggate.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.console.web.Cookies;
import org.junit.jupiter.api.Test;

class CookiesTest {
  @Test
  void secureOnlyOverTls() {
    assertThat(Cookies.set(Cookies.SESSION, "abc", true))
        .isEqualTo("bg_console_session=abc; Path=/console; HttpOnly; SameSite=Lax; Secure");
    assertThat(Cookies.set(Cookies.SESSION, "abc", false)).doesNotContain("Secure");
    assertThat(Cookies.clear(Cookies.SESSION, true)).contains("Max-Age=0", "Secure");
  }

  @Test
  void parsesTheCookieHeader() {
    assertThat(Cookies.parse("a=1; bg_console_session=xyz;b=2")).containsEntry("bg_console_session", "xyz")
        .containsEntry("a", "1").containsEntry("b", "2");
    assertThat(Cookies.parse(null)).isEmpty();
  }
}
