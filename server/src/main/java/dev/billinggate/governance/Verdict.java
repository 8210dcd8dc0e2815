package dev.billinggate.governance;

/** Whether an account's root credentials may be deleted now. */
public enum Verdict {
  /** Nothing stands in the way (there may be nothing left to delete). */
  READY,
  /** Something known stands in the way; the reasons say what. */
  BLOCKED,
  /** Nothing known blocks it, but something needed to decide is missing. */
  UNKNOWN,
  /** The account could not be audited; the run is incomplete. */
  ERROR
}
