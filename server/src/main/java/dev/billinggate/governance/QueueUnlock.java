package dev.billinggate.governance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Repairs an SQS queue whose policy locks everyone out: in one AssumeRoot session with
 * {@code SQSUnlockQueuePolicy} it reads the queue policy and deletes it (SetQueueAttributes with an
 * empty {@code Policy}, the only change that task policy allows). Each deletion is recorded with the
 * deleted policy under the state directory, so the change can be reviewed and undone.
 */
public final class QueueUnlock implements PolicyUnlock {
  private final SqsClient sqs;
  private final String accountId;
  private final String queueUrl;

  private QueueUnlock(SqsClient sqs, String accountId, String queueUrl) {
    this.sqs = sqs;
    this.accountId = accountId;
    this.queueUrl = queueUrl;
  }

  /** Opens the root session in {@code accountId}. */
  public static QueueUnlock open(AwsClients clients, String accountId, String queueUrl) {
    return new QueueUnlock(clients.sqsAs(new RootSessions(clients).credentials(accountId, RootTask.UNLOCK_QUEUE)),
        accountId, queueUrl);
  }

  @Override
  public String resource() {
    return queueUrl;
  }

  @Override
  public Optional<String> policy() {
    return Optional.ofNullable(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.POLICY)).attributesAsStrings().get(QueueAttributeName.POLICY.toString()));
  }

  @Override
  public Unlocked delete(String policy, String deletedBy, Path stateDir, Clock clock) {
    sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributesWithStrings(
        Map.of(QueueAttributeName.POLICY.toString(), "")));
    Unlocked unlocked = new Unlocked(Unlocked.SCHEMA_VERSION, accountId, queueUrl, policy, deletedBy, clock.instant());
    UnlockRecords.append(stateDir, unlocked);
    return unlocked;
  }

  /**
   * One deleted queue policy: what {@code root unlock-queue --output json} prints and the state file keeps.
   *
   * @param deletedPolicy the policy as it was, to restore it if the deletion was a mistake
   */
  public record Unlocked(int schemaVersion, String accountId, String queueUrl, String deletedPolicy, String deletedBy,
      Instant deletedAt) {
    static final int SCHEMA_VERSION = 1;
  }

  @Override
  public void close() {
    sqs.close();
  }
}
