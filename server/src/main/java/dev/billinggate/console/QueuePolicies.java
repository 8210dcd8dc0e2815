package dev.billinggate.console;

import dev.billinggate.core.ServiceId;
import dev.billinggate.service.CallContext;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;

/**
 * SQS queues in the console's Region, for the Delete SQS queue policy page: deleting sets the queue's
 * {@code Policy} attribute to empty, the only change {@code SQSUnlockQueuePolicy} allows.
 */
final class QueuePolicies implements LockableResources {
  static final String PATH = "/iam/root-access/queue-policy";

  private final ConsoleServices services;

  QueuePolicies(ConsoleServices services) {
    this.services = services;
  }

  @Override public String task() { return "SQSUnlockQueuePolicy"; }
  @Override public String path() { return PATH; }
  @Override public String messages() { return "queue"; }
  @Override public String field() { return "queueUrl"; }

  @Override
  public List<String> list(CallContext root) {
    return services.gateway().invoke(ServiceId.SQS, ListQueuesRequest.builder().build(), root,
        ListQueuesResponse.class).queueUrls();
  }

  @Override
  public String policy(CallContext root, String url) {
    return services.gateway().invoke(ServiceId.SQS, GetQueueAttributesRequest.builder().queueUrl(url)
        .attributeNames(QueueAttributeName.POLICY).build(), root, GetQueueAttributesResponse.class)
        .attributesAsStrings().get(QueueAttributeName.POLICY.toString());
  }

  @Override
  public void deletePolicy(CallContext root, String url) {
    services.gateway().invoke(ServiceId.SQS, SetQueueAttributesRequest.builder().queueUrl(url)
        .attributesWithStrings(Map.of(QueueAttributeName.POLICY.toString(), "")).build(), root,
        SetQueueAttributesResponse.class);
  }
}
