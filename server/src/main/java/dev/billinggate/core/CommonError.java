package dev.billinggate.core;

/**
 * Errors every AWS service can answer with (the "common errors" of each API reference), before a
 * request reaches service logic. JSON protocols suffix some of them with {@code Exception}; the
 * protocol writer asks {@link #code(ServiceId.Protocol)}.
 */
public enum CommonError implements ErrorCode {
  ACCESS_DENIED("AccessDenied", "AccessDeniedException", 403),
  INCOMPLETE_SIGNATURE("IncompleteSignature", "IncompleteSignatureException", 400),
  INVALID_ACTION("InvalidAction", "UnknownOperationException", 400),
  INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", "UnrecognizedClientException", 403),
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "InvalidSignatureException", 403),
  EXPIRED_TOKEN("ExpiredToken", "ExpiredTokenException", 403),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", "MissingAuthenticationTokenException", 403),
  MALFORMED_QUERY_STRING("MalformedQueryString", "SerializationException", 400),
  SERIALIZATION("SerializationException", "SerializationException", 400),
  MISSING_PARAMETER("MissingParameter", "ValidationException", 400),
  INVALID_PARAMETER_VALUE("InvalidParameterValue", "ValidationException", 400),
  VALIDATION_ERROR("ValidationError", "ValidationException", 400),
  REQUEST_EXPIRED("RequestExpired", "RequestExpired", 400),
  NOT_IMPLEMENTED("NotImplemented", "NotImplementedException", 501),
  THROTTLING("Throttling", "ThrottlingException", 400),
  PAYLOAD_TOO_LARGE("RequestEntityTooLarge", "RequestEntityTooLargeException", 413),
  INTERNAL_FAILURE("InternalFailure", "InternalFailure", 500),
  /** A store several servers share cannot be reached (docs/deploy.md); SDKs retry it. */
  SERVICE_UNAVAILABLE("ServiceUnavailable", "ServiceUnavailable", 503);

  private final String queryCode;
  private final String jsonCode;
  private final int status;

  CommonError(String queryCode, String jsonCode, int status) {
    this.queryCode = queryCode;
    this.jsonCode = jsonCode;
    this.status = status;
  }

  @Override public String code() { return queryCode; }
  @Override public int httpStatus() { return status; }

  public String code(ServiceId.Protocol protocol) {
    // The XML protocols name errors alike; restXml (S3) shares awsQuery's codes.
    return protocol == ServiceId.Protocol.AWS_QUERY || protocol == ServiceId.Protocol.REST_XML ? queryCode : jsonCode;
  }
}
