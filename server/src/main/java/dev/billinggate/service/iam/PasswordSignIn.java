package dev.billinggate.service.iam;

import static dev.billinggate.service.iam.IamSchema.key;

import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.LoginProfile;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.Store;
import java.time.Instant;
import java.util.Optional;

/** {@link IamSignIn} over IAM's tables, with the registry's and the login profiles' password checks. */
final class PasswordSignIn implements IamSignIn {
  private final Store store;
  private final AccountRegistry accounts;
  private final LoginProfileOperations loginProfiles;

  PasswordSignIn(Store store, AccountRegistry accounts, LoginProfileOperations loginProfiles) {
    this.store = store;
    this.accounts = accounts;
    this.loginProfiles = loginProfiles;
  }

  @Override
  public Optional<RegisteredAccount> root(String email, String password) {
    Optional<Account> account = store.read(tx -> accounts.accountIdByEmail(tx, email)
        .flatMap(id -> accounts.find(tx, id)));
    return account.filter(a -> a.rootPasswordHash() != null && accounts.verifyRootPassword(a.accountId(), password))
        .map(PasswordSignIn::registered);
  }

  @Override
  public Optional<UserSignIn> user(String accountOrAlias, String userName, String password) {
    Optional<IamSchema.User> user = store.read(tx -> accountId(tx, accountOrAlias)
        .flatMap(id -> tx.get(IamSchema.USERS, key(id, userName))));
    return user.filter(u -> loginProfiles.verifyUserPassword(u.accountId(), u.name(), password))
        .map(u -> new UserSignIn(u.accountId(), u.name(), u.path(), u.id(), store.read(tx -> tx.get(
            IamSchema.LOGIN_PROFILES, key(u.accountId(), u.name()))).map(LoginProfile::passwordResetRequired)
            .orElse(false)));
  }

  /** A 12-digit account id as given, or the account the alias names. */
  private static Optional<String> accountId(ReadTx tx, String accountOrAlias) {
    if (accountOrAlias.matches("\\d{12}")) {
      return tx.get(IamSchema.ACCOUNTS, accountOrAlias).map(Account::accountId);
    }
    return tx.get(IamSchema.ALIASES, accountOrAlias).map(IamSchema.AccountRef::accountId);
  }

  @Override
  public void recordPasswordUse(String accountId, String userName, Instant when) {
    loginProfiles.recordPasswordUse(accountId, userName, when);
  }

  @Override
  public Optional<RegisteredAccount> account(ReadTx tx, String accountId) {
    return accounts.find(tx, accountId).map(PasswordSignIn::registered);
  }

  @Override
  public Optional<RegisteredAccount> account(String accountId) {
    return store.read(tx -> account(tx, accountId));
  }

  private static RegisteredAccount registered(Account a) {
    return new RegisteredAccount(a.accountId(), a.name(), a.email(), a.rootPasswordHash() != null);
  }
}
