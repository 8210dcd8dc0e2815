package dev.billinggate.service.sts;

import dev.billinggate.core.CommonError;
import dev.billinggate.policy.PolicyEngine;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * Validates session policies and session tags and computes PackedPolicySize. AWS packs them into
 * the session token with a compression it does not document; the percentage here is the
 * whitespace-free size of policy, policy ARNs and tags against the 2,048-character budget.
 */
final class SessionPolicies {
  static final int MAX_POLICY_ARNS = 10;
  private static final int BUDGET = PolicyKind.SESSION.maxChars();

  private final PolicyEngine engine;

  SessionPolicies(PolicyEngine engine) {
    this.engine = engine;
  }

  /** Validates and returns PackedPolicySize, or {@code null} when no policy or tag was passed. */
  Integer check(String policy, List<PolicyDescriptorType> policyArns, Map<String, String> tags) {
    if (policyArns.size() > MAX_POLICY_ARNS) {
      throw CommonError.VALIDATION_ERROR.exception(
          "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: "
              + "Member must have length less than or equal to %d", MAX_POLICY_ARNS);
    }
    if (policy != null) {
      try {
        engine.compile("session-policy", policy, PolicyKind.SESSION);
      } catch (PolicyException e) {
        // An oversized session policy is not IAM's LimitExceeded here: STS reports it as the packed
        // size below, which is over 100 % for any policy over the budget.
        if (e.reason() == PolicyException.Reason.MALFORMED) {
          throw StsError.MALFORMED_POLICY_DOCUMENT.exception(e.getMessage());
        }
      }
    }
    if (policy == null && policyArns.isEmpty() && tags.isEmpty()) {
      return null;
    }
    int size = policy == null ? 0 : policy.replaceAll("\\s", "").length();
    for (PolicyDescriptorType arn : policyArns) {
      size += arn.arn().length();
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      size += tag.getKey().length() + tag.getValue().length();
    }
    int percent = (int) Math.ceil(100.0 * size / BUDGET);
    if (percent > 100) {
      throw StsError.PACKED_POLICY_TOO_LARGE.exception(
          "Packed policy consumes %d%% of allotted space, please use smaller policy.", percent);
    }
    return percent;
  }
}
