package dev.billinggate.emulator;

import dev.billinggate.core.ErrorCode;

/** The errors of billing-gate's own API, in the awsJson shape its clients already parse. */
enum EmulatorApiError implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException", 403),
  CONFLICT("ConflictException", 409),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  UNKNOWN_OPERATION("UnknownOperationException", 404),
  VALIDATION("ValidationException", 400);

  private final String code;
  private final int status;

  EmulatorApiError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
