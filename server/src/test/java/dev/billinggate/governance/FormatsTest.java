package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.catalog.BillingPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void csvQuotesAndDefusesFormulas() {
    assertThat(Csv.line(List.of("a,b", "say \"hi\"", "=SUM(A1)", "plain")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),plain\r\n");
  }

  @Test
  void reportFormatComesFromTheExtension() {
    assertThat(ReportFormat.of(Path.of("out/audit.SARIF"))).isEqualTo(ReportFormat.SARIF);
    assertThatThrownBy(() -> ReportFormat.of(Path.of("audit"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accountRequestsAreNameEqualsEmail() {
    assertThat(AccountRequest.parse("Dev=dev+aws@example.com")).isEqualTo(new AccountRequest("Dev", "dev+aws@example.com"));
    assertThatThrownBy(() -> AccountRequest.parse("Dev")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountRequest.parse("=a@b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pagesByCliName() {
    assertThat(BillingPage.fromCliName("cost-explorer")).isEqualTo(BillingPage.COST_EXPLORER);
    assertThatThrownBy(() -> BillingPage.fromCliName("invoices")).hasMessageContaining("cost-explorer");
  }

  @Test
  void principalArnsNameTheirAccount() {
    assertThat(Explainer.accountOf("arn:aws:iam::111122223333:role/Finance")).isEqualTo("111122223333");
    assertThatThrownBy(() -> Explainer.accountOf("Finance")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rootCredentialItemsAreStable() {
    RootCredentials credentials = new RootCredentials(true,
        List.of(new RootCredentials.AccessKey("AKIA1", "Active", null)), List.of("arn:aws:iam::1:mfa/root"), List.of("C1"));
    assertThat(credentials.items())
        .containsExactly("password", "access-key:AKIA1", "signing-certificate:C1", "mfa:arn:aws:iam::1:mfa/root");
    assertThat(credentials.describe()).contains("last used never");
  }
}
