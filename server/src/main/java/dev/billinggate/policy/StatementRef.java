package dev.billinggate.policy;

/**
 * A statement that took part in a decision.
 *
 * @param policyId {@link Policy#id()} of the policy holding it
 * @param type the policy's type in this evaluation
 * @param index zero-based position in the policy's {@code Statement} list
 * @param sid the statement's {@code Sid}, or {@code null}
 */
public record StatementRef(String policyId, PolicyType type, int index, String sid) {}
