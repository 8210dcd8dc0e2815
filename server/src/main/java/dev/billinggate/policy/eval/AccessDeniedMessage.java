package dev.billinggate.policy.eval;

import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.PolicyType;
import dev.billinggate.policy.PrincipalKind;
import java.util.List;
import java.util.Objects;

/**
 * AWS's AccessDenied text in its current form, e.g. {@code User: arn:aws:iam::1:user/a is not
 * authorized to perform: ce:GetCostAndUsage on resource: arn:... because no identity-based policy
 * allows the ce:GetCostAndUsage action}, or {@code ... with an explicit deny in a service control
 * policy: arn:aws:organizations::...}. Since 2026 AWS appends the denying policy's ARN for SCPs,
 * RCPs, boundaries, session and identity policies when the request stays within the account or
 * organization (AWS Security Blog, "Enhanced access denied error messages with policy ARNs");
 * inline policies have no ARN, so nothing is appended for them.
 */
final class AccessDeniedMessage {
  private AccessDeniedMessage() {}

  /** @param denyingPolicyId id of the first policy of the blocking type that denied, for explicit denies */
  static String of(EvalRequest r, Verdict verdict, String denyingPolicyId) {
    String who = r.principal.kind() == PrincipalKind.ANONYMOUS ? "anonymous" : r.principal.arn();
    PolicyType type = verdict.blockedBy();
    String head = "User: " + who + " is not authorized to perform: " + r.action + " on resource: " + r.resource;
    return switch (verdict.decision()) {
      case EXPLICIT_DENY -> head + " with an explicit deny in " + article(type.phrase()) + " " + type.phrase()
          + (namesPolicy(r, type, denyingPolicyId) ? ": " + denyingPolicyId : "");
      case IMPLICIT_DENY -> head + " because no " + type.phrase() + " allows the " + r.action + " action";
      case ALLOW -> throw new IllegalArgumentException("no message for an allowed request");
    };
  }

  private static boolean namesPolicy(EvalRequest r, PolicyType type, String policyId) {
    if (policyId == null || !policyId.startsWith("arn:")) {
      return false;
    }
    return switch (type) {
      case IDENTITY, PERMISSIONS_BOUNDARY, SESSION, SERVICE_CONTROL -> true;
      case RESOURCE_CONTROL -> r.sameAccount || sameOrganization(r);
      case RESOURCE -> false;
    };
  }

  private static boolean sameOrganization(EvalRequest r) {
    List<String> principalOrg = r.ctx.get(ContextKeys.PRINCIPAL_ORG_ID);
    return principalOrg != null && Objects.equals(principalOrg, r.ctx.get(ContextKeys.RESOURCE_ORG_ID));
  }

  private static String article(String phrase) {
    return "aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an" : "a";
  }
}
