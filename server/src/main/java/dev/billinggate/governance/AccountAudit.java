package dev.billinggate.governance;

import java.util.List;

/**
 * One account's audit: its checks and the readiness verdict derived from them.
 *
 * @param billingSource where {@code billingAccess} comes from ("vending record …" or "none")
 * @param credentials null when they could not be read
 * @param reasons why BLOCKED, what is missing when UNKNOWN, what failed when ERROR
 */
public record AccountAudit(String accountId, String name, String email, String state, List<String> path,
    BillingAccess billingAccess, String billingSource, RootCredentials credentials, List<Check> checks,
    Verdict verdict, List<String> reasons) {

  public boolean hasFindings(FailOn failOn) {
    return checks.stream().anyMatch(c -> failOn.counts(c.status()));
  }
}
