package dev.billinggate.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final String OTHER_KEY = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @Test
  void theSameKeyGivesTheSamePseudonymsAndIdsStay() {
    Twin.Account account = TwinFiles.twin().accounts().get(1);
    Twin.Account once = new Redactor(KEY).account(account);
    Twin.Account again = new Redactor(KEY).account(account);
    assertThat(once).isEqualTo(again);
    assertThat(once.id()).isEqualTo(account.id());
    assertThat(once.parentId()).isEqualTo(account.parentId());
    assertThat(once.email()).matches("r-[0-9a-f]{20}@redacted\\.invalid").doesNotContain("member");
    assertThat(once.name()).matches("account-[0-9a-f]{20}");
  }

  @Test
  void anotherKeyGivesOtherPseudonyms() {
    assertThat(new Redactor(KEY).email("a@example.com")).isNotEqualTo(new Redactor(OTHER_KEY).email("a@example.com"));
  }

  @Test
  void emailsCompareCaseInsensitivelyAsInAws() {
    Redactor redactor = new Redactor(KEY);
    assertThat(redactor.email("Admin@Example.com")).isEqualTo(redactor.email("admin@example.com"));
    assertThat(redactor.email("a@example.com")).isNotEqualTo(redactor.email("b@example.com"));
  }

  @Test
  void theManagementAccountsEmailIsRedactedToo() {
    Redactor redactor = new Redactor(KEY);
    Twin twin = TwinFiles.twin();
    assertThat(redactor.organization(twin.organization()).managementAccountEmail())
        .isEqualTo(redactor.account(twin.accounts().get(0)).email());
  }

  @Test
  void aMalformedKeyIsRefused() {
    assertThatThrownBy(() -> new Redactor("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
