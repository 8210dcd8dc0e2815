package dev.billinggate.service.billing;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ErrorCode;
import java.util.Map;

/** The AWS Billing API's error codes (botocore {@code billing/2023-09-07}); awsJson 1.0 client errors. */
public enum BillingError implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException"),
  RESOURCE_NOT_FOUND("ResourceNotFoundException"),
  VALIDATION("ValidationException");

  private final String code;

  BillingError(String code) {
    this.code = code;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return 400; }

  static AwsException viewNotFound(String arn) {
    return new AwsException(RESOURCE_NOT_FOUND, "Billing view " + arn + " not found",
        Map.of("resourceId", arn, "resourceType", "billingview"));
  }
}
