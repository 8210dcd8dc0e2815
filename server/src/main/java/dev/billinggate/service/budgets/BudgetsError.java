package dev.billinggate.service.budgets;

import dev.billinggate.core.ErrorCode;

/** AWS Budgets' error codes (botocore {@code budgets/2016-10-20}); all awsJson 1.1 client errors (400). */
public enum BudgetsError implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException"),
  CREATION_LIMIT_EXCEEDED("CreationLimitExceededException"),
  DUPLICATE_RECORD("DuplicateRecordException"),
  EXPIRED_NEXT_TOKEN("ExpiredNextTokenException"),
  INVALID_NEXT_TOKEN("InvalidNextTokenException"),
  INVALID_PARAMETER("InvalidParameterException"),
  NOT_FOUND("NotFoundException");

  private final String code;

  BudgetsError(String code) {
    this.code = code;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return 400; }
}
