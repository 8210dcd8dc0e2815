package dev.billinggate.service.s3;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.ErrorCode;
import java.util.Map;

/** Amazon S3's error codes (S3 API reference, "List of error codes") with their statuses. */
public enum S3Error implements ErrorCode {
  NO_SUCH_BUCKET("NoSuchBucket", 404),
  NO_SUCH_KEY("NoSuchKey", 404),
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404),
  NO_SUCH_PUBLIC_ACCESS_BLOCK("NoSuchPublicAccessBlockConfiguration", 404),
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409),
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409),
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409),
  INVALID_BUCKET_NAME("InvalidBucketName", 400),
  INVALID_LOCATION_CONSTRAINT("InvalidLocationConstraint", 400),
  ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException", 400),
  MALFORMED_POLICY("MalformedPolicy", 400),
  MALFORMED_XML("MalformedXML", 400),
  INVALID_ARGUMENT("InvalidArgument", 400),
  INVALID_REQUEST("InvalidRequest", 400),
  INVALID_DIGEST("InvalidDigest", 400),
  BAD_DIGEST("BadDigest", 400),
  KEY_TOO_LONG("KeyTooLongError", 400),
  ACCESS_DENIED("AccessDenied", 403),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
  PRECONDITION_FAILED("PreconditionFailed", 412),
  INVALID_RANGE("InvalidRange", 416),
  NOT_MODIFIED("NotModified", 304);

  private final String code;
  private final int status;

  S3Error(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }

  /** The error with S3's extra element, e.g. {@code <BucketName>}. */
  AwsException error(String message, String field, String value) {
    return new AwsException(this, message, Map.of(field, value));
  }

  static AwsException noSuchBucket(String bucket) {
    return NO_SUCH_BUCKET.error("The specified bucket does not exist", "BucketName", bucket);
  }
}
