package dev.billinggate.protocol.rest;

import dev.billinggate.core.ErrorCode;

/** The errors S3's request parser answers with before any operation runs. */
enum RestXmlError implements ErrorCode {
  MALFORMED_XML("MalformedXML", 400),
  ENTITY_TOO_LARGE("EntityTooLarge", 400),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
  INCOMPLETE_BODY("IncompleteBody", 400),
  REQUEST_TIMEOUT("RequestTimeout", 400),
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403);

  private final String code;
  private final int status;

  RestXmlError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
