package dev.billinggate.governance;

/** An account to vend: CreateAccount's name and root email. */
public record AccountRequest(String name, String email) {
  /** Parses {@code NAME=EMAIL}, the command line's form. */
  public static AccountRequest parse(String value) {
    int eq = value.indexOf('=');
    if (eq <= 0 || eq == value.length() - 1 || value.indexOf('@', eq) < 0) {
      throw new IllegalArgumentException("expected NAME=EMAIL, got " + value);
    }
    return new AccountRequest(value.substring(0, eq), value.substring(eq + 1));
  }
}
