package dev.billinggate.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Sends arbitrary (possibly malformed) requests signed by the SDK's own SigV4 signer, for tests
 * that real clients can't express: bad bodies, unknown operations, tampering, skewed clocks.
 */
public final class SignedHttp {
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  public SignedHttp(URI endpoint) {
    this.endpoint = endpoint;
  }

  public record Reply(int status, Map<String, List<String>> headers, String body) {}

  /** Signs {@code body} for {@code service} with {@code clock} as the signing time, then sends it. */
  public Reply send(String method, String pathAndQuery, Map<String, String> headers, String body,
      String service, AwsCredentials credentials, Clock clock) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    URI uri = endpoint.resolve(pathAndQuery);
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
    headers.forEach(unsigned::putHeader);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(credentials)
        .request(unsigned.build())
        .payload(ContentStreamProvider.fromByteArray(bytes))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    return send(method, uri, signed.request().headers(), bytes);
  }

  /** Sends exactly these headers and body, signed or not. */
  public Reply send(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase())) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }
}
