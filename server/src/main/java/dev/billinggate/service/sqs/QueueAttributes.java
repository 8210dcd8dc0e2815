package dev.billinggate.service.sqs;

import dev.billinggate.policy.PolicyException;
import dev.billinggate.policy.PolicyKind;
import dev.billinggate.policy.document.PolicyParser;
import dev.billinggate.policy.document.PolicyValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes CreateQueue and SetQueueAttributes take, with the ranges and defaults the SQS API
 * reference gives, and the read-only ones GetQueueAttributes computes.
 */
final class QueueAttributes {
  static final String POLICY = "Policy";
  static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
  static final String DELAY_SECONDS = "DelaySeconds";
  static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
  static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
  static final String RECEIVE_WAIT = "ReceiveMessageWaitTimeSeconds";
  static final String FIFO_QUEUE = "FifoQueue";

  /** Settable integer attributes: {min, max, default}. */
  private static final Map<String, int[]> RANGES = Map.of(
      DELAY_SECONDS, new int[] {0, 900, 0},
      MAXIMUM_MESSAGE_SIZE, new int[] {1024, 1_048_576, 1_048_576},
      MESSAGE_RETENTION_PERIOD, new int[] {60, 1_209_600, 345_600},
      RECEIVE_WAIT, new int[] {0, 20, 0},
      VISIBILITY_TIMEOUT, new int[] {0, 43_200, 30});

  /** Settable attributes kept as given (validated where noted). */
  private static final Set<String> TEXT = Set.of(POLICY, "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
      "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

  /** Attributes of FIFO queues, which billing-gate does not emulate yet. */
  private static final Set<String> FIFO_ONLY =
      Set.of(FIFO_QUEUE, "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

  /** Computed on read; naming one in SetQueueAttributes is an invalid attribute name. */
  static final Set<String> READ_ONLY = Set.of("QueueArn", "ApproximateNumberOfMessages",
      "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
      "LastModifiedTimestamp");

  private QueueAttributes() {}

  /** The attributes of a new queue: defaults, overridden by {@code requested} (validated). */
  static Map<String, String> forNewQueue(Map<String, String> requested) {
    Map<String, String> attributes = new LinkedHashMap<>();
    RANGES.forEach((name, range) -> attributes.put(name, Integer.toString(range[2])));
    attributes.put("SqsManagedSseEnabled", "true");
    attributes.putAll(validated(requested));
    return attributes;
  }

  /** {@code requested} after AWS's checks: known, settable names and values in range. */
  static Map<String, String> validated(Map<String, String> requested) {
    Map<String, String> valid = new LinkedHashMap<>();
    requested.forEach((name, value) -> {
      if (FIFO_ONLY.contains(name)) {
        throw FifoQueues.notEmulated();
      }
      int[] range = RANGES.get(name);
      if (range != null) {
        valid.put(name, Integer.toString(inRange(name, value, range)));
      } else if (TEXT.contains(name)) {
        if (POLICY.equals(name) && !value.isEmpty()) {
          requireValidPolicy(value);
        }
        valid.put(name, value);
      } else {
        throw SqsError.INVALID_ATTRIBUTE_NAME.exception("Unknown Attribute %s.", name);
      }
    });
    return valid;
  }

  private static int inRange(String name, String value, int[] range) {
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= range[0] && parsed <= range[1]) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, as AWS words it for any unusable value
    }
    throw invalidValue(name);
  }

  private static void requireValidPolicy(String json) {
    try {
      PolicyValidator.validate(PolicyParser.parse(json), PolicyKind.RESOURCE);
    } catch (PolicyException e) {
      throw invalidValue(POLICY);
    }
  }

  /** Whether GetQueueAttributes knows {@code name}, set on this queue or not. */
  static boolean isKnown(String name) {
    return RANGES.containsKey(name) || TEXT.contains(name) || READ_ONLY.contains(name) || FIFO_ONLY.contains(name);
  }

  static RuntimeException invalidValue(String name) {
    return SqsError.INVALID_ATTRIBUTE_VALUE.exception("Invalid value for the parameter %s.", name);
  }
}
