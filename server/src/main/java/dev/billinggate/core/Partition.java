package dev.billinggate.core;

import java.util.function.Supplier;

/**
 * The AWS partition a request is served in ({@code aws}, {@code aws-cn}, {@code aws-us-gov},
 * {@code aws-iso}, …): the first field after {@code arn:} of every ARN billing-gate returns or matches.
 *
 * <p>billing-gate has one endpoint for every partition; the gateway picks the partition from the
 * region in the request's SigV4 scope and makes it current for the request's thread while the
 * request runs (as a request id is). ARN builders read it with {@link #current()}; outside a request
 * (bootstrap, the console, the CLI) it is {@code aws}.
 */
public final class Partition {
  public static final String AWS = "aws";
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Partition() {}

  /** The partition of the request being served, {@code aws} outside one. */
  public static String current() {
    String partition = CURRENT.get();
    return partition == null ? AWS : partition;
  }

  /** Runs {@code work} with {@code partition} current, restoring the previous one afterwards. */
  public static <T> T in(String partition, Supplier<T> work) {
    String previous = CURRENT.get();
    CURRENT.set(partition);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** {@code arn:<current partition>:}: the start of every ARN built for this request. */
  public static String arnPrefix() {
    return "arn:" + current() + ":";
  }

  /** The partition field of an ARN, or {@code null} when {@code arn} is not one. */
  public static String of(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int end = arn.indexOf(':', 4);
    return end < 0 ? null : arn.substring(4, end);
  }
}
