package dev.billinggate.governance;

/** The result of one check on one account; only PASS and NOT_APPLICABLE are compliant. */
public enum CheckStatus {
  PASS, FAIL, NOT_APPLICABLE, UNKNOWN, ERROR
}
