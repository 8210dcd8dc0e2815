package dev.billinggate.protocol;

import dev.billinggate.core.ErrorCode;

/** Service error codes the fake handlers throw, standing in for the services' own enums. */
enum TestErrors implements ErrorCode {
  NO_SUCH_ENTITY("NoSuchEntity", 404),
  EXPIRED_TOKEN("ExpiredTokenException", 400),
  ORGANIZATIONS_NOT_IN_USE("AWSOrganizationsNotInUseException", 400),
  CONSTRAINT_VIOLATION("ConstraintViolationException", 400),
  BUDGET_NOT_FOUND("NotFoundException", 400),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
  BILLING_INTERNAL("InternalServerException", 500);

  private final String code;
  private final int status;

  TestErrors(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
