package dev.billinggate.service.iam;

import dev.billinggate.service.iam.IamSchema.Account;
import dev.billinggate.service.iam.IamSchema.AccountRef;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.WriteTx;
import java.util.Locale;
import java.util.Optional;

/**
 * The accounts IAM knows, each with its root user. The app calls {@link #createAccount} for the
 * bootstrap account and Organizations calls it for CreateAccount; an account without a root
 * password models a member account created by Organizations (no root credentials by default).
 */
public final class AccountRegistry {
  private final IamEnv env;
  private final Passwords passwords;

  public AccountRegistry(IamEnv env, Passwords passwords) {
    this.env = env;
    this.passwords = passwords;
  }

  /** Creates the account and its root user; {@code rootPassword} may be {@code null} (no console password). */
  public Account createAccount(String accountId, String email, String name, String rootPassword) {
    return env.store().write(tx -> createAccount(tx, accountId, email, name, rootPassword));
  }

  /** Same, inside a caller's transaction (Organizations creates the account with its own records). */
  public Account createAccount(WriteTx tx, String accountId, String email, String name, String rootPassword) {
    if (tx.get(IamSchema.ACCOUNTS, accountId).isPresent()) {
      throw IamError.ENTITY_ALREADY_EXISTS.exception("Account %s already exists.", accountId);
    }
    if (accountIdByEmail(tx, email).isPresent()) {
      throw IamError.ENTITY_ALREADY_EXISTS.exception("An account with email %s already exists.", email);
    }
    Account account = new Account(accountId, email, name, null, env.clock().instant(),
        rootPassword == null ? null : passwords.hash(rootPassword), null, true);
    tx.put(IamSchema.ACCOUNTS, accountId, account);
    tx.put(IamSchema.ACCOUNT_EMAILS, email.toLowerCase(Locale.ROOT), new AccountRef(accountId));
    return account;
  }

  /** Sets the root user's console password (recovery allowed), whatever it had before. */
  public void setRootPassword(String accountId, String rootPassword) {
    String hash = passwords.hash(rootPassword);
    env.store().update(tx -> {
      Account account = tx.get(IamSchema.ACCOUNTS, accountId).orElseThrow(
          () -> IamError.NO_SUCH_ENTITY.exception("The account %s cannot be found.", accountId));
      tx.put(IamSchema.ACCOUNTS, accountId, account.withRootPassword(hash, true));
    });
  }

  public Optional<Account> find(ReadTx tx, String accountId) {
    return tx.get(IamSchema.ACCOUNTS, accountId);
  }

  /** Root email addresses are unique across AWS, compared case-insensitively. */
  public Optional<String> accountIdByEmail(ReadTx tx, String email) {
    return tx.get(IamSchema.ACCOUNT_EMAILS, email.toLowerCase(Locale.ROOT)).map(AccountRef::accountId);
  }

  public Optional<Account> find(String accountId) {
    return env.store().read(tx -> find(tx, accountId));
  }

  /** Checks a root console password, e.g. for console sign-in. */
  public boolean verifyRootPassword(String accountId, String password) {
    return find(accountId).map(Account::rootPasswordHash)
        .map(hash -> passwords.verify(password, hash)).orElse(false);
  }
}
