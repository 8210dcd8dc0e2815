package dev.billinggate.governance;

import dev.billinggate.policy.AuthorizationRequest;
import dev.billinggate.policy.ContextKeys;
import dev.billinggate.policy.Decision;
import dev.billinggate.policy.Policy;
import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.PolicySet;
import dev.billinggate.policy.Principal;
import dev.billinggate.policy.PrincipalKind;
import dev.billinggate.policy.document.Effect;
import dev.billinggate.policy.document.PolicyDocument;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PolicyPrinter;
import dev.billinggate.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Whether a queue policy locks out its own account: an administrator of the account, whom identity
 * policies allow everything, is explicitly denied {@code sqs:SetQueueAttributes} — so nobody but the
 * root user (or an AssumeRoot session with SQSUnlockQueuePolicy) can replace the policy.
 *
 * <p>Only the policy's unconditional Deny statements are evaluated: a deny that depends on the
 * request (source VPC endpoint, TLS, a tag) does not lock an administrator out for good, and
 * counting it would flag the ordinary guardrails every well-run queue has.
 */
final class QueueLockouts {
  private static final String REPAIR_ACTION = "sqs:SetQueueAttributes";
  private static final Policy ALLOW_ALL = BoundedPolicy.ENGINE.compile("administrator",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
      PolicyKind.MANAGED);

  private QueueLockouts() {}

  /**
   * The {@link Check#QUEUE_LOCKOUTS} check of one account: its queues in the configured Region, read in one
   * AssumeRoot session with SQSUnlockQueuePolicy (which allows ListQueues and GetQueueAttributes).
   */
  static Check check(AwsClients clients, String accountId, boolean active, OrgContext context) {
    if (!active) {
      return new Check(Check.QUEUE_LOCKOUTS, CheckStatus.NOT_APPLICABLE, "account not ACTIVE", "");
    }
    if (!context.centralizedRootAccess()) {
      return new Check(Check.QUEUE_LOCKOUTS, CheckStatus.UNKNOWN,
          "not checked: centralized root access (both features) is not usable", "Enable it, then audit again.");
    }
    try (SqsClient sqs = clients.sqsAs(new RootSessions(clients).credentials(accountId, RootTask.UNLOCK_QUEUE))) {
      List<String> urls = new ArrayList<>();
      sqs.listQueuesPaginator(r -> r.maxResults(1000)).forEach(page -> urls.addAll(page.queueUrls()));
      List<String> locked = new ArrayList<>();
      for (String url : urls) {
        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
            .attributeNamesWithStrings("Policy", "QueueArn")).attributesAsStrings();
        String policy = attributes.get("Policy");
        if (policy != null && locksOut(policy, attributes.get("QueueArn"), accountId)) {
          locked.add(url);
        }
      }
      if (locked.isEmpty()) {
        return new Check(Check.QUEUE_LOCKOUTS, CheckStatus.PASS,
            urls.size() + " queue(s) in " + clients.region() + ", none locked by its policy", "");
      }
      return new Check(Check.QUEUE_LOCKOUTS, CheckStatus.FAIL, "queue policy denies the account's administrators: "
          + String.join(", ", locked), locked.stream().map(url -> "billing-gate root unlock-queue " + accountId + " "
              + url + " --region " + clients.region()).collect(Collectors.joining("; ")));
    } catch (SdkException | PolicyException e) {
      return new Check(Check.QUEUE_LOCKOUTS, CheckStatus.ERROR, "queue check failed: " + Errors.describe(e), "Check root sessions (RootSessions) and sts:AssumeRoot, then audit again.");
    }
  }

  /**
   * @param policy the queue policy JSON
   * @throws dev.billinggate.policy.PolicyException when the engine cannot read the policy
   */
  static boolean locksOut(String policy, String queueArn, String accountId) {
    PolicyDocument doc = PolicyParser.parse(policy);
    List<Statement> unconditional = doc.statements().stream()
        .filter(s -> s.effect() == Effect.DENY && s.condition().isEmpty()).toList();
    if (unconditional.isEmpty()) {
      return false;
    }
    Policy denies = BoundedPolicy.ENGINE.compile("queue policy", PolicyPrinter.print(
        new PolicyDocument(doc.version(), doc.id(), unconditional, false)), PolicyKind.RESOURCE);
    String role = "arn:aws:iam::" + accountId + ":role/Administrator";
    Principal administrator = new Principal(PrincipalKind.ROLE_SESSION,
        "arn:aws:sts::" + accountId + ":assumed-role/Administrator/audit", accountId, role, false);
    AuthorizationRequest request = new AuthorizationRequest(administrator, REPAIR_ACTION, queueArn, accountId,
        Map.of(ContextKeys.PRINCIPAL_ARN, List.of(role), ContextKeys.PRINCIPAL_ACCOUNT, List.of(accountId)),
        new PolicySet(List.of(ALLOW_ALL), null, List.of(), List.of(), List.of(), denies, false));
    return BoundedPolicy.ENGINE.decide(request) == Decision.EXPLICIT_DENY;
  }
}
