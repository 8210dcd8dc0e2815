package dev.billinggate.policy;

/**
 * A document AWS would refuse. {@link #getMessage()} is AWS's message text, e.g.
 * {@code Syntax errors in policy.}; {@link #reason()} picks the service error code.
 */
public final class PolicyException extends RuntimeException {
  public enum Reason {
    /** IAM {@code MalformedPolicyDocument}, Organizations {@code MalformedPolicyDocumentException}. */
    MALFORMED,
    /** IAM {@code LimitExceeded}, Organizations {@code ConstraintViolationException} (POLICY_CONTENT_LIMIT_EXCEEDED). */
    SIZE_LIMIT_EXCEEDED
  }

  private final Reason reason;

  public PolicyException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
