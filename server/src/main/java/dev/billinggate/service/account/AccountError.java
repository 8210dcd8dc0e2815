package dev.billinggate.service.account;

import dev.billinggate.core.ErrorCode;

/** AWS Account Management's error codes (botocore {@code account/2021-02-01}), with the model's HTTP statuses. */
public enum AccountError implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException", 403),
  CONFLICT("ConflictException", 409),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  TOO_MANY_REQUESTS("TooManyRequestsException", 429),
  VALIDATION("ValidationException", 400);

  private final String code;
  private final int status;

  AccountError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
