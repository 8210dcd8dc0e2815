package dev.billinggate.core;

/**
 * One AWS error code of one service. Each service declares its codes as an enum implementing this
 * interface, so the family is closed and maps 1:1 to the codes AWS returns.
 */
public interface ErrorCode {
  /** The wire code, e.g. {@code NoSuchEntity} or {@code AWSOrganizationsNotInUseException}. */
  String code();

  /** HTTP status AWS answers with. */
  int httpStatus();

  /**
   * The code the service's query protocol used for this error, for services whose JSON API is
   * {@code awsQueryCompatible} (SQS), which name it in the {@code x-amzn-query-error} header. Most
   * codes are the same in both protocols.
   */
  default String queryCompatibleCode() {
    return code();
  }

  /** {@code true} for client errors ({@code <Type>Sender</Type>} in query errors). */
  default boolean senderFault() {
    return httpStatus() < 500;
  }

  default AwsException exception(String message) {
    return new AwsException(this, message);
  }

  default AwsException exception(String format, Object... args) {
    return new AwsException(this, String.format(format, args));
  }
}
