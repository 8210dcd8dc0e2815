package dev.billinggate.console.session;

import dev.billinggate.auth.Caller;
import java.time.Instant;

/**
 * Who a console session acts as.
 *
 * @param caller the principal every page authorizes, exactly as a signed API request would be
 * @param displayName what the navigation bar shows (root email, {@code user @ account}, role @ account)
 * @param expiresAt when a switched-role session ends, {@code null} for a sign-in identity
 */
public record Identity(Caller caller, String displayName, Instant expiresAt) {

  public boolean isRoot() {
    return caller.isRoot();
  }

  public String accountId() {
    return caller.accountId();
  }
}
