package dev.billinggate.service.sqs;

import dev.billinggate.store.Table;
import java.time.Instant;
import java.util.Map;

/** What SQS stores. Keys start with the owning account id, then the region, then the queue name. */
final class SqsRecords {
  private SqsRecords() {}

  /**
   * Key {@code account/region/name}.
   *
   * @param attributes the settable attributes as SetQueueAttributes takes them, defaults filled in
   * @param nextSequence the number the next message sent to the queue gets: keeps messages in order
   */
  record StoredQueue(String accountId, String region, String name, Map<String, String> attributes,
      Map<String, String> tags, Instant createdAt, Instant lastModifiedAt, long nextSequence) {

    String key() {
      return queueKey(accountId, region, name);
    }

    String arn() {
      return QueueAddress.arn(region, accountId, name);
    }

    String policy() {
      String policy = attributes.get(QueueAttributes.POLICY);
      return policy == null || policy.isEmpty() ? null : policy;
    }

    int seconds(String attribute) {
      return Integer.parseInt(attributes.get(attribute));
    }

    StoredQueue withAttributes(Map<String, String> updated, Instant now) {
      return new StoredQueue(accountId, region, name, Map.copyOf(updated), tags, createdAt, now, nextSequence);
    }

    StoredQueue withTags(Map<String, String> updated) {
      return new StoredQueue(accountId, region, name, attributes, Map.copyOf(updated), createdAt, lastModifiedAt,
          nextSequence);
    }

    StoredQueue withNextSequence(long next) {
      return new StoredQueue(accountId, region, name, attributes, tags, createdAt, lastModifiedAt, next);
    }
  }

  /**
   * Key {@code <queue key>/<sequence, zero-padded>}, so a prefix scan returns a queue's messages in
   * the order they were sent.
   *
   * @param visibleAt when the message can next be received (send time plus delay, or the end of
   *     the visibility timeout of its last receive)
   * @param receiptNonce the random part of the newest receipt handle, {@code null} before the first
   *     receive; only the newest handle deletes the message, as in AWS
   */
  record StoredMessage(String messageId, String body, String md5OfBody, Map<String, StoredAttribute> attributes,
      String md5OfAttributes, String senderId, Instant sentAt, Instant visibleAt, int receiveCount,
      Instant firstReceivedAt, String receiptNonce) {

    StoredMessage received(Instant now, Instant until, String nonce) {
      return new StoredMessage(messageId, body, md5OfBody, attributes, md5OfAttributes, senderId, sentAt, until,
          receiveCount + 1, firstReceivedAt == null ? now : firstReceivedAt, nonce);
    }

    StoredMessage visibleFrom(Instant at) {
      return new StoredMessage(messageId, body, md5OfBody, attributes, md5OfAttributes, senderId, sentAt, at,
          receiveCount, firstReceivedAt, receiptNonce);
    }
  }

  /** A message attribute; binary values are kept base64-encoded. */
  record StoredAttribute(String dataType, String stringValue, String binaryValue) {}

  static String queueKey(String accountId, String region, String name) {
    return accountId + "/" + region + "/" + name;
  }

  static String messageKey(String queueKey, long sequence) {
    return queueKey + "/" + String.format("%019d", sequence);
  }

  static final Table<StoredQueue> QUEUES = Table.of("sqs.queue", StoredQueue.class);
  static final Table<StoredMessage> MESSAGES = Table.of("sqs.message", StoredMessage.class);
}
