package dev.billinggate.service.organizations;

import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import dev.billinggate.store.WriteTx;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of the IAM side: accounts kept in a table of the same store, written in
 * Organizations' transaction as the real implementation does; {@link #provisioned} records what
 * CreateAccount asked for.
 */
final class FakeProvisioner implements AccountProvisioner {
  private static final Table<ExistingAccount> ACCOUNTS = Table.of("test.accounts", ExistingAccount.class);

  final Map<String, NewMemberAccount> provisioned = new ConcurrentHashMap<>();
  private final Store store;

  FakeProvisioner(Store store) {
    this.store = store;
  }

  void addStandalone(String accountId, String email) {
    store.write(tx -> {
      tx.put(ACCOUNTS, accountId, new ExistingAccount(accountId, email, "acct-" + accountId));
      return null;
    });
  }

  @Override
  public Optional<ExistingAccount> find(ReadTx tx, String accountId) {
    return tx.get(ACCOUNTS, accountId);
  }

  @Override
  public Optional<String> accountIdByEmail(ReadTx tx, String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return tx.scan(ACCOUNTS, "", null, Integer.MAX_VALUE).stream()
        .map(ReadTx.Entry::value)
        .filter(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted))
        .map(ExistingAccount::accountId)
        .findFirst();
  }

  @Override
  public void provision(WriteTx tx, NewMemberAccount account) {
    provisioned.put(account.accountId(), account);
    tx.put(ACCOUNTS, account.accountId(), new ExistingAccount(account.accountId(), account.email(), account.name()));
  }
}
