package dev.billinggate.service.sqs;

import dev.billinggate.auth.Caller;
import dev.billinggate.auth.CallerType;
import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.AccessRule;
import dev.billinggate.service.AccessTarget;
import dev.billinggate.service.OperationTable;
import dev.billinggate.service.ServiceHandler;
import dev.billinggate.core.ServiceId;
import dev.billinggate.service.sqs.SqsRecords.StoredQueue;
import dev.billinggate.store.Store;
import dev.billinggate.store.Table;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.model.*;

/**
 * Amazon SQS (awsJson 1.0, {@code AmazonSQS}): standard queues, their messages and the queue policy,
 * which the authorizer enforces as a resource policy on every request. The part that matters here is
 * the lock-out: a queue policy that denies every principal stops the account's administrators too,
 * and only the account's root user — with root credentials deleted, an AssumeRoot session with
 * {@code SQSUnlockQueuePolicy} — can still read and change the policy (docs/root-access.md).
 */
public final class SqsService implements ServiceHandler {
  /**
   * What the queue owner's root user may do despite the queue policy: read and replace it. AWS lists
   * "edit or delete an SQS resource-based policy that denies all principals" among the root-only
   * tasks; SCPs and RCPs still apply, as they do to S3's equivalent exemption.
   */
  private static final Set<String> ROOT_POLICY_ACTIONS = Set.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes");

  private final Store store;
  private final QueueOperations queues;
  private final MessageOperations messages;

  /** @param endpoint billing-gate's own endpoint, which queue URLs point at */
  public SqsService(Store store, IdGenerator ids, Supplier<URI> endpoint) {
    this.store = store;
    this.queues = new QueueOperations(store, endpoint);
    this.messages = new MessageOperations(store, ids);
  }

  public static List<Table<?>> tables() {
    return List.of(SqsRecords.QUEUES, SqsRecords.MESSAGES);
  }

  @Override
  public ServiceId service() {
    return ServiceId.SQS;
  }

  @Override
  public void register(OperationTable t) {
    t.on(CreateQueueRequest.class, (r, ctx) -> AccessTarget.of("sqs:CreateQueue",
        QueueAddress.arn(ctx.region(), ctx.caller().accountId(), r.queueName())), queues::createQueue);
    t.on(GetQueueUrlRequest.class, (r, ctx) -> queue("sqs:GetQueueUrl",
        new QueueAddress(r.queueOwnerAWSAccountId() != null ? r.queueOwnerAWSAccountId() : ctx.caller().accountId(),
            r.queueName()), ctx.region(), ctx.caller()), queues::getQueueUrl);
    t.on(ListQueuesRequest.class, queues::listQueues);
    t.on(DeleteQueueRequest.class, byUrl("sqs:DeleteQueue", DeleteQueueRequest::queueUrl), queues::deleteQueue);
    t.on(PurgeQueueRequest.class, byUrl("sqs:PurgeQueue", PurgeQueueRequest::queueUrl), queues::purgeQueue);
    t.on(GetQueueAttributesRequest.class, byUrl("sqs:GetQueueAttributes", GetQueueAttributesRequest::queueUrl),
        queues::getQueueAttributes);
    t.on(SetQueueAttributesRequest.class, byUrl("sqs:SetQueueAttributes", SetQueueAttributesRequest::queueUrl),
        queues::setQueueAttributes);
    t.on(TagQueueRequest.class, byUrl("sqs:TagQueue", TagQueueRequest::queueUrl), queues::tagQueue);
    t.on(UntagQueueRequest.class, byUrl("sqs:UntagQueue", UntagQueueRequest::queueUrl), queues::untagQueue);
    t.on(ListQueueTagsRequest.class, byUrl("sqs:ListQueueTags", ListQueueTagsRequest::queueUrl), queues::listQueueTags);
    t.on(SendMessageRequest.class, byUrl("sqs:SendMessage", SendMessageRequest::queueUrl), messages::sendMessage);
    t.on(ReceiveMessageRequest.class, byUrl("sqs:ReceiveMessage", ReceiveMessageRequest::queueUrl),
        messages::receiveMessage);
    t.on(DeleteMessageRequest.class, byUrl("sqs:DeleteMessage", DeleteMessageRequest::queueUrl),
        messages::deleteMessage);
    t.on(ChangeMessageVisibilityRequest.class,
        byUrl("sqs:ChangeMessageVisibility", ChangeMessageVisibilityRequest::queueUrl),
        messages::changeMessageVisibility);
  }

  private <I> AccessRule<I> byUrl(String action, Function<I, String> queueUrl) {
    return (r, ctx) -> queue(action, QueueAddress.parse(queueUrl.apply(r)), ctx.region(), ctx.caller());
  }

  /** The queue as a resource: its ARN, owner and policy (none yet for a queue that does not exist). */
  private AccessTarget queue(String action, QueueAddress address, String region, Caller caller) {
    String arn = QueueAddress.arn(region, address.account(), address.name());
    String policy = store.read(tx -> tx.get(SqsRecords.QUEUES, SqsRecords.queueKey(address.account(), region,
        address.name()))).map(StoredQueue::policy).orElse(null);
    boolean rootExempt = ROOT_POLICY_ACTIONS.contains(action) && ownerRoot(caller, address.account());
    return AccessTarget.of(action, arn).withResourcePolicy(address.account(), rootExempt ? null : policy);
  }

  private static boolean ownerRoot(Caller caller, String owner) {
    return (caller.type() == CallerType.ROOT || caller.type() == CallerType.ASSUMED_ROOT)
        && caller.accountId().equals(owner);
  }
}
