package dev.billinggate.governance;

/**
 * What the tool knows of one account's billing-access switch, and from where.
 *
 * @param source for the report: the vending record or attestation it came from, or "none"
 */
public record BillingEvidence(BillingAccess access, String source) {
  static final BillingEvidence NONE = new BillingEvidence(BillingAccess.UNKNOWN, "none");

  /**
   * The emulator's real state when the probe answered, else the tool's own records; when neither
   * knows, the probe's reason is kept so the report says why it was inconclusive.
   */
  static BillingEvidence best(BillingEvidence probed, BillingEvidence recorded) {
    if (probed == null || probed.access() != BillingAccess.UNKNOWN) {
      return probed == null ? recorded : probed;
    }
    return recorded.access() != BillingAccess.UNKNOWN ? recorded : probed;
  }
}
