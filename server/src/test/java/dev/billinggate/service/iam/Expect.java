package dev.billinggate.service.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.billinggate.core.AwsException;

/** Asserts an AWS error: code and, when given, the exact message. */
public final class Expect {
  private Expect() {}

  public static void error(Runnable call, String code, String message) {
    try {
      call.run();
    } catch (AwsException e) {
      assertThat(e.code().code()).isEqualTo(code);
      if (message != null) {
        assertThat(e.getMessage()).isEqualTo(message);
      }
      return;
    }
    fail("expected " + code);
  }
}
