package dev.billinggate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.core.AwsIds;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.policy.eval.DefaultPolicyEngine;
import dev.billinggate.policy.managed.AwsManagedPolicies;
import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.billing.BillingAccess.DefaultRule;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.iam.IamService;
import dev.billinggate.service.organizations.BillingAccessChoice;
import dev.billinggate.service.organizations.NewMemberAccount;
import dev.billinggate.store.memory.InMemoryStore;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The billing-access switch a created account is born with, under both rules for omitted values. */
class IamAccountProvisionerTest {
  private static final String MANAGEMENT = "111111111111";

  @ParameterizedTest(name = "{0}, requested {1}, linked account access {2} -> activated {3}")
  @CsvSource({
      "DOCUMENTED_ALLOW,      ALLOW,       false, true",
      "DOCUMENTED_ALLOW,      DENY,        true,  false",
      "DOCUMENTED_ALLOW,      UNSPECIFIED, false, true",
      "LINKED_ACCOUNT_ACCESS, UNSPECIFIED, true,  true",
      "LINKED_ACCOUNT_ACCESS, UNSPECIFIED, false, false",
      "LINKED_ACCOUNT_ACCESS, ALLOW,       false, true",
      "LINKED_ACCOUNT_ACCESS, DENY,        true,  false",
  })
  void createdAccountsStartWithTheSwitchTheRuleGives(
      DefaultRule rule, BillingAccessChoice requested, boolean linkedAccountAccess, boolean activated) {
    InMemoryStore store = new InMemoryStore();
    IamService iam = new IamService(store, new DefaultPolicyEngine(), AwsManagedPolicies.load(), Clock.systemUTC(),
        new AwsIds(IdGenerator.seeded(1)));
    IamAccountProvisioner provisioner = new IamAccountProvisioner(iam.accounts(), iam.memberAccounts(), rule);
    String member = "222222222222";

    boolean result = store.write(tx -> {
      tx.put(CostManagement.PREFERENCES, MANAGEMENT,
          new CostManagement.Preferences(MANAGEMENT, linkedAccountAccess, false, false));
      provisioner.provision(tx, new NewMemberAccount(member, "m@example.com", "member",
          "OrganizationAccountAccessRole", MANAGEMENT, "o-abcdefghij", requested, Map.of()));
      return BillingAccess.isActivated(tx, member);
    });
    assertThat(result).isEqualTo(activated);
  }
}
