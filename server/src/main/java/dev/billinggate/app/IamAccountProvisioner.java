package dev.billinggate.app;

import dev.billinggate.service.billing.BillingAccess;
import dev.billinggate.service.billing.CostManagement;
import dev.billinggate.service.iam.AccountRegistry;
import dev.billinggate.service.iam.MemberAccounts;
import dev.billinggate.service.organizations.AccountProvisioner;
import dev.billinggate.service.organizations.NewMemberAccount;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.Optional;

/** Organizations' account port, implemented over IAM's accounts and the billing-access switch. */
public final class IamAccountProvisioner implements AccountProvisioner {
  private final AccountRegistry accounts;
  private final MemberAccounts members;
  private final BillingAccess.DefaultRule billingDefault;

  public IamAccountProvisioner(AccountRegistry accounts, MemberAccounts members, BillingAccess.DefaultRule billingDefault) {
    this.accounts = accounts;
    this.members = members;
    this.billingDefault = billingDefault;
  }

  @Override
  public Optional<ExistingAccount> find(ReadTx tx, String accountId) {
    return accounts.find(tx, accountId).map(a -> new ExistingAccount(a.accountId(), a.email(), a.name()));
  }

  @Override
  public Optional<String> accountIdByEmail(ReadTx tx, String email) {
    return accounts.accountIdByEmail(tx, email);
  }

  @Override
  public void provision(WriteTx tx, NewMemberAccount account) {
    members.provision(tx, account.accountId(), account.email(), account.name(), account.roleName(),
        account.managementAccountId(), account.organizationId());
    boolean linkedAccountAccess = tx.get(CostManagement.PREFERENCES, account.managementAccountId())
        .orElse(CostManagement.Preferences.defaults(account.managementAccountId()))
        .linkedAccountAccess();
    BillingAccess.set(tx, account.accountId(), billingDefault.activated(account.iamUserAccessToBilling(), linkedAccountAccess));
  }
}
