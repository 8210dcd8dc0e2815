package dev.billinggate.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.testing.SignedHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.IAMUserAccessToBilling;

/** Accounts with their billing access, root activating it, and the ready clients, against a server the extension started. */
@BillingGateTest
class OrganizationFixtureTest {
  BillingGateHandle gate;

  private String billingSwitch(String account) {
    var reply = new SignedHttp(gate.endpoint()).send("GET",
        "/_billing-gate/v1/accounts/" + account + "/iam-user-access-to-billing", Map.of(), "", "billing",
        BillingGateHandle.ADMIN, gate.clock());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body().replaceAll(".*\"iamUserAccessToBilling\":\"(\\w+)\".*", "$1");
  }

  @Test
  void accountsAreCreatedWithTheirBillingAccessAndRootActivatesIt() {
    String organization = gate.organization().create();
    assertThat(gate.organizations().describeOrganization().organization().id()).isEqualTo(organization);
    String denied = gate.organization().createAccount("Sandbox One", IAMUserAccessToBilling.DENY);
    String allowed = gate.organization().createAccount("Prod", IAMUserAccessToBilling.ALLOW);
    assertThat(gate.organizations().describeAccount(r -> r.accountId(denied)).account().email())
        .isEqualTo("sandbox-one@example.com");
    assertThat(billingSwitch(denied)).isEqualTo("DEACTIVATED");
    assertThat(billingSwitch(allowed)).isEqualTo("ACTIVATED");
    assertThat(billingSwitch(BillingGateHandle.ACCOUNT)).isEqualTo("DEACTIVATED");

    gate.setIamUserAccessToBilling(denied, true);
    gate.setIamUserAccessToBilling(BillingGateHandle.ACCOUNT, true);
    assertThat(billingSwitch(denied)).isEqualTo("ACTIVATED");
    assertThat(billingSwitch(BillingGateHandle.ACCOUNT)).isEqualTo("ACTIVATED");
  }

  @Test
  void everyAdminClientIsReadyAndReused() {
    assertThat(gate.sts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/admin");
    assertThat(gate.iam().getUser().user().userName()).isEqualTo("admin");
    assertThat(gate.account().getAccountInformation(r -> { }).accountId()).isEqualTo(BillingGateHandle.ACCOUNT);
    assertThat(gate.billing().listBillingViews(r -> { }).billingViews()).isNotEmpty();
    assertThat(gate.budgets().describeBudgets(r -> r.accountId(BillingGateHandle.ACCOUNT)).budgets()).isEmpty();
    gate.server().costs().management().enableCostExplorer(BillingGateHandle.ACCOUNT);
    assertThat(gate.costExplorer().getCostAndUsage(r -> r.granularity("MONTHLY").metrics("UnblendedCost")
        .timePeriod(t -> t.start("2026-10-01").end("2026-11-01"))).resultsByTime()).hasSize(1);
    assertThat(gate.iam()).isSameAs(gate.iam());
  }
}
