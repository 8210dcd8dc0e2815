package dev.billinggate.auth.sigv4;

import dev.billinggate.core.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK's own SigV4 signer, for tests and the load generator. */
public final class SdkSignedRequests {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final Clock clock;
  private final String region;
  private final String service;
  private AwsCredentialsIdentity identity;
  private boolean presign;
  private Duration expires = Duration.ofMinutes(15);
  private boolean payloadSigning = true;

  private SdkSignedRequests(Clock clock, String region, String service) {
    this.clock = clock;
    this.region = region;
    this.service = service;
  }

  public static SdkSignedRequests signer(Clock clock, String region, String service) {
    return new SdkSignedRequests(clock, region, service);
  }

  public SdkSignedRequests credentials(String accessKeyId, String secret) {
    identity = AwsCredentialsIdentity.create(accessKeyId, secret);
    return this;
  }

  public SdkSignedRequests sessionCredentials(String accessKeyId, String secret, String token) {
    identity = AwsSessionCredentialsIdentity.create(accessKeyId, secret, token);
    return this;
  }

  public SdkSignedRequests presigned(Duration expiresIn) {
    presign = true;
    expires = expiresIn;
    return this;
  }

  public SdkSignedRequests unsignedPayload() {
    payloadSigning = false;
    return this;
  }

  /** Signs a request for {@code http://host<pathAndQuery>}; header names keep their case. */
  public SdkHttpRequest sign(String method, String host, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(method))
        .uri(URI.create("http://" + host + pathAndQuery));
    headers.forEach(request::putHeader);
    SignedRequest signed = SIGNER.sign(r -> {
      r.identity(identity)
          .request(request.build())
          .payload(body.length == 0 ? null : ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, region)
          .putProperty(HttpSigner.SIGNING_CLOCK, clock)
          .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning);
      if (presign) {
        r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
      }
    });
    return signed.request();
  }

  /** Signs and converts to what the HTTP server hands the gateway. */
  public HttpRequest signToHttpRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    return toHttpRequest(sign(method, "127.0.0.1:4566", pathAndQuery, headers, body), body);
  }

  public static HttpRequest toHttpRequest(SdkHttpRequest signed, byte[] body) {
    URI uri = signed.getUri();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.forEachHeader((name, values) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
    if (body.length > 0) {
      headers.putIfAbsent("content-length", List.of(Integer.toString(body.length)));
    }
    return new HttpRequest(signed.method().name(), uri.getRawPath(),
        uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body, "127.0.0.1", false);
  }
}
