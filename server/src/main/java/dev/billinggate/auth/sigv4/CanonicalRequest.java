package dev.billinggate.auth.sigv4;

import dev.billinggate.core.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.utils.Pair;

/**
 * Builds the SigV4 canonical request of a received request with the AWS SDK's own canonicalization
 * ({@link V4CanonicalRequest}, the class the SDK's signer uses), so the server reproduces exactly
 * what SDK clients compute: double-encoded, normalized path; sorted, re-encoded query; trimmed
 * header values.
 *
 * <p>Only the header block is assembled here, from exactly the headers the client listed: the SDK
 * drops headers it never signs itself ({@code user-agent}, {@code expect}, ...), but a server must
 * honour whatever the client chose to sign.
 */
final class CanonicalRequest {
  // Path normalization needs a URI; host and scheme never reach the canonical request.
  private static final String PLACEHOLDER_HOST = "localhost";
  // Every service but S3: normalize the path and encode it a second time.
  private static final V4CanonicalRequest.Options SERVICE_OPTIONS =
      new V4CanonicalRequest.Options(true, true);
  // S3 signs the path as sent: no second encoding, no dot-segment normalization (keys may hold "//" or "..").
  private static final V4CanonicalRequest.Options S3_OPTIONS = new V4CanonicalRequest.Options(false, false);

  private CanonicalRequest() {}

  /**
   * @throws IllegalArgumentException when the method or path cannot be canonicalized (the signature
   *     cannot match such a request)
   */
  static String of(HttpRequest request, SignatureParameters signature, String payloadHash, boolean s3) {
    SdkHttpRequest.Builder sdkRequest = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(request.method()))
        .protocol("https")
        .host(PLACEHOLDER_HOST)
        .encodedPath(request.rawPath().isEmpty() ? "/" : request.rawPath());
    for (Map.Entry<String, List<String>> parameter : signature.query().entrySet()) {
      if (!(signature.presigned() && parameter.getKey().equals(SignatureParameters.SIGNATURE_PARAMETER))) {
        sdkRequest.putRawQueryParameter(parameter.getKey(), parameter.getValue());
      }
    }
    // With no headers the SDK's canonical request is "METHOD\nURI\nQUERY\n\n\nHASH"; keep its first
    // three lines and put the signed headers after them.
    String withoutHeaders = new V4CanonicalRequest(sdkRequest.build(), payloadHash, s3 ? S3_OPTIONS : SERVICE_OPTIONS)
        .getCanonicalRequestString();
    int uriEnd = withoutHeaders.indexOf('\n', withoutHeaders.indexOf('\n') + 1);
    int queryEnd = withoutHeaders.indexOf('\n', uriEnd + 1);
    return withoutHeaders.substring(0, queryEnd + 1)
        + V4CanonicalRequest.getCanonicalHeadersString(signedHeaderValues(request, signature))
        + '\n' + signature.signedHeadersValue()
        + '\n' + payloadHash;
  }

  private static List<Pair<String, List<String>>> signedHeaderValues(
      HttpRequest request, SignatureParameters signature) {
    List<String> names = signature.signedHeaders();
    List<Pair<String, List<String>>> headers = new ArrayList<>(names.size());
    for (String name : names) {
      List<String> values = request.headers().get(name);
      headers.add(Pair.of(name, values == null ? List.of("") : values));
    }
    return headers;
  }
}
