package dev.billinggate.auth.sigv4;

import dev.billinggate.auth.Caller;
import java.time.Instant;
import java.util.List;

/**
 * A request whose SigV4 signature checked out.
 *
 * @param accessKeyId the key that signed it
 * @param caller the principal behind the key
 * @param scope the credential scope; its region is the request's region
 * @param signedHeaders lower-case names of the headers the signature covers
 * @param signedAt the request's {@code X-Amz-Date}
 * @param presigned whether the signature came in the query string rather than the Authorization header
 */
public record VerifiedRequest(
    String accessKeyId,
    Caller caller,
    CredentialScope scope,
    List<String> signedHeaders,
    Instant signedAt,
    boolean presigned) {

  public VerifiedRequest {
    signedHeaders = List.copyOf(signedHeaders);
  }
}
