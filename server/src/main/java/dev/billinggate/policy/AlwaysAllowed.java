package dev.billinggate.policy;

/**
 * The action AWS allows whatever the policies say: {@code sts:GetCallerIdentity} needs no permission
 * and works even when explicitly denied (STS API reference). The engine decides Allow for it, and
 * the authorizer does not even collect the caller's policies.
 */
public final class AlwaysAllowed {
  private static final String GET_CALLER_IDENTITY = "sts:GetCallerIdentity";

  private AlwaysAllowed() {}

  /** Whether {@code action} (matched case-insensitively, as IAM matches actions) needs no permission. */
  public static boolean is(String action) {
    return GET_CALLER_IDENTITY.equalsIgnoreCase(action);
  }
}
