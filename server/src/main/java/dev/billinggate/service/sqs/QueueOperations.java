package dev.billinggate.service.sqs;

import static dev.billinggate.service.sqs.SqsRecords.MESSAGES;
import static dev.billinggate.service.sqs.SqsRecords.QUEUES;

import dev.billinggate.service.CallContext;
import dev.billinggate.service.sqs.SqsRecords.StoredMessage;
import dev.billinggate.service.sqs.SqsRecords.StoredQueue;
import dev.billinggate.store.ReadTx;
import dev.billinggate.store.ReadTx.Entry;
import dev.billinggate.store.Store;
import dev.billinggate.store.WriteTx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/** Queues: create, find, list, delete, attributes (the queue policy among them), tags. */
final class QueueOperations {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final int MAX_TAGS = 50;
  private static final int MAX_LIST_RESULTS = 1000;

  private final Store store;
  private final Supplier<URI> endpoint;

  QueueOperations(Store store, Supplier<URI> endpoint) {
    this.store = store;
    this.endpoint = endpoint;
  }

  CreateQueueResponse createQueue(CreateQueueRequest r, CallContext ctx) {
    String name = r.queueName();
    if (name.endsWith(".fifo")) {
      throw FifoQueues.notEmulated();
    }
    if (!NAME.matcher(name).matches()) {
      throw SqsError.INVALID_PARAMETER_VALUE.exception(
          "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    }
    Map<String, String> attributes = QueueAttributes.forNewQueue(r.attributesAsStrings());
    Map<String, String> tags = validTags(r.tags());
    String account = ctx.caller().accountId();
    QueueAddress address = new QueueAddress(account, name);
    store.write(tx -> {
      String key = SqsRecords.queueKey(account, ctx.region(), name);
      var existing = tx.get(QUEUES, key);
      if (existing.isPresent()) {
        requireSameAttributes(existing.get(), attributes);
        return null;
      }
      tx.put(QUEUES, key, new StoredQueue(account, ctx.region(), name, attributes, tags, ctx.now(), ctx.now(), 0));
      return null;
    });
    return CreateQueueResponse.builder().queueUrl(address.url(endpoint)).build();
  }

  /** CreateQueue of an existing name is idempotent only with the same attributes. */
  private static void requireSameAttributes(StoredQueue queue, Map<String, String> requested) {
    for (Map.Entry<String, String> attribute : requested.entrySet()) {
      if (!attribute.getValue().equals(queue.attributes().get(attribute.getKey()))) {
        throw SqsError.QUEUE_NAME_EXISTS.exception(
            "A queue already exists with the same name and a different value for attribute %s", attribute.getKey());
      }
    }
  }

  GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest r, CallContext ctx) {
    String account = r.queueOwnerAWSAccountId() != null ? r.queueOwnerAWSAccountId() : ctx.caller().accountId();
    StoredQueue queue = store.read(tx -> find(tx, new QueueAddress(account, r.queueName()), ctx.region()));
    return GetQueueUrlResponse.builder().queueUrl(new QueueAddress(queue.accountId(), queue.name()).url(endpoint))
        .build();
  }

  ListQueuesResponse listQueues(ListQueuesRequest r, CallContext ctx) {
    int limit = r.maxResults() == null ? MAX_LIST_RESULTS : r.maxResults();
    if (limit < 1 || limit > MAX_LIST_RESULTS) {
      throw SqsError.INVALID_PARAMETER_VALUE.exception(
          "Value %d for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.",
          limit);
    }
    String prefix = SqsRecords.queueKey(ctx.caller().accountId(), ctx.region(),
        r.queueNamePrefix() == null ? "" : r.queueNamePrefix());
    String after = r.nextToken() == null ? null : decodeToken(r.nextToken());
    List<Entry<StoredQueue>> page = store.read(tx -> tx.scan(QUEUES, prefix, after, limit + 1));
    List<String> urls = new ArrayList<>();
    for (Entry<StoredQueue> entry : page.subList(0, Math.min(limit, page.size()))) {
      urls.add(new QueueAddress(entry.value().accountId(), entry.value().name()).url(endpoint));
    }
    ListQueuesResponse.Builder response = ListQueuesResponse.builder().queueUrls(urls);
    // AWS sends a NextToken only when the caller asked for pages (MaxResults).
    if (page.size() > limit && r.maxResults() != null) {
      response.nextToken(encodeToken(page.get(limit - 1).key()));
    }
    return response.build();
  }

  DeleteQueueResponse deleteQueue(DeleteQueueRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    store.write(tx -> {
      StoredQueue queue = find(tx, address, ctx.region());
      deleteMessages(tx, queue);
      tx.delete(QUEUES, queue.key());
      return null;
    });
    return DeleteQueueResponse.builder().build();
  }

  PurgeQueueResponse purgeQueue(PurgeQueueRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    store.write(tx -> {
      deleteMessages(tx, find(tx, address, ctx.region()));
      return null;
    });
    return PurgeQueueResponse.builder().build();
  }

  private static void deleteMessages(WriteTx tx, StoredQueue queue) {
    for (Entry<StoredMessage> message : tx.scan(MESSAGES, queue.key() + "/", null, Integer.MAX_VALUE)) {
      tx.delete(MESSAGES, message.key());
    }
  }

  GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    List<String> names = r.attributeNamesAsStrings();
    Map<String, String> attributes = store.read(tx -> {
      StoredQueue queue = find(tx, address, ctx.region());
      return select(current(tx, queue, ctx.now()), names);
    });
    return GetQueueAttributesResponse.builder().attributesWithStrings(attributes).build();
  }

