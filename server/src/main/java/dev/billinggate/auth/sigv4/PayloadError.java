package dev.billinggate.auth.sigv4;

import dev.billinggate.core.ErrorCode;

/**
 * The errors S3 answers a request body with when it does not match how it was signed: the codes
 * of the S3 API reference's error list, which only S3 (the one service that signs bodies in chunks
 * and accepts unsigned ones) uses.
 */
public enum PayloadError implements ErrorCode {
  /** A required header is missing, or the signing mode is one S3 does not take. */
  INVALID_REQUEST("InvalidRequest"),
  /** The body ended before the chunks, or the bytes, it announced. */
  INCOMPLETE_BODY("IncompleteBody"),
  /** The signed hex SHA-256 of the body is not the body's. */
  CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch"),
  /** A declared checksum ({@code x-amz-checksum-*}, in a header or a trailer) is not the body's. */
  BAD_DIGEST("BadDigest"),
  /** A checksum value that is not the base64 of a checksum of its algorithm. */
  INVALID_ARGUMENT("InvalidArgument"),
  /** A streaming upload that does not say how long its data is. */
  MISSING_CONTENT_LENGTH("MissingContentLength", 411);

  private final String code;
  private final int status;

  PayloadError(String code) {
    this(code, 400);
  }

  PayloadError(String code, int status) {
    this.code = code;
    this.status = status;
  }

  @Override public String code() { return code; }
  @Override public int httpStatus() { return status; }
}
