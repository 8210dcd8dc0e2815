package dev.billinggate.governance;

import java.util.Locale;

/** The kinds of root credential {@code root plan --only} chooses from, by the item names of {@link RootCredentials#items()}. */
public enum CredentialKind {
  LOGIN("password"),
  KEYS("access-key:"),
  MFA("mfa:"),
  CERTIFICATES("signing-certificate:");

  private final String itemPrefix;

  CredentialKind(String itemPrefix) {
    this.itemPrefix = itemPrefix;
  }

  public boolean covers(String item) {
    return item.startsWith(itemPrefix);
  }

  /** {@code login}, {@code keys}, {@code mfa} or {@code certificates}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
