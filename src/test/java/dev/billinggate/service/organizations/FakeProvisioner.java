package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of the IAM side: a map of accounts, and what was provisioned. */
final class FakeProvisioner implements AccountProvisioner {
  final Map<String, ExistingAccount> accounts = new ConcurrentHashMap<>();
  final Map<String, NewMemberAccount> provisioned = new ConcurrentHashMap<>();

  void addStandalone(String accountId, String email) {
    accounts.put(accountId, new ExistingAccount(accountId, email, "acct-" + accountId));
  }

  @Override
  public Optional<ExistingAccount> find(ReadTx tx, String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  @Override
  public Optional<String> accountIdByEmail(ReadTx tx, String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return accounts.values().stream()
        .filter(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted))
        .map(ExistingAccount::accountId)
        .findFirst();
  }

  @Override
  public void provision(WriteTx tx, NewMemberAccount account) {
    provisioned.put(account.accountId(), account);
    accounts.put(account.accountId(), new ExistingAccount(account.accountId(), account.email(), account.name()));
  }
}
