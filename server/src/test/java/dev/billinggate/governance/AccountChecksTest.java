package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountChecksTest {
  private static final Check PASS_STATE = new Check(Check.ACCOUNT_STATE, CheckStatus.PASS, "ACTIVE", "");
  private static final Check CREDENTIALS_PRESENT = new Check(Check.ROOT_CREDENTIALS, CheckStatus.FAIL, "password", "");

  private static Verdict verdict(List<String> reasons, Check... checks) {
    return AccountChecks.verdict(List.of(checks), reasons);
  }

  @Test
  void presentCredentialsAreAFindingButStillReadyToDelete() {
    List<String> reasons = new ArrayList<>();
    assertThat(verdict(reasons, PASS_STATE, CREDENTIALS_PRESENT,
        AccountChecks.billing("111111111111", BillingAccess.ON, "vending record"))).isEqualTo(Verdict.READY);
    assertThat(reasons).isEmpty();
  }

  @Test
  void unknownBillingIsNeverReady() {
    List<String> reasons = new ArrayList<>();
    assertThat(verdict(reasons, PASS_STATE, AccountChecks.billing("111111111111", BillingAccess.UNKNOWN, "none")))
        .isEqualTo(Verdict.UNKNOWN);
    assertThat(reasons).singleElement().asString().startsWith(Check.BILLING_ACCESS);
  }

  @Test
  void blockersWinOverUnknownsAndErrorsWinOverEverything() {
    Check off = AccountChecks.billing("111111111111", BillingAccess.OFF, "vending record");
    assertThat(off.remediation()).contains("billing-gate root recover 111111111111 --billing-activated")
        .doesNotContain("ACCOUNT");
    Check unknownCredentials = new Check(Check.ROOT_CREDENTIALS, CheckStatus.UNKNOWN, "not read", "");
    assertThat(verdict(new ArrayList<>(), PASS_STATE, off, unknownCredentials)).isEqualTo(Verdict.BLOCKED);
    Check error = new Check("audit", CheckStatus.ERROR, "TooManyRequestsException", "");
    assertThat(verdict(new ArrayList<>(), off, error)).isEqualTo(Verdict.ERROR);
  }

  @Test
  void failOnLevels() {
    assertThat(FailOn.FAIL.counts(CheckStatus.UNKNOWN)).isFalse();
    assertThat(FailOn.UNKNOWN.counts(CheckStatus.UNKNOWN)).isTrue();
    assertThat(FailOn.NONE.counts(CheckStatus.FAIL)).isFalse();
    assertThat(FailOn.FAIL.counts(CheckStatus.NOT_APPLICABLE)).isFalse();
  }
}
