package dev.billinggate.service.sqs;

import dev.billinggate.core.ErrorCode;

/**
 * Amazon SQS's error codes (botocore {@code sqs/2012-11-05}, awsJson 1.0). SQS is
 * {@code awsQueryCompatible}: besides the JSON {@code __type} it names each error with the code its
 * query protocol used, in the {@code x-amzn-query-error} header, which SDKs with the trait report
 * as the error code.
 */
public enum SqsError implements ErrorCode {
  QUEUE_DOES_NOT_EXIST("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
  QUEUE_NAME_EXISTS("QueueNameExists", "QueueAlreadyExists"),
  INVALID_ADDRESS("InvalidAddress"),
  INVALID_ATTRIBUTE_NAME("InvalidAttributeName"),
  INVALID_ATTRIBUTE_VALUE("InvalidAttributeValue"),
  INVALID_PARAMETER_VALUE("InvalidParameterValue"),
  INVALID_MESSAGE_CONTENTS("InvalidMessageContents"),
  RECEIPT_HANDLE_IS_INVALID("ReceiptHandleIsInvalid"),
  MESSAGE_NOT_INFLIGHT("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight");

  private final String code;
  private final String queryCode;

  SqsError(String code) {
    this(code, code);
  }

  SqsError(String code, String queryCode) {
    this.code = code;
    this.queryCode = queryCode;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return 400; }
  @Override public String queryCompatibleCode() { return queryCode; }
}
