package dev.billinggate.governance;

import java.util.List;

/**
 * Why a principal may or may not do something: one step per action, the deciding statement, the fix,
 * and what the tool could not know.
 *
 * @param page the billing page asked about, or null for bare actions
 */
public record Explanation(String principal, String accountId, String page, BillingAccess billingAccess,
    String billingSource, List<Step> steps, List<String> cannotKnow) {

  /**
   * @param status PASS allowed, FAIL denied, UNKNOWN allowed by policies but gated by an unknown billing switch or
     *     by an SCP/RCP condition on keys unknown before the request
   * @param decidedBy the statement, policy or switch that decided
   */
  public record Step(String action, CheckStatus status, String decidedBy, String fix) {}

  public CheckStatus overall() {
    if (steps.stream().anyMatch(s -> s.status() == CheckStatus.FAIL)) {
      return CheckStatus.FAIL;
    }
    return steps.stream().anyMatch(s -> s.status() == CheckStatus.UNKNOWN) ? CheckStatus.UNKNOWN : CheckStatus.PASS;
  }
}
