package dev.billinggate.service.costexplorer;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ErrorCode;
import java.util.Map;

/**
 * Cost Explorer's error codes (botocore {@code ce/2017-10-25}). All are awsJson 1.1 client errors
 * (400). {@code AccessDeniedException} and {@code ValidationException} are not modeled by Cost
 * Explorer but sent by it.
 */
public enum CostExplorerError implements ErrorCode {
  ACCESS_DENIED("AccessDeniedException"),
  VALIDATION("ValidationException"),
  BILL_EXPIRATION("BillExpirationException"),
  DATA_UNAVAILABLE("DataUnavailableException"),
  INVALID_NEXT_TOKEN("InvalidNextTokenException"),
  LIMIT_EXCEEDED("LimitExceededException"),
  REQUEST_CHANGED("RequestChangedException"),
  RESOURCE_NOT_FOUND("ResourceNotFoundException"),
  SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException");

  private final String code;

  CostExplorerError(String code) {
    this.code = code;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return 400; }

  // Texts as clients log them: aws-samples/aws-cost-explorer-report#15 (not enabled),
  // intuit/costBuddy#5 (no data yet), zoph-io/instance-watcher#38 (forecast without history).
  static AwsException notEnabled() {
    return ACCESS_DENIED.exception("User not enabled for cost explorer access");
  }

  static AwsException dataUnavailable() {
    return DATA_UNAVAILABLE.exception("Data is not available. Please try to adjust the time period. "
        + "If just enabled Cost Explorer, data might not be ingested yet");
  }

  // zoph-io/instance-watcher#38: what GetCostForecast answers for accounts without history.
  static AwsException insufficientHistory() {
    return DATA_UNAVAILABLE.exception("Insufficient amount of historical data.");
  }

  static AwsException validation(String message) {
    return VALIDATION.exception(message);
  }

  static AwsException resourceNotFound(String message, String resourceName) {
    return new AwsException(RESOURCE_NOT_FOUND, message, Map.of("ResourceName", resourceName));
  }
}
