package dev.billinggate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.organizations.OrganizationsSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** In-memory servers of one JVM reuse the first-start state built with the same configured passwords. */
class BootstrapReuseTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static ServerConfig config(String root, String admin) {
    return new ServerConfig("127.0.0.1", 0, null, true, root, admin, OrganizationsSettings.defaults(),
        BillingAccess.DefaultRule.DOCUMENTED_ALLOW);
  }

  @Test
  void aLaterServerWithTheSamePasswordsStartsFromTheSameFirstStartState() {
    try (BillingGate first = BillingGate.start(config("Reuse-Root-1!", "Reuse-Admin-1!"), QUIET);
        BillingGate second = BillingGate.start(config("Reuse-Root-1!", "Reuse-Admin-1!"), QUIET)) {
      for (BillingGate gate : new BillingGate[] {first, second}) {
        assertThat(gate.iam().accounts().verifyRootPassword(Bootstrap.ACCOUNT_ID, "Reuse-Root-1!")).isTrue();
        assertThat(gate.iam().signIn().user(Bootstrap.ACCOUNT_ID, Bootstrap.ADMIN_USER, "Reuse-Admin-1!")).isPresent();
      }
      // Each server has its own store: a change in one is not in the other, and reset still works.
      second.setIamUserAccessToBilling(Bootstrap.ACCOUNT_ID, true);
      second.reset();
      assertThat(second.iam().accounts().find(Bootstrap.ACCOUNT_ID)).isPresent();
    }
  }

  @Test
  void otherPasswordsBuildTheirOwnState() {
    try (BillingGate first = BillingGate.start(config("Reuse-Root-2!", "Reuse-Admin-2!"), QUIET);
        BillingGate other = BillingGate.start(config("Other-Root-2!", "Reuse-Admin-2!"), QUIET)) {
      assertThat(first.iam().accounts().verifyRootPassword(Bootstrap.ACCOUNT_ID, "Reuse-Root-2!")).isTrue();
      assertThat(other.iam().accounts().verifyRootPassword(Bootstrap.ACCOUNT_ID, "Reuse-Root-2!")).isFalse();
      assertThat(other.iam().accounts().verifyRootPassword(Bootstrap.ACCOUNT_ID, "Other-Root-2!")).isTrue();
    }
  }
}
