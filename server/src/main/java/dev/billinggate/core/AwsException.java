package dev.billinggate.core;

import java.util.Map;

/**
 * The only exception that crosses from a service to the wire: an AWS error code and its message.
 * Protocol writers render it in the service's error shape. {@code fields} carries extra modeled
 * members of the error shape (e.g. Organizations' {@code Reason}).
 */
public final class AwsException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, String> fields;

  public AwsException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public AwsException(ErrorCode code, String message, Map<String, String> fields) {
    super(message, null, false, false);
    this.code = code;
    this.fields = Map.copyOf(fields);
  }

  public ErrorCode code() { return code; }
  public Map<String, String> fields() { return fields; }
}
