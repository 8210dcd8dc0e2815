package dev.billinggate.console.gate;

/** Whether a billing page opens for the signed-in principal, and if not, why. */
public sealed interface GateDecision {

  record Allowed() implements GateDecision {}

  /**
   * The account's switch is deactivated and the principal is not its root user.
   *
   * @param memberAccount the account is an organization's member: its root user (possibly without
   *     credentials under centralized root access) is the only one who can fix it
   */
  record IamAccessDeactivated(String accountId, boolean memberAccount) implements GateDecision {}

  /** A member account whose management account has not granted linked account access to Cost Explorer. */
  record LinkedAccountAccessOff(String managementAccountId) implements GateDecision {}

  /** The switch is on but the principal's policies do not allow {@code action}; {@code message} is AWS's denial. */
  record MissingPermission(String action, String message) implements GateDecision {}

  GateDecision ALLOWED = new Allowed();
}
