package dev.billinggate.governance;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PolicyPrinter;
import dev.billinggate.policy.document.Statement;
import java.util.List;
import java.util.Map;

/**
 * Whether a resource policy locks out its own account: an administrator of the account, whom identity
 * policies allow everything, is explicitly denied the action that would repair the policy — so nobody
 * but the root user (or an AssumeRoot session with the matching unlock task) can.
 *
 * <p>Only the policy's unconditional Deny statements are evaluated: a deny that depends on the
 * request (source VPC endpoint, TLS, a tag) does not lock an administrator out for good, and
 * counting it would flag the ordinary guardrails every well-run queue or bucket has.
 */
final class PolicyLockouts {
  private static final Policy ALLOW_ALL = BoundedPolicy.ENGINE.compile("administrator",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
      PolicyKind.MANAGED);

  private PolicyLockouts() {}

  /**
   * @param policy the resource policy JSON
   * @param repairAction the action that would replace the policy ({@code sqs:SetQueueAttributes}, {@code s3:PutBucketPolicy})
   * @throws dev.billinggate.policy.PolicyException when the engine cannot read the policy
   */
  static boolean locksOut(String policy, String resourceArn, String accountId, String repairAction) {
    PolicyDocument doc = PolicyParser.parse(policy);
    List<Statement> unconditional = doc.statements().stream()
        .filter(s -> s.effect() == Effect.DENY && s.condition().isEmpty()).toList();
    if (unconditional.isEmpty()) {
      return false;
    }
    Policy denies = BoundedPolicy.ENGINE.compile("resource policy", PolicyPrinter.print(
        new PolicyDocument(doc.version(), doc.id(), unconditional, false)), PolicyKind.RESOURCE);
    String role = "arn:aws:iam::" + accountId + ":role/Administrator";
    Principal administrator = new Principal(PrincipalKind.ROLE_SESSION,
        "arn:aws:sts::" + accountId + ":assumed-role/Administrator/audit", accountId, role, false);
    AuthorizationRequest request = new AuthorizationRequest(administrator, repairAction, resourceArn, accountId,
        Map.of(ContextKeys.PRINCIPAL_ARN, List.of(role), ContextKeys.PRINCIPAL_ACCOUNT, List.of(accountId)),
        new PolicySet(List.of(ALLOW_ALL), null, List.of(), List.of(), List.of(), denies, false));
    return BoundedPolicy.ENGINE.decide(request) == Decision.EXPLICIT_DENY;
  }
}
