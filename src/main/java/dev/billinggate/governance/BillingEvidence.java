package dev.billinggate.governance;

/**
 * What the tool knows of one account's billing-access switch, and from where.
 *
 * @param source for the report: the vending record or attestation it came from, or "none"
 */
public record BillingEvidence(BillingAccess access, String source) {
  static final BillingEvidence NONE = new BillingEvidence(BillingAccess.UNKNOWN, "none");
}
