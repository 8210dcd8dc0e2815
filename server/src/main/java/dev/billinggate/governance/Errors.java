package dev.billinggate.governance;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** One line describing an SDK failure, for ERROR rows and messages. */
public final class Errors {
  private Errors() {}

  public static String describe(Exception e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage()
          + (aws.numAttempts() == null ? "" : " (after " + aws.numAttempts() + " attempts)");
    }
    // The SDK's client-side failures (no credentials, no endpoint) say what is wrong in their message.
    return e instanceof SdkClientException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
