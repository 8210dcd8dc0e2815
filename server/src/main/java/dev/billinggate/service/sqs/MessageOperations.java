package dev.billinggate.service.sqs;

import static dev.billinggate.service.sqs.SqsRecords.MESSAGES;
import static dev.billinggate.service.sqs.SqsRecords.QUEUES;

import dev.billinggate.core.IdGenerator;
import dev.billinggate.service.CallContext;
import dev.billinggate.service.sqs.SqsRecords.StoredAttribute;
import dev.billinggate.service.sqs.SqsRecords.StoredMessage;
import dev.billinggate.service.sqs.SqsRecords.StoredQueue;
import dev.billinggate.store.ReadTx.Entry;
import dev.billinggate.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Messages of standard queues: send, receive with a visibility timeout, delete by receipt handle.
 * ReceiveMessage answers at once even when WaitTimeSeconds asks to wait (no long polling yet): an
 * empty answer is one AWS also gives, and no server thread is held for 20 seconds.
 */
final class MessageOperations {
  private static final int MAX_ATTRIBUTES = 10;

  private final Store store;
  private final IdGenerator ids;

  MessageOperations(Store store, IdGenerator ids) {
    this.store = store;
    this.ids = ids;
  }

  SendMessageResponse sendMessage(SendMessageRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    if (r.messageGroupId() != null || r.messageDeduplicationId() != null) {
      throw FifoQueues.notEmulated();
    }
    String body = r.messageBody();
    requireValidCharacters(body);
    Map<String, StoredAttribute> attributes = attributes(r.messageAttributes());
    String messageId = messageId();
    String md5OfBody = MessageDigests.ofBody(body);
    String md5OfAttributes = MessageDigests.ofAttributes(attributes);
    store.write(tx -> {
      StoredQueue queue = QueueOperations.find(tx, address, ctx.region());
      int limit = queue.seconds(QueueAttributes.MAXIMUM_MESSAGE_SIZE);
      if (size(body, attributes) > limit) {
        throw SqsError.INVALID_PARAMETER_VALUE.exception(
            "One or more parameters are invalid. Reason: Message must be shorter than %d bytes.", limit);
      }
      int delay = r.delaySeconds() != null ? delay(r.delaySeconds()) : queue.seconds(QueueAttributes.DELAY_SECONDS);
      tx.put(MESSAGES, SqsRecords.messageKey(queue.key(), queue.nextSequence()),
          new StoredMessage(messageId, body, md5OfBody, attributes, md5OfAttributes, ctx.caller().userId(),
              ctx.now(), ctx.now().plusSeconds(delay), 0, null, null));
      tx.put(QUEUES, queue.key(), queue.withNextSequence(queue.nextSequence() + 1));
      return null;
    });
    return SendMessageResponse.builder().messageId(messageId).md5OfMessageBody(md5OfBody)
        .md5OfMessageAttributes(md5OfAttributes).build();
  }

