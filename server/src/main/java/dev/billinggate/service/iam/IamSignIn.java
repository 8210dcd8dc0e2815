package dev.billinggate.service.iam;

import dev.billinggate.store.ReadTx;
import java.time.Instant;
import java.util.Optional;

/**
 * What the console needs of IAM to sign principals in with their passwords and to show their
 * accounts. MFA codes are checked through {@link IamCredentials}.
 */
public interface IamSignIn {
  /** The account whose root user has this email address and {@code password} as its console password. */
  Optional<RegisteredAccount> root(String email, String password);

  /**
   * The IAM user {@code userName} of the account (a 12-digit id, or its alias) when {@code password}
   * is its console password.
   */
  Optional<UserSignIn> user(String accountOrAlias, String userName, String password);

  /** Records a console sign-in with the user's password (GetUser's PasswordLastUsed). */
  void recordPasswordUse(String accountId, String userName, Instant when);

  Optional<RegisteredAccount> account(ReadTx tx, String accountId);

  Optional<RegisteredAccount> account(String accountId);

  /** @param rootPassword whether the root user has a console password */
  record RegisteredAccount(String accountId, String name, String email, boolean rootPassword) {}

  /** @param passwordResetRequired whether the user must set a new password before anything else */
  record UserSignIn(String accountId, String name, String path, String id, boolean passwordResetRequired) {

    public String arn() {
      return IamArns.user(accountId, path, name);
    }
  }
}
