package dev.billinggate.governance;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The caller's credentials (a profile, else the SDK's default chain). When none are found it says what
 * to do, as the AWS CLI does, instead of the SDK's list of every provider it tried.
 */
final class CallerCredentials implements AwsCredentialsProvider {
  private static final String NONE_IN_CHAIN = "Unable to load credentials from any of the providers";

  private final AwsCredentialsProvider provider;
  private final String profile;

  /** @param profile the profile {@code provider} reads, or null for the default chain */
  CallerCredentials(AwsCredentialsProvider provider, String profile) {
    this.provider = provider;
    this.profile = profile;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    try {
      return provider.resolveCredentials();
    } catch (SdkClientException e) {
      String message = profile != null
          ? "no AWS credentials for profile " + profile + ": " + e.getMessage()
          : e.getMessage() != null && e.getMessage().startsWith(NONE_IN_CHAIN)
              ? "no AWS credentials: use --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or"
                  + " AWS_PROFILE)"
              : "AWS credentials could not be loaded: " + e.getMessage();
      throw SdkClientException.builder().message(message).cause(e).build();
    }
  }
}
