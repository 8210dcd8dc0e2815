package dev.billinggate.governance;

/**
 * The account's "IAM user and role access to billing information" switch. AWS has no API to read it;
 * the tool knows it only from its own vending record, so UNKNOWN is common and never compliant.
 */
public enum BillingAccess {
  ON, OFF, UNKNOWN
}
