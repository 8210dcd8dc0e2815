package dev.billinggate.auth.sigv4;

import dev.billinggate.auth.Caller;
import dev.billinggate.core.http.HttpRequest;
import java.time.Instant;
import java.util.List;

/**
 * A request whose SigV4 signature checked out, or an unsigned one made by the anonymous principal.
 *
 * @param accessKeyId the key that signed it; {@code null} when anonymous
 * @param caller the principal behind the key, or {@link Caller#anonymous()}
 * @param scope the credential scope; its region is the request's region; {@code null} when anonymous
 * @param signedHeaders lower-case names of the headers the signature covers
 * @param signedAt the request's {@code X-Amz-Date}; {@code null} when anonymous
 * @param presigned whether the signature came in the query string rather than the Authorization header
 * @param content the request as the service reads it: for an S3 {@code aws-chunked} upload, the
 *     verified data with its trailing headers; otherwise the request as received
 */
public record VerifiedRequest(
    String accessKeyId,
    Caller caller,
    CredentialScope scope,
    List<String> signedHeaders,
    Instant signedAt,
    boolean presigned,
    HttpRequest content) {

  public VerifiedRequest {
    signedHeaders = List.copyOf(signedHeaders);
  }
}
