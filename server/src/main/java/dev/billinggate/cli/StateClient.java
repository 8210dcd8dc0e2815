package dev.billinggate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** billing-gate's own API, SigV4-signed for the {@code billing} service with the standard credential chain. */
final class StateClient {
  /** An error the server answered, in the awsJson shape. */
  static final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect");
  private static final JsonMapper JSON = new JsonMapper();

  private final URI endpoint;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  StateClient(StateOptions options) {
    this(options.endpoint(), options.region, options.profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.create(options.profile));
  }

  StateClient(URI endpoint, String region, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  URI endpoint() {
    return endpoint;
  }

  /**
   * @return the response body of a 2xx answer
   * @throws ApiError the server's error
   * @throws IOException the server could not be reached
   */
  byte[] send(String method, String path, byte[] body) throws ApiError, IOException {
    URI uri = endpoint.resolve(path);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(credentials.resolveCredentials())
        .request(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method)).build())
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "billing")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    signed.request().headers().forEach((name, values) -> {
      if (!SET_BY_CLIENT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 == 2) {
      return response.body();
    }
    throw error(response.statusCode(), response.body());
  }

  private static ApiError error(int status, byte[] body) {
    try {
      JsonNode error = JSON.readTree(body);
      String type = error.path("__type").asText("HTTP " + status);
      return new ApiError(status, type.substring(type.lastIndexOf('#') + 1),
          error.path("message").asText(error.path("Message").asText("")));
    } catch (IOException e) {
      return new ApiError(status, "HTTP " + status, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
