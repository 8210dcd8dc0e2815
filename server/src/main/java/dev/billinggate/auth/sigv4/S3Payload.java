package dev.billinggate.auth.sigv4;

import dev.billinggate.core.AwsException;
import dev.billinggate.core.CommonError;
import dev.billinggate.core.http.HttpRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.utils.BinaryUtils;

/**
 * S3's payload signing, which differs from every other service's: {@code x-amz-content-sha256} is
 * required and may name a streaming mode instead of a hash, and an {@code aws-chunked} body reaches
 * the service only once every chunk signature has been checked.
 */
final class S3Payload {
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final long DEFAULT_EXPIRES_SECONDS = 3600;

  private S3Payload() {}

  /** The payload hash the client must have signed. */
  static String signedHash(HttpRequest request, SignatureParameters signature) {
    String declared = request.header("x-amz-content-sha256");
    if (declared == null) {
      if (signature.presigned()) {
        return UNSIGNED; // a presigned URL never covers the body
      }
      throw PayloadError.INVALID_REQUEST.exception("Missing required header for this request: x-amz-content-sha256");
    }
    checkDeclaredHash(request, declared);
    return declared;
  }

  /** An unsigned request need not declare its payload; what it declares must hold as for a signed one. */
  static void checkUnsignedHash(HttpRequest request) {
    String declared = request.header("x-amz-content-sha256");
    if (declared != null) {
      checkDeclaredHash(request, declared);
    }
  }

  private static void checkDeclaredHash(HttpRequest request, String declared) {
    if (declared.equals(UNSIGNED) || AwsChunked.isStreaming(declared)) {
      return;
    }
    String actual = BinaryUtils.toHex(SignerUtils.hash(request.body()));
    if (declared.length() != 64 || !declared.equals(declared.toLowerCase(Locale.ROOT))) {
      throw PayloadError.INVALID_ARGUMENT.exception("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
          + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
          + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.");
    }
    if (!declared.equals(actual)) {
      throw PayloadError.CONTENT_SHA256_MISMATCH.exception(
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  /**
   * The request as S3 reads it: an {@code aws-chunked} body decoded (its chunk and trailer signatures
   * checked against {@code chain}, unless it is {@code null}), its trailing headers added to the headers
   * and {@code aws-chunked} taken out of {@code Content-Encoding}. Other requests are returned as they are.
   */
  static HttpRequest content(HttpRequest request, AwsChunked.Chain chain) {
    String mode = request.header("x-amz-content-sha256");
    if (!AwsChunked.isStreaming(mode)) {
      return request;
    }
    long decodedLength = decodedLength(request);
    AwsChunked.Decoded decoded = AwsChunked.decode(request.body(),
        mode.equals(AwsChunked.UNSIGNED_TRAILER) ? null : chain, decodedLength);
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    decoded.trailers().forEach((name, value) -> headers.put(name, List.of(value)));
    List<String> encodings = new ArrayList<>();
    for (String value : headers.getOrDefault("content-encoding", List.of())) {
      for (String encoding : value.split(",")) {
        if (!encoding.isBlank() && !encoding.trim().equalsIgnoreCase("aws-chunked")) {
          encodings.add(encoding.trim());
        }
      }
    }
    if (encodings.isEmpty()) {
      headers.remove("content-encoding");
    } else {
      headers.put("content-encoding", List.of(String.join(",", encodings)));
    }
    headers.put("content-length", List.of(Long.toString(decodedLength)));
    return new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), headers, decoded.data(),
        request.remoteAddress(), request.secure());
  }

  private static long decodedLength(HttpRequest request) {
    String value = request.header("x-amz-decoded-content-length");
    if (value == null) {
      throw PayloadError.MISSING_CONTENT_LENGTH.exception("You must provide the Content-Length HTTP header.");
    }
    try {
      long length = Long.parseLong(value.trim());
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PayloadError.INVALID_ARGUMENT.exception("x-amz-decoded-content-length must be a non-negative number.");
  }

  /**
   * A presigned S3 URL is valid from its {@code X-Amz-Date} (give or take the usual 15 minutes of
   * clock skew) until {@code X-Amz-Expires} seconds later (default 3600, at most 7 days).
   */
  static void checkPresignedExpiry(SignatureParameters signature, Instant now) {
    Instant signedAt = signature.signedAt();
    if (signedAt.isAfter(now.plus(SigV4Verifier.MAX_SKEW))) {
      throw CommonError.ACCESS_DENIED.exception("Request is not valid yet");
    }
    String expires = QueryParameters.first(signature.query(), "X-Amz-Expires");
    Instant expiry = signedAt.plusSeconds(expires == null ? DEFAULT_EXPIRES_SECONDS : Long.parseLong(expires));
    if (!now.isBefore(expiry)) {
      throw new AwsException(CommonError.ACCESS_DENIED, "Request has expired", Map.of(
          "X-Amz-Expires", expires == null ? Long.toString(DEFAULT_EXPIRES_SECONDS) : expires,
          "Expires", DateTimeFormatter.ISO_INSTANT.format(expiry),
          "ServerTime", DateTimeFormatter.ISO_INSTANT.format(now)));
    }
  }
}