  /** Every attribute of the queue, the computed ones included. */
  private static Map<String, String> current(ReadTx tx, StoredQueue queue, Instant now) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("QueueArn", queue.arn());
    int visible = 0;
    int inFlight = 0;
    int delayed = 0;
    for (Entry<StoredMessage> entry : tx.scan(MESSAGES, queue.key() + "/", null, Integer.MAX_VALUE)) {
      StoredMessage message = entry.value();
      if (!message.visibleAt().isAfter(now)) {
        visible++;
      } else if (message.receiveCount() > 0) {
        inFlight++;
      } else {
        delayed++;
      }
    }
    all.put("ApproximateNumberOfMessages", Integer.toString(visible));
    all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlight));
    all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayed));
    all.put("CreatedTimestamp", Long.toString(queue.createdAt().getEpochSecond()));
    all.put("LastModifiedTimestamp", Long.toString(queue.lastModifiedAt().getEpochSecond()));
    queue.attributes().forEach((name, value) -> {
      if (!value.isEmpty()) {
        all.put(name, value);
      }
    });
    return all;
  }

  private static Map<String, String> select(Map<String, String> all, List<String> names) {
    if (names.contains("All")) {
      return all;
    }
    Map<String, String> selected = new LinkedHashMap<>();
    for (String name : names) {
      if (all.containsKey(name)) {
        selected.put(name, all.get(name));
      } else if (!QueueAttributes.isKnown(name)) {
        throw SqsError.INVALID_ATTRIBUTE_NAME.exception("Unknown Attribute %s.", name);
      }
    }
    return selected;
  }

  SetQueueAttributesResponse setQueueAttributes(SetQueueAttributesRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    for (String name : r.attributesAsStrings().keySet()) {
      if (QueueAttributes.READ_ONLY.contains(name)) {
        throw SqsError.INVALID_ATTRIBUTE_NAME.exception("Unknown Attribute %s.", name);
      }
    }
    Map<String, String> changes = QueueAttributes.validated(r.attributesAsStrings());
    store.write(tx -> {
      StoredQueue queue = find(tx, address, ctx.region());
      Map<String, String> updated = new HashMap<>(queue.attributes());
      updated.putAll(changes);
      tx.put(QUEUES, queue.key(), queue.withAttributes(updated, ctx.now()));
      return null;
    });
    return SetQueueAttributesResponse.builder().build();
  }

  TagQueueResponse tagQueue(TagQueueRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    Map<String, String> added = validTags(r.tags());
    store.write(tx -> {
      StoredQueue queue = find(tx, address, ctx.region());
      Map<String, String> tags = new HashMap<>(queue.tags());
      tags.putAll(added);
      if (tags.size() > MAX_TAGS) {
        throw tooManyTags();
      }
      tx.put(QUEUES, queue.key(), queue.withTags(tags));
      return null;
    });
    return TagQueueResponse.builder().build();
  }

  UntagQueueResponse untagQueue(UntagQueueRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    store.write(tx -> {
      StoredQueue queue = find(tx, address, ctx.region());
      Map<String, String> tags = new HashMap<>(queue.tags());
      r.tagKeys().forEach(tags::remove);
      tx.put(QUEUES, queue.key(), queue.withTags(tags));
      return null;
    });
    return UntagQueueResponse.builder().build();
  }

  ListQueueTagsResponse listQueueTags(ListQueueTagsRequest r, CallContext ctx) {
    QueueAddress address = QueueAddress.parse(r.queueUrl());
    StoredQueue queue = store.read(tx -> find(tx, address, ctx.region()));
    return ListQueueTagsResponse.builder().tags(queue.tags()).build();
  }

  private static Map<String, String> validTags(Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw tooManyTags();
    }
    tags.forEach((key, value) -> {
      if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
        throw SqsError.INVALID_PARAMETER_VALUE.exception(
            "Tag keys must be between 1 and 128 characters and tag values at most 256 characters.");
      }
    });
    return Map.copyOf(tags);
  }

  private static RuntimeException tooManyTags() {
    return SqsError.INVALID_PARAMETER_VALUE.exception("Too many tags added for queue. A queue can have at most 50 tags.");
  }

  static StoredQueue find(ReadTx tx, QueueAddress address, String region) {
    return tx.get(QUEUES, SqsRecords.queueKey(address.account(), region, address.name()))
        .orElseThrow(QueueOperations::noSuchQueue);
  }

  static RuntimeException noSuchQueue() {
    return SqsError.QUEUE_DOES_NOT_EXIST.exception("The specified queue does not exist.");
  }

  private static String encodeToken(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SqsError.INVALID_PARAMETER_VALUE.exception("Invalid NextToken value.");
    }
  }
}
