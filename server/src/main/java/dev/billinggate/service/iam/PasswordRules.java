package dev.billinggate.service.iam;

import dev.billinggate.service.iam.IamSchema.PasswordPolicy;

/** Checks passwords against the account password policy, or AWS's default policy when none is set. */
final class PasswordRules {
  private PasswordRules() {}

  /**
   * AWS's default when no custom policy exists: at least 8 characters and three of the four
   * character types (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html).
   */
  static void check(PasswordPolicy policy, String password) {
    boolean upper = password.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    boolean lower = password.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    boolean digit = password.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean symbol = password.chars().anyMatch(c -> "!@#$%^&*()_+-=[]{}|'".indexOf(c) >= 0);
    boolean ok;
    if (policy == null) {
      int types = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
      ok = password.length() >= 8 && types >= 3;
    } else {
      ok = password.length() >= policy.minimumPasswordLength()
          && (!policy.requireUppercase() || upper) && (!policy.requireLowercase() || lower)
          && (!policy.requireNumbers() || digit) && (!policy.requireSymbols() || symbol);
    }
    if (!ok) {
      throw IamError.PASSWORD_POLICY_VIOLATION.exception("Password does not conform to the account password policy.");
    }
  }
}