  ReceiveMessageResponse receiveMessage(ReceiveMessageRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
    if (max < 1 || max > 10) {
      throw outOfRange("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
    }
    if (r.waitTimeSeconds() != null && (r.waitTimeSeconds() < 0 || r.waitTimeSeconds() > 20)) {
      throw outOfRange("WaitTimeSeconds", r.waitTimeSeconds(), "Must be >= 0 and <= 20, if provided.");
    }
    Instant now = ctx.now();
    List<Message> received = store.write(tx -> {
      StoredQueue queue = QueueOperations.find(tx, address, ctx.region());
      int timeout = r.visibilityTimeout() != null ? visibility(r.visibilityTimeout())
          : queue.seconds(QueueAttributes.VISIBILITY_TIMEOUT);
      Instant expired = now.minusSeconds(queue.seconds(QueueAttributes.MESSAGE_RETENTION_PERIOD));
      List<Message> out = new ArrayList<>();
      for (Entry<StoredMessage> entry : tx.scan(MESSAGES, queue.key() + "/", null, Integer.MAX_VALUE)) {
        StoredMessage message = entry.value();
        if (message.sentAt().isBefore(expired)) {
          tx.delete(MESSAGES, entry.key());
        } else if (!message.visibleAt().isAfter(now) && out.size() < max) {
          String nonce = ids.next(IdGenerator.LOWER_ALNUM, 24);
          StoredMessage taken = message.received(now, now.plusSeconds(timeout), nonce);
          tx.put(MESSAGES, entry.key(), taken);
          out.add(wire(taken, ReceiptHandles.of(entry.key(), nonce), r));
        }
      }
      return out;
    });
    return ReceiveMessageResponse.builder().messages(received).build();
  }

  DeleteMessageResponse deleteMessage(DeleteMessageRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    store.write(tx -> {
      StoredQueue queue = QueueOperations.find(tx, address, ctx.region());
      ReceiptHandles.Parsed handle = ReceiptHandles.parse(r.receiptHandle(), queue.key());
      // A stale handle (the message was received again since) succeeds without deleting, as in AWS.
      Optional<StoredMessage> message = tx.get(MESSAGES, handle.messageKey());
      if (message.isPresent() && handle.nonce().equals(message.get().receiptNonce())) {
        tx.delete(MESSAGES, handle.messageKey());
      }
      return null;
    });
    return DeleteMessageResponse.builder().build();
  }

  ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    int timeout = visibility(r.visibilityTimeout());
    store.write(tx -> {
      StoredQueue queue = QueueOperations.find(tx, address, ctx.region());
      ReceiptHandles.Parsed handle = ReceiptHandles.parse(r.receiptHandle(), queue.key());
      StoredMessage message = tx.get(MESSAGES, handle.messageKey())
          .filter(m -> handle.nonce().equals(m.receiptNonce()) && m.visibleAt().isAfter(ctx.now()))
          .orElseThrow(() -> SqsError.MESSAGE_NOT_INFLIGHT.exception(""));
      tx.put(MESSAGES, handle.messageKey(), message.visibleFrom(ctx.now().plusSeconds(timeout)));
      return null;
    });
    return ChangeMessageVisibilityResponse.builder().build();
  }

  private static Message wire(StoredMessage message, String receiptHandle, ReceiveMessageRequest r) {
    Message.Builder wire = Message.builder().messageId(message.messageId()).receiptHandle(receiptHandle)
        .md5OfBody(message.md5OfBody()).body(message.body());
    Map<String, String> system = systemAttributes(message, r);
    if (!system.isEmpty()) {
      wire.attributesWithStrings(system);
    }
    Map<String, MessageAttributeValue> selected = selectedAttributes(message, r.messageAttributeNames());
    if (!selected.isEmpty()) {
      Map<String, StoredAttribute> stored = new LinkedHashMap<>();
      selected.keySet().forEach(name -> stored.put(name, message.attributes().get(name)));
      wire.messageAttributes(selected).md5OfMessageAttributes(MessageDigests.ofAttributes(stored));
    }
    return wire.build();
  }

