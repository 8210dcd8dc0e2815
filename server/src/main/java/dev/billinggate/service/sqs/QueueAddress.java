package dev.billinggate.service.sqs;

import dev.billinggate.core.Partition;
import java.net.URI;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Queue URLs and ARNs. billing-gate answers with URLs on its own endpoint
 * ({@code http://127.0.0.1:4566/<account>/<name>}), as AWS answers with its regional one, so that a
 * client that sends requests to a queue's URL reaches the emulator. Incoming URLs are read by their
 * path only: SDKs using the JSON protocol send every request to the configured endpoint anyway.
 *
 * @param account the owning account
 * @param name the queue name
 */
record QueueAddress(String account, String name) {
  private static final Pattern PATH = Pattern.compile("/(\\d{12})/([A-Za-z0-9_-]{1,75}(?:\\.fifo)?|[A-Za-z0-9_-]{1,80})/?");

  static QueueAddress parse(String queueUrl) {
    URI uri;
    try {
      uri = URI.create(queueUrl);
    } catch (IllegalArgumentException e) {
      throw invalid(queueUrl);
    }
    String path = uri.getPath();
    var match = path == null ? null : PATH.matcher(path);
    if (match == null || !match.matches()) {
      throw invalid(queueUrl);
    }
    return new QueueAddress(match.group(1), match.group(2));
  }

  private static RuntimeException invalid(String queueUrl) {
    return SqsError.INVALID_ADDRESS.exception("The address %s is not valid for this endpoint.", queueUrl);
  }

  String url(Supplier<URI> endpoint) {
    String base = endpoint.get().toString();
    return (base.endsWith("/") ? base : base + "/") + account + "/" + name;
  }

  static String arn(String region, String account, String name) {
    return Partition.arnPrefix() + "sqs:" + region + ":" + account + ":" + name;
  }
}
