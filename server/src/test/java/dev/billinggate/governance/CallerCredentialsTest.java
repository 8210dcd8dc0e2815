package dev.billinggate.governance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class CallerCredentialsTest {
  private static AwsCredentialsProvider failing(String message) {
    return () -> {
      throw SdkClientException.create(message);
    };
  }

  @Test
  void anEmptyDefaultChainSaysWhatToDoInsteadOfListingTheProviders() {
    var chain = new CallerCredentials(failing("Unable to load credentials from any of the providers in the chain"
        + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), …])"), null);
    assertThatThrownBy(chain::resolveCredentials).isInstanceOf(SdkClientException.class)
        .hasMessage("no AWS credentials: use --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            + " (or AWS_PROFILE)");
  }

  @Test
  void otherFailuresKeepTheSdksReason() {
    var sso = new CallerCredentials(failing("The SSO session has expired"), null);
    assertThatThrownBy(sso::resolveCredentials).hasMessage("AWS credentials could not be loaded: The SSO session has expired");
    var profile = new CallerCredentials(failing("Profile file contained no credentials for profile 'x'"), "x");
    assertThatThrownBy(profile::resolveCredentials)
        .hasMessage("no AWS credentials for profile x: Profile file contained no credentials for profile 'x'");
  }
}
