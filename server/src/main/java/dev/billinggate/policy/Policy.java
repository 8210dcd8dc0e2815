package dev.billinggate.policy;

/**
 * A parsed, validated and compiled policy document. Immutable and thread-safe; compile once and
 * evaluate many times.
 */
public interface Policy {
  /** How explanations name this policy: an ARN, {@code user/alice/inline/Name}, a policy id. */
  String id();

  PolicyKind kind();

  /** The document as it was given. */
  String json();
}
