package dev.billinggate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billinggate.junit5.OrganizationFixture;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Names and failure checks the root-access integration tests share. */
final class OrganizationRootAccess {
  static final String AUDIT = OrganizationFixture.AUDIT_ROOT_USER_CREDENTIALS;
  static final String DELETE = OrganizationFixture.DELETE_ROOT_USER_CREDENTIALS;
  static final String CREATE_PASSWORD = OrganizationFixture.CREATE_ROOT_USER_PASSWORD;
  static final String IAM = OrganizationFixture.IAM_SERVICE_PRINCIPAL;

  private OrganizationRootAccess() {}

  static AwsServiceException failure(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  static void assertDenied(Runnable call) {
    AwsServiceException e = failure(call);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
  }
}
