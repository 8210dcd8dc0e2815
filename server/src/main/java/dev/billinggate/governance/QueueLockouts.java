package dev.billinggate.governance;

import dev.billinggate.policy.PolicyException;
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
 * Which statements count is {@link PolicyLockouts}'s rule.
 */
final class QueueLockouts {
  private static final String REPAIR_ACTION = "sqs:SetQueueAttributes";

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

  static boolean locksOut(String policy, String queueArn, String accountId) {
    return PolicyLockouts.locksOut(policy, queueArn, accountId, REPAIR_ACTION);
  }
}
