package dev.billinggate.policy;

/**
 * Where a policy document is used. Decides the size limit (IAM: characters, whitespace excluded;
 * Organizations: UTF-8 bytes as written), which
 * elements are allowed (Principal only in resource and trust policies) and AWS's error wording.
 * Limits: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
public enum PolicyKind {
  USER_INLINE(2_048),
  GROUP_INLINE(5_120),
  ROLE_INLINE(10_240),
  MANAGED(6_144),
  /** An AWS managed policy shipped as data: validated like {@link #MANAGED} but exempt from quotas. */
  AWS_MANAGED(Integer.MAX_VALUE),
  /** Role trust policy; AWS's default quota is 2,048 characters. */
  TRUST(2_048),
  /** Raised from 5,120 to 10,240 in May 2026; Organizations counts bytes as written. */
  SERVICE_CONTROL(10_240),
  /** Organizations counts bytes as written (whitespace included). */
  RESOURCE_CONTROL(5_120),
  /** Inline session policy of AssumeRole / GetFederationToken ({@code Policy}). */
  SESSION(2_048),
  /** Other resource-based policies (e.g. the Organizations resource policy). */
  RESOURCE(20_480);

  private final int maxChars;

  PolicyKind(int maxChars) {
    this.maxChars = maxChars;
  }

  public int maxChars() {
    return maxChars;
  }

  /** Whether statements name a Principal: resource-based, trust and resource control policies. */
  public boolean hasPrincipal() {
    return this == TRUST || this == RESOURCE || this == RESOURCE_CONTROL;
  }
}
