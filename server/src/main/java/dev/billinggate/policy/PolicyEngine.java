package dev.billinggate.policy;

/**
 * The facade everything else uses: the gateway on every request, the console for every page,
 * IAM's policy simulator and the CLI's {@code explain}. Pure: no I/O, no clock, no state.
 */
public interface PolicyEngine {

  /**
   * Parses and validates {@code json} for use as {@code kind}, then compiles it.
   *
   * @param id how explanations will name the policy
   * @throws PolicyException with AWS's message when AWS would refuse the document
   */
  Policy compile(String id, String json, PolicyKind kind);

  /** The decision alone, on the fast path. */
  Decision decide(AuthorizationRequest request);

  /** The decision with what decided it and AWS's AccessDenied text. */
  Explanation explain(AuthorizationRequest request);
}