  private static Map<String, String> systemAttributes(StoredMessage message, ReceiveMessageRequest r) {
    List<String> names = new ArrayList<>(r.messageSystemAttributeNamesAsStrings());
    names.addAll(r.attributeNamesAsStrings());
    boolean all = names.contains("All");
    Map<String, String> out = new LinkedHashMap<>();
    if (all || names.contains("SenderId")) {
      out.put("SenderId", message.senderId());
    }
    if (all || names.contains("SentTimestamp")) {
      out.put("SentTimestamp", Long.toString(message.sentAt().toEpochMilli()));
    }
    if (all || names.contains("ApproximateReceiveCount")) {
      out.put("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
    }
    if (all || names.contains("ApproximateFirstReceiveTimestamp")) {
      out.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt().toEpochMilli()));
    }
    return out;
  }

  /** The attributes named (or {@code All}/{@code .*}, or a {@code prefix.*}) that the message has. */
  private static Map<String, MessageAttributeValue> selectedAttributes(StoredMessage message, List<String> names) {
    Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
    message.attributes().forEach((name, value) -> {
      boolean wanted = names.stream().anyMatch(n -> n.equals("All") || n.equals(".*") || n.equals(name)
          || (n.endsWith(".*") && name.startsWith(n.substring(0, n.length() - 1))));
      if (wanted) {
        MessageAttributeValue.Builder v = MessageAttributeValue.builder().dataType(value.dataType());
        if (value.binaryValue() != null) {
          v.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.binaryValue())));
        } else {
          v.stringValue(value.stringValue());
        }
        out.put(name, v.build());
      }
    });
    return out;
  }

  private static Map<String, StoredAttribute> attributes(Map<String, MessageAttributeValue> given) {
    if (given.size() > MAX_ATTRIBUTES) {
      throw SqsError.INVALID_PARAMETER_VALUE.exception(
          "Number of message attributes [%d] exceeds the allowed maximum [10].", given.size());
    }
    Map<String, StoredAttribute> out = new LinkedHashMap<>();
    given.forEach((name, value) -> {
      String type = value.dataType();
      if (type == null || !(type.startsWith("String") || type.startsWith("Number") || type.startsWith("Binary"))) {
        throw SqsError.INVALID_PARAMETER_VALUE.exception(
            "The type of message (user) attribute '%s' is invalid. You must use only the following supported type "
                + "prefixes: Binary, Number, String.", name);
      }
      if (type.startsWith("Binary")) {
        if (value.binaryValue() == null) {
          throw missingValue(name);
        }
        out.put(name, new StoredAttribute(type, null, Base64.getEncoder().encodeToString(value.binaryValue().asByteArray())));
      } else {
        if (value.stringValue() == null) {
          throw missingValue(name);
        }
        out.put(name, new StoredAttribute(type, value.stringValue(), null));
      }
    });
    return out;
  }

  private static RuntimeException missingValue(String name) {
    return SqsError.INVALID_PARAMETER_VALUE.exception(
        "The message attribute '%s' must contain non-empty message attribute value.", name);
  }

  private static int size(String body, Map<String, StoredAttribute> attributes) {
    int size = body.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, StoredAttribute> a : attributes.entrySet()) {
      size += a.getKey().length() + a.getValue().dataType().length();
      size += a.getValue().binaryValue() != null ? Base64.getDecoder().decode(a.getValue().binaryValue()).length
          : a.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }

  /** SQS accepts only the characters XML 1.0 allows. */
  private static void requireValidCharacters(String body) {
    boolean valid = body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    if (!valid) {
      throw SqsError.INVALID_MESSAGE_CONTENTS.exception("Invalid characters found. Valid unicode characters are "
          + "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
    }
  }

  private static int delay(int seconds) {
    if (seconds < 0 || seconds > 900) {
      throw outOfRange("DelaySeconds", seconds, "Must be >= 0 and <= 900, if provided.");
    }
    return seconds;
  }

  private static int visibility(int seconds) {
    if (seconds < 0 || seconds > 43_200) {
      throw outOfRange("VisibilityTimeout", seconds, "Must be >= 0 and <= 43200, if provided.");
    }
    return seconds;
  }

  private static RuntimeException outOfRange(String parameter, int value, String reason) {
    return SqsError.INVALID_PARAMETER_VALUE.exception("Value %d for parameter %s is invalid. Reason: %s", value,
        parameter, reason);
  }

  /** A version-4-style UUID drawn from the injected generator. */
  private String messageId() {
    String hex = ids.next("0123456789abcdef", 32);
    return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
        + hex.substring(17, 20) + "-" + hex.substring(20)).toString();
  }
}
