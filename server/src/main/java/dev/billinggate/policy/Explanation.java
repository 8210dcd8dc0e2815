package dev.billinggate.policy;

import java.util.List;

/**
 * A decision with its reasons.
 *
 * @param decision the outcome
 * @param blockedBy for denials, the policy type that denied (explicitly or by lacking an Allow);
 *     {@code null} when allowed
 * @param deciding the statements that decided: the matching Deny statements for an explicit deny,
 *     the Allow statements that granted access, empty for implicit denials
 * @param message for denials, AWS's AccessDenied text ({@code User: ... is not authorized to perform:
 *     ... because no identity-based policy allows the ... action}); {@code null} when allowed
 */
public record Explanation(Decision decision, PolicyType blockedBy, List<StatementRef> deciding, String message) {
  public Explanation {
    deciding = List.copyOf(deciding);
  }
}
