package dev.billinggate.it;

import static dev.billinggate.it.OrganizationRootAccess.failure;
import static dev.billinggate.junit5.BillingGateHandle.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.BillingGateHandle;
import dev.billinggate.junit5.BillingGateTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS through the SDK for Java v2 with its defaults (JSON protocol, MD5 checks of bodies and
 * message attributes on): queues, attributes, messages with visibility timeouts, AWS's errors.
 */
@BillingGateTest
class SqsIntegrationTest {
  static BillingGateHandle emulator;
  static SqsClient sqs;

  @BeforeAll
  static void start() {
    sqs = emulator.sqs(ADMIN);
  }

  @Test
  void createQueueIsIdempotentWithTheSameAttributesAndRefusesOthers() {
    String url = sqs.createQueue(r -> r.queueName("orders")).queueUrl();
    assertThat(url).isEqualTo(emulator.endpoint() + "/123456789012/orders");
    assertThat(sqs.createQueue(r -> r.queueName("orders")).queueUrl()).isEqualTo(url);
    AwsServiceException differs = failure(() -> sqs.createQueue(r -> r.queueName("orders")
        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))));
    assertThat(differs.awsErrorDetails().errorCode()).isEqualTo("QueueAlreadyExists");
    assertThat(differs.statusCode()).isEqualTo(400);
    assertThat(sqs.getQueueUrl(r -> r.queueName("orders")).queueUrl()).isEqualTo(url);
  }

  @Test
  void unknownQueuesAnswerWithTheQueryCompatibleCode() {
    AwsServiceException missing = failure(() -> sqs.getQueueUrl(r -> r.queueName("nope")));
    assertThat(missing).isInstanceOf(QueueDoesNotExistException.class);
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
    AwsServiceException badName = failure(() -> sqs.createQueue(r -> r.queueName("has space")));
    assertThat(badName.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    assertThat(badName.awsErrorDetails().errorMessage())
        .isEqualTo("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    AwsServiceException badUrl = failure(() -> sqs.deleteQueue(r -> r.queueUrl("http://localhost/not-a-queue")));
    assertThat(badUrl.awsErrorDetails().errorCode()).isEqualTo("InvalidAddress");
  }

  @Test
  void attributesHaveAwsDefaultsRangesAndNames() {
    String url = sqs.createQueue(r -> r.queueName("attrs")).queueUrl();
    Map<String, String> all = sqs.getQueueAttributes(r -> r.queueUrl(url)
        .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    assertThat(all).containsEntry("VisibilityTimeout", "30").containsEntry("MaximumMessageSize", "1048576")
        .containsEntry("MessageRetentionPeriod", "345600").containsEntry("DelaySeconds", "0")
        .containsEntry("ApproximateNumberOfMessages", "0")
        .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:123456789012:attrs")
        .doesNotContainKey("Policy");
    AwsServiceException outOfRange = failure(() -> sqs.setQueueAttributes(r -> r.queueUrl(url)
        .attributesWithStrings(Map.of("VisibilityTimeout", "43201"))));
    assertThat(outOfRange.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue");
    assertThat(outOfRange.awsErrorDetails().errorMessage()).isEqualTo("Invalid value for the parameter VisibilityTimeout.");
    AwsServiceException readOnly = failure(() -> sqs.setQueueAttributes(r -> r.queueUrl(url)
        .attributesWithStrings(Map.of("QueueArn", "arn:aws:sqs:us-east-1:123456789012:other"))));
    assertThat(readOnly.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeName");
    assertThat(readOnly.awsErrorDetails().errorMessage()).isEqualTo("Unknown Attribute QueueArn.");
    AwsServiceException badPolicy = failure(() -> sqs.setQueueAttributes(r -> r.queueUrl(url)
        .attributesWithStrings(Map.of("Policy", "{not json"))));
    assertThat(badPolicy.awsErrorDetails().errorMessage()).isEqualTo("Invalid value for the parameter Policy.");
  }

  @Test
  void messagesTravelWithAttributesAndStayHiddenWhileInFlight() {
    String url = sqs.createQueue(r -> r.queueName("work")).queueUrl();
    var sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("héllo").messageAttributes(Map.of(
        "kind", MessageAttributeValue.builder().dataType("String").stringValue("greeting").build(),
        "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("x")).build())));
    assertThat(sent.md5OfMessageAttributes()).isNotNull();
    Message received = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
    assertThat(received.body()).isEqualTo("héllo");
    assertThat(received.messageId()).isEqualTo(sent.messageId());
    assertThat(received.messageAttributes().get("kind").stringValue()).isEqualTo("greeting");
    assertThat(received.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1");
    assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();

    emulator.clock().advance(Duration.ofSeconds(31));
    Message again = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(received.receiptHandle()));
    emulator.clock().advance(Duration.ofSeconds(31));
    assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).as("a stale handle deletes nothing").hasSize(1);
    emulator.clock().advance(Duration.ofSeconds(31));
    Message third = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
    assertThat(third.receiptHandle()).isNotEqualTo(again.receiptHandle());
    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(third.receiptHandle()));
    emulator.clock().advance(Duration.ofSeconds(31));
    assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();

    AwsServiceException bogus = failure(() -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("bogus")));
    assertThat(bogus.awsErrorDetails().errorCode()).isEqualTo("ReceiptHandleIsInvalid");
    AwsServiceException tooMany = failure(() -> sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(11)));
    assertThat(tooMany.awsErrorDetails().errorMessage())
        .isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
  }

  @Test
  void listQueuesPagesByPrefixAndDeleteQueueRemovesIt() {
    for (int i = 0; i < 3; i++) {
      int n = i;
      sqs.createQueue(r -> r.queueName("page-" + n));
    }
    var first = sqs.listQueues(r -> r.queueNamePrefix("page-").maxResults(2));
    assertThat(first.queueUrls()).hasSize(2);
    var second = sqs.listQueues(r -> r.queueNamePrefix("page-").maxResults(2).nextToken(first.nextToken()));
    assertThat(second.queueUrls()).containsExactly(emulator.endpoint() + "/123456789012/page-2");
    assertThat(second.nextToken()).isNull();
    sqs.deleteQueue(r -> r.queueUrl(second.queueUrls().get(0)));
    assertThat(sqs.listQueues(r -> r.queueNamePrefix("page-")).queueUrls()).hasSize(2);
  }

  @Test
  void fifoQueuesAreRefusedExplicitly() {
    AwsServiceException fifo = failure(() -> sqs.createQueue(r -> r.queueName("jobs.fifo")
        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))));
    assertThat(fifo.statusCode()).isEqualTo(501);
  }
}
