package dev.billinggate.service.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billinggate.core.AwsException;

/** Asserts the AWS error an operation throws: code, HTTP status and exact message. */
final class AwsErrorAssert {
  private AwsErrorAssert() {}

  static void assertError(Runnable call, String code, int status, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.code().code()).isEqualTo(code);
      assertThat(e.code().httpStatus()).isEqualTo(status);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }
}
